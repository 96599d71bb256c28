import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDateTime } from '../format';
import { toProblem } from '../problems';
import type { Problem, SyncConflict } from '../types';

/**
 * The conflicts of offline synchronisation, for data officers: a field changed on the server and
 * on a device to two different values. The server's value stays until someone chooses; both are
 * shown with who changed the record on the device, when (by the device's clock) and when the change
 * reached the server. Keeping the device's value writes it as a new version of the record.
 */
export function ConflictsScreen() {
  const { t } = useApp();
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [resolved, setResolved] = useState(false);

  const load = async () => {
    setProblem(null);
    try {
      setConflicts(await api.syncConflicts());
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);

  const resolve = async (conflict: SyncConflict, keep: 'SERVER' | 'DEVICE') => {
    setActionProblem(null);
    setResolved(false);
    setBusy(true);
    try {
      await api.resolveSyncConflict(conflict.id, keep);
      setResolved(true);
      await load();
    } catch (error) {
      setActionProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (problem) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!conflicts) return <Loading />;

  return (
    <section class="card" data-testid="conflicts">
      <h1>{t('conflicts.title')}</h1>
      <p class="muted">{t('conflicts.explanation')}</p>
      <FormError problem={actionProblem} />
      {resolved && (
        <p class="notice" role="status" data-testid="conflicts-resolved">
          {t('conflicts.resolved')}
        </p>
      )}
      {conflicts.length === 0 ? (
        <p class="empty" data-testid="conflicts-empty">
          {t('conflicts.none')}
        </p>
      ) : (
        <ul class="result-list">
          {conflicts.map((conflict) => (
            <ConflictItem key={conflict.id} conflict={conflict} busy={busy} onResolve={resolve} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ConflictItemProps {
  conflict: SyncConflict;
  busy: boolean;
  onResolve: (conflict: SyncConflict, keep: 'SERVER' | 'DEVICE') => void;
}

function ConflictItem({ conflict, busy, onResolve }: ConflictItemProps) {
  const { t, language } = useApp();
  const record = conflict.recordType === 'person' ? t('conflicts.person') : t('conflicts.encounter');
  return (
    <li class="result" data-testid="conflict">
      <p>
        <strong>{record}</strong> · {t('conflicts.field', { field: conflict.field })}
      </p>
      <p class="muted">
        {t('conflicts.changedBy', {
          user: conflict.userName,
          device: conflict.deviceId ?? t('conflicts.unknownDevice'),
          deviceTime: formatDateTime(conflict.deviceTime, language),
          receivedAt: formatDateTime(conflict.receivedAt, language),
        })}
      </p>
      <dl class="conflict-values">
        <dt>{t('conflicts.base')}</dt>
        <dd data-testid="conflict-base">{shown(conflict.base)}</dd>
        <dt>{t('conflicts.server')}</dt>
        <dd data-testid="conflict-server">{shown(conflict.server)}</dd>
        <dt>{t('conflicts.device')}</dt>
        <dd data-testid="conflict-device">{shown(conflict.device)}</dd>
      </dl>
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={busy}
          onClick={() => onResolve(conflict, 'SERVER')}
          data-testid="conflict-keep-server"
        >
          {t('conflicts.keepServer')}
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={busy}
          onClick={() => onResolve(conflict, 'DEVICE')}
          data-testid="conflict-keep-device"
        >
          {t('conflicts.keepDevice')}
        </button>
      </div>
    </li>
  );
}

/** A value as a data officer reads it: text as is, lists and objects as compact JSON, none as a dash. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
