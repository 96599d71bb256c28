import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { BackupsOverview, Problem } from '../types';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);
/** How often the panel asks again while a backup is being made. */
export const BACKUP_POLL_MILLIS = 3_000;
/** The failures the panel explains; any other code is told to look in the server's log. */
const EXPLAINED_FAILURES = ['backup-write-failed', 'backup-corrupted', 'backup-wrong-key', 'backup-epoch-destroyed'];

/**
 * Backups: the last one (when, size, read back whole or not), which are still restorable (file
 * present and key epoch alive), the last failure if none was made since, and a backup now after the
 * administrator confirms who they are. A backup runs in the background: the panel says so and asks
 * again every few seconds until it is done.
 */
export function BackupsPanel() {
  const { t, language } = useApp();
  const [overview, setOverview] = useState<BackupsOverview | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const load = async () => {
    try {
      setOverview(await api.backups());
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };
  const backup = useReauthenticatedAction(
    () => api.backUpNow(),
    (started) => setOverview(started),
  );

  useEffect(() => {
    load();
  }, []);

  const running = overview?.running ?? null;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(load, BACKUP_POLL_MILLIS);
    return () => clearInterval(timer);
  }, [running?.since]);

  if (backup.confirmation) {
    return backup.confirmation;
  }
  const last = overview?.last;

  return (
    <section class="card" aria-labelledby="admin-backups" data-testid="backups-panel">
      <h2 id="admin-backups">{t('backups.title')}</h2>
      <p class="muted">{t('backups.explanation')}</p>
      <FormError problem={backup.problem ?? loadProblem} />
      {running && (
        <p class="notice" role="status" data-testid="backups-running">
          {t('backups.running', { time: formatDateTime(running.since, language) })}
        </p>
      )}
      {overview?.lastFailure && !running && (
        <p class="form-error" role="alert" data-testid="backups-failure">
          {t('backups.failed', {
            time: formatDateTime(overview.lastFailure.failedAt, language),
            reason: t(
              EXPLAINED_FAILURES.includes(overview.lastFailure.code)
                ? enumKey('backups.failure', overview.lastFailure.code)
                : 'backups.failure.other',
            ),
          })}
        </p>
      )}
      {overview && (
        <dl class="retention-facts">
          <dt>{t('backups.last')}</dt>
          <dd data-testid="backups-last" data-created-at={last?.createdAt ?? ''}>
            {last ? (
              <>
                <span dir="ltr">{formatDateTime(last.createdAt, language)}</span>
                {' · '}
                {t('backups.size', { megabytes: megabytes(last.sizeBytes) })}
                {' · '}
                {last.verified ? t('backups.verified') : t('backups.notVerified')}
              </>
            ) : (
              t('backups.none')
            )}
          </dd>
          <dt>{t('backups.directory')}</dt>
          <dd dir="ltr">{overview.directory}</dd>
          <dt>{t('backups.kept')}</dt>
          <dd>{overview.keep}</dd>
        </dl>
      )}
      {overview && overview.backups.length > 0 && (
        <table class="table" data-testid="backups-list">
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.epoch')}</th>
              <th>{t('backups.restorable')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.backups.map((item) => (
              <tr key={item.id}>
                <td dir="ltr">{formatDateTime(item.createdAt, language)}</td>
                <td>{item.epoch}</td>
                <td>{item.restorable ? t('backups.yes') : item.present ? t('backups.epochGone') : t('backups.deleted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        class="button"
        disabled={backup.busy || running !== null}
        onClick={backup.run}
        data-testid="backups-now"
      >
        {t('backups.now')}
      </button>
    </section>
  );
}
