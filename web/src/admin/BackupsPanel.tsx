import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format';
import { toProblem } from '../problems';
import type { BackupsOverview, Problem } from '../types';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/**
 * Backups: the last one (when, size, read back whole or not), which are still restorable (file
 * present and key epoch alive), and a backup now after the administrator confirms who they are.
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
    async () => {
      await load();
    },
  );

  useEffect(() => {
    load();
  }, []);

  if (backup.confirmation) {
    return backup.confirmation;
  }
  const last = overview?.last;

  return (
    <section class="card" aria-labelledby="admin-backups" data-testid="backups-panel">
      <h2 id="admin-backups">{t('backups.title')}</h2>
      <p class="muted">{t('backups.explanation')}</p>
      <FormError problem={backup.problem ?? loadProblem} />
      {overview && (
        <dl class="retention-facts">
          <dt>{t('backups.last')}</dt>
          <dd data-testid="backups-last">
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
        disabled={backup.busy}
        onClick={backup.run}
        data-testid="backups-now"
      >
        {t('backups.now')}
      </button>
    </section>
  );
}
