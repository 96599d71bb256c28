import { useApp } from '../appContext';
import type { Problem } from '../types';

export function Loading() {
  const { t } = useApp();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, with a button to try again. */
export function LoadFailed({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  const { t } = useApp();
  return (
    <div class="form-error" role="alert" data-testid="form-error">
      <p>{problem.detail ?? t('app.unexpectedError')}</p>
      <button type="button" class="button secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
