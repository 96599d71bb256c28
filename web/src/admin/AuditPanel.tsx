import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { AuditTable } from '../components/AuditTable';
import { FormError } from '../components/FormError';
import type { AuditEntry } from '../types';
import { useSubmit } from './useSubmit';

/** The latest 500 audit entries, loaded on request. */
export function AuditPanel() {
  const { t } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const { problem, busy, run } = useSubmit();
  const load = () => run(async () => setEntries(await api.audit()));

  return (
    <section class="card" aria-labelledby="admin-audit">
      <h2 id="admin-audit">{t('admin.audit')}</h2>
      <FormError problem={problem} />
      <button type="button" class="button secondary" disabled={busy} onClick={load} data-testid="admin-audit-load">
        {t('admin.loadAudit')}
      </button>
      {entries && <AuditTable entries={entries} showRecord />}
    </section>
  );
}
