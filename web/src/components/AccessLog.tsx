import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { toProblem } from '../problems';
import type { AuditEntry, Problem } from '../types';
import { AuditTable } from './AuditTable';
import { FormError } from './FormError';
import { Loading } from './Loading';

/** Who opened or changed this record; loaded only when opened. */
export function AccessLog({ recordId }: { recordId: string }) {
  const { t } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    setProblem(null);
    try {
      setEntries(await api.audit(recordId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <details
      class="access-log"
      data-testid="access-log"
      onToggle={(event) => {
        if ((event.currentTarget).open && entries === null) load();
      }}
    >
      <summary>{t('audit.title')}</summary>
      <FormError problem={problem} />
      {entries ? <AuditTable entries={entries} /> : !problem && <Loading />}
    </details>
  );
}
