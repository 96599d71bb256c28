import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { AuditTable } from '../components/AuditTable';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { FormError } from '../components/FormError';
import type { AuditEntry } from '../types';
import { useSubmit } from './useSubmit';

interface Exported {
  url: string;
  fileName: string;
}

/**
 * The latest 500 audit entries, loaded on request; and the whole log exported for an auditor, who
 * checks it offline with the audit key, after the administrator confirms who they are.
 */
export function AuditPanel() {
  const { t } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const { problem, busy, run } = useSubmit();
  const load = () => run(async () => setEntries(await api.audit()));
  const exporting = useReauthenticatedAction(
    () => api.exportAuditLog(),
    (file) => setExported({ url: URL.createObjectURL(file.blob), fileName: file.fileName }),
  );

  useEffect(() => {
    return () => {
      if (exported) URL.revokeObjectURL(exported.url);
    };
  }, [exported]);

  if (exporting.confirmation) {
    return exporting.confirmation;
  }

  return (
    <section class="card" aria-labelledby="admin-audit">
      <h2 id="admin-audit">{t('admin.audit')}</h2>
      <FormError problem={problem ?? exporting.problem} />
      <button type="button" class="button secondary" disabled={busy} onClick={load} data-testid="admin-audit-load">
        {t('admin.loadAudit')}
      </button>{' '}
      <button
        type="button"
        class="button secondary"
        disabled={exporting.busy}
        onClick={exporting.run}
        data-testid="admin-audit-export"
      >
        {t('admin.exportAudit')}
      </button>
      <p class="muted">{t('admin.exportAuditExplanation')}</p>
      {exported && (
        <p role="status" data-testid="admin-audit-exported">
          <a class="button secondary" href={exported.url} download={exported.fileName} data-testid="admin-audit-save">
            {t('export.download', { file: exported.fileName })}
          </a>
        </p>
      )}
      {entries && <AuditTable entries={entries} showRecord />}
    </section>
  );
}
