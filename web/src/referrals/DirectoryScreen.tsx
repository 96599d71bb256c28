import { useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { Loading } from '../components/Loading';
import { ServiceEditor } from './ServiceEditor';
import type { PartnerService } from './referralsApi';
import type { DirectorySearch } from './referralsModel';
import { DirectoryFilters, useDirectorySearch } from './ServicePicker';
import './referrals.css';

/**
 * The directory of partner services, searched by need, place and language, each with when it was
 * last checked and how referrals to it ended. Coordinators add and change entries.
 */
export function DirectoryScreen() {
  const { session, t, language } = useApp();
  const [search, setSearch] = useState<DirectorySearch>({ includeClosed: true });
  const [editing, setEditing] = useState<PartnerService | 'new' | null>(null);
  const [generation, setGeneration] = useState(0);
  const services = useDirectorySearch(search, generation);
  const edits = hasRole(session, 'COORDINATOR');

  return (
    <section class="card directory" data-testid="directory">
      <h1>{t('directory.title')}</h1>
      <DirectoryFilters search={search} onChange={setSearch} />
      {edits && editing === null && (
        <button type="button" class="button primary" onClick={() => setEditing('new')} data-testid="directory-add">
          {t('directory.add')}
        </button>
      )}
      {editing !== null && (
        <ServiceEditor
          service={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            setGeneration(generation + 1);
          }}
        />
      )}
      {!services ? (
        <Loading />
      ) : services.length === 0 ? (
        <p class="empty">{t('directory.none')}</p>
      ) : (
        <ul class="plain-list">
          {services.map((service) => (
            <li key={service.id} class={`referral ${service.details.closed ? 'overdue' : ''}`} data-testid="directory-service">
              <strong dir="auto">{service.details.name}</strong> · {t(enumKey('directory.kind', service.details.kind))}
              {service.details.closed && <span class="flag danger"> {t('directory.closed')}</span>}
              <div class="muted" dir="auto">
                {[service.details.address, service.details.postalCode, service.details.city].filter(Boolean).join(' ')}
              </div>
              {service.details.openingHours && <div dir="auto">{service.details.openingHours}</div>}
              <div class="muted">
                {service.details.needs.map((need) => t(enumKey('directory.needs', need))).join(', ')}
                {service.details.languages.length > 0 && ` · ${service.details.languages.join(', ')}`}
                {service.details.acceptsUncovered && ` · ${t('directory.acceptsUncovered')}`}
                {service.details.acceptsMinors && ` · ${t('directory.acceptsMinors')}`}
                {service.details.interpreter && ` · ${t('directory.interpreter')}`}
              </div>
              {service.details.phone && <div dir="ltr">{service.details.phone}</div>}
              <div class="muted">
                {service.details.checkedOn ? t('directory.checkedOn', { date: formatDate(service.details.checkedOn, language) }) : t('directory.neverChecked')} ·{' '}
                {t('directory.outcomes', {
                  open: service.outcomes.open,
                  attended: service.outcomes.attended + service.outcomes.closed,
                  refused: service.outcomes.refused,
                  lost: service.outcomes.lost,
                })}
              </div>
              {edits && (
                <button type="button" class="button link" onClick={() => setEditing(service)}>
                  {t('directory.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
