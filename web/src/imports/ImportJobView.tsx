import { useApp } from '../appContext';
import type { ImportJobStatus } from './importsApi';
import { reportUrl } from './importsApi';
import { percentWritten } from './mapping';

interface Props {
  job: ImportJobStatus;
  onAgain: () => void;
}

/**
 * Where the import job stands: its progress while it writes (nothing is kept before the end), then
 * what it created, linked, skipped and refused, with the report of the refused rows to download; or,
 * when it failed, that nothing was imported.
 */
export function ImportJobView({ job, onAgain }: Props) {
  const { t, language } = useApp();
  return (
    <div data-testid="import-job" data-status={job.status}>
      {job.status === 'RUNNING' && (
        <>
          <h2>{t('imports.running')}</h2>
          <progress class="import-progress" max={job.total} value={job.written} data-testid="import-progress" aria-label={t('imports.running')} />
          <p aria-live="polite">{t('imports.progress', { written: job.written, total: job.total, percent: percentWritten(job.written, job.total) })}</p>
          <p class="hint">{t('imports.runningHint')}</p>
        </>
      )}
      {job.status === 'DONE' && (
        <>
          <h2>{t('imports.done')}</h2>
          <ul data-testid="import-result">
            <li data-testid="import-imported">{t.plural('imports.created', job.imported)}</li>
            <li>{t.plural('imports.linked', job.linked)}</li>
            <li>{t.plural('imports.skipped', job.skipped)}</li>
            <li data-testid="import-refused">{t.plural('imports.refused', job.refused)}</li>
          </ul>
        </>
      )}
      {job.status === 'FAILED' && (
        <p class="form-error" role="alert" data-testid="import-failed">
          {t('imports.failed', { code: job.failure ?? 'import-failed' })}
        </p>
      )}
      {job.status !== 'RUNNING' && (
        <div class="actions">
          {job.refused > 0 && (
            <a class="button secondary" href={reportUrl(job.importId, language)} download data-testid="import-report">
              {t('imports.report')}
            </a>
          )}
          <button type="button" class="button secondary" data-testid="import-again" onClick={onAgain}>
            {t('imports.another')}
          </button>
        </div>
      )}
    </div>
  );
}
