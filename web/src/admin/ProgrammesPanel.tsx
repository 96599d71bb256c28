import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import type { Programme } from '../types';
import { TextField } from './TextField';
import { useSubmit } from './useSubmit';

export function ProgrammesPanel({ programmes, onChanged }: { programmes: Programme[]; onChanged: () => void }) {
  const { t } = useApp();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const { problem, busy, done, run } = useSubmit();

  const create = async (event: Event) => {
    event.preventDefault();
    if (await run(() => api.createProgramme(code.trim(), name.trim()))) {
      setCode('');
      setName('');
      onChanged();
    }
  };

  return (
    <section class="card" aria-labelledby="admin-programmes">
      <h2 id="admin-programmes">{t('admin.programmes')}</h2>
      {programmes.length === 0 ? (
        <p class="empty">{t('admin.noProgrammes')}</p>
      ) : (
        <ul class="plain-list" data-testid="admin-programme-list">
          {programmes.map((programme) => (
            <li key={programme.id} data-testid="admin-programme">
              <span class="mono">{programme.code}</span> {programme.name}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} noValidate class="admin-form">
        <FormError problem={problem} placed={['code', 'name']} />
        <div class="field-row">
          <TextField
            id="admin-programme-code"
            label={t('admin.programmeCode')}
            hint={t('admin.programmeCodeHint')}
            value={code}
            onInput={(value) => setCode(value.toUpperCase())}
            problem={problem}
            path="code"
          />
          <TextField
            id="admin-programme-name"
            label={t('admin.programmeName')}
            value={name}
            onInput={setName}
            problem={problem}
            path="name"
          />
        </div>
        <button type="submit" class="button primary" disabled={busy} data-testid="admin-programme-save">
          {t('admin.createProgramme')}
        </button>
        {done && <p class="success" role="status">{t('admin.created')}</p>}
      </form>
    </section>
  );
}
