import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import type { OutreachLocation, Site } from '../types';
import { TextField } from './TextField';
import { useSubmit } from './useSubmit';

/** The camps, squats and streets a mobile team visits; loaded when opened. */
export function OutreachLocations({ site }: { site: Site }) {
  const { t } = useApp();
  const [locations, setLocations] = useState<OutreachLocation[] | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const loading = useSubmit();
  const adding = useSubmit();

  const load = () => loading.run(async () => setLocations(await api.outreachLocations(site.id)));

  const add = async (event: Event) => {
    event.preventDefault();
    const location = { name: name.trim(), description: description.trim() || undefined };
    if (await adding.run(() => api.addOutreachLocation(site.id, location))) {
      setName('');
      setDescription('');
      await load();
    }
  };

  const prefix = `admin-outreach-${site.id}`;
  return (
    <details
      class="outreach"
      onToggle={(event) => {
        if ((event.currentTarget).open && locations === null) load();
      }}
    >
      <summary>{t('admin.outreach')}</summary>
      <FormError problem={loading.problem} />
      {locations &&
        (locations.length === 0 ? (
          <p class="empty">{t('admin.noOutreach')}</p>
        ) : (
          <ul class="plain-list">
            {locations.map((location) => (
              <li key={location.id}>
                {location.name}
                {location.description ? ` — ${location.description}` : ''}
              </li>
            ))}
          </ul>
        ))}
      <form onSubmit={add} noValidate class="admin-form">
        <FormError problem={adding.problem} placed={['name', 'description']} />
        <TextField id={`${prefix}-name`} label={t('admin.outreachName')} value={name} onInput={setName} problem={adding.problem} path="name" />
        <TextField
          id={`${prefix}-description`}
          label={t('admin.outreachDescription')}
          value={description}
          onInput={setDescription}
          problem={adding.problem}
          path="description"
        />
        <button type="submit" class="button secondary" disabled={adding.busy}>
          {t('admin.addOutreach')}
        </button>
      </form>
    </details>
  );
}
