import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { SITE_KINDS, type Programme, type Site, type SiteKind } from '../types';
import { OutreachLocations } from './OutreachLocations';
import { TextField } from './TextField';
import { useSubmit } from './useSubmit';

interface Props {
  programmes: Programme[];
  sites: Site[];
  onChanged: () => void;
}

export function SitesPanel({ programmes, sites, onChanged }: Props) {
  const { t } = useApp();
  const [programmeId, setProgrammeId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SiteKind>('FIXED');
  const [city, setCity] = useState('');
  const [phone, setPhone] = useState('');
  const { problem, busy, done, run } = useSubmit();

  const create = async (event: Event) => {
    event.preventDefault();
    const site = {
      programmeId: programmeId || programmes[0]?.id || '',
      name: name.trim(),
      kind,
      city: city.trim() || undefined,
      phone: phone.trim() || undefined,
    };
    if (await run(() => api.createSite(site))) {
      setName('');
      setCity('');
      setPhone('');
      onChanged();
    }
  };

  return (
    <section class="card" aria-labelledby="admin-sites">
      <h2 id="admin-sites">{t('admin.sites')}</h2>
      {sites.length === 0 ? (
        <p class="empty">{t('admin.noSites')}</p>
      ) : (
        <ul class="plain-list" data-testid="admin-site-list">
          {sites.map((site) => (
            <li key={site.id} data-testid="admin-site">
              <strong>{site.name}</strong> — {site.programmeName} · {t(`siteKind.${site.kind}`)}
              {site.city ? ` · ${site.city}` : ''}
              {site.kind === 'MOBILE_TEAM' && <OutreachLocations site={site} />}
            </li>
          ))}
        </ul>
      )}
      {programmes.length > 0 && (
        <form onSubmit={create} noValidate class="admin-form">
          <FormError problem={problem} placed={['programmeId', 'name', 'kind', 'city', 'phone']} />
          <div class="field">
            <label for="admin-site-programme">{t('admin.siteProgramme')}</label>
            <select
              id="admin-site-programme"
              value={programmeId || programmes[0]?.id}
              onChange={(event) => setProgrammeId(event.currentTarget.value)}
              data-testid="admin-site-programme"
            >
              {programmes.map((programme) => (
                <option key={programme.id} value={programme.id}>
                  {programme.name}
                </option>
              ))}
            </select>
            <FieldErrors problem={problem} path="programmeId" />
          </div>
          <TextField id="admin-site-name" label={t('admin.siteName')} value={name} onInput={setName} problem={problem} path="name" />
          <div class="field">
            <label for="admin-site-kind">{t('admin.siteKind')}</label>
            <select
              id="admin-site-kind"
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as SiteKind)}
              data-testid="admin-site-kind"
            >
              {SITE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`siteKind.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field-row">
            <TextField id="admin-site-city" label={t('admin.siteCity')} value={city} onInput={setCity} problem={problem} path="city" />
            <TextField
              id="admin-site-phone"
              type="tel"
              label={t('admin.sitePhone')}
              value={phone}
              onInput={setPhone}
              problem={problem}
              path="phone"
            />
          </div>
          <button type="submit" class="button primary" disabled={busy} data-testid="admin-site-save">
            {t('admin.createSite')}
          </button>
          {done && <p class="success" role="status">{t('admin.created')}</p>}
        </form>
      )}
    </section>
  );
}
