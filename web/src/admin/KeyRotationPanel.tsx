import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format';
import { toProblem } from '../problems';
import type { KeyRotationResult, KeyRotationStatus, Problem } from '../types';

/**
 * Erasure in older copies: the current key epoch, the oldest erasure waiting for the next rotation
 * and when it is due, and a rotation now after the administrator confirms who they are.
 */
export function KeyRotationPanel() {
  const { t, language } = useApp();
  const [status, setStatus] = useState<KeyRotationStatus | null>(null);
  const [result, setResult] = useState<KeyRotationResult | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const rotation = useReauthenticatedAction(
    () => api.rotateKeys(),
    async (done) => {
      setResult(done);
      setConfirmed(false);
      await load();
    },
  );

  const load = async () => {
    try {
      setStatus(await api.keyRotation());
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);

  if (rotation.confirmation) {
    return rotation.confirmation;
  }

  const when = (instant: string | null | undefined) =>
    instant ? <span dir="ltr">{formatDateTime(instant, language)}</span> : t('app.none');

  return (
    <section class="card" aria-labelledby="admin-key-rotation" data-testid="key-rotation-panel">
      <h2 id="admin-key-rotation">{t('keyRotation.title')}</h2>
      <p class="muted">{t('keyRotation.explanation', { days: status?.maxDelayDays ?? 7 })}</p>
      <FormError problem={rotation.problem ?? loadProblem} />
      {status && (
        <dl class="retention-facts">
          <dt>{t('keyRotation.epoch')}</dt>
          <dd data-testid="key-rotation-epoch">{status.epoch}</dd>
          <dt>{t('keyRotation.since')}</dt>
          <dd>{when(status.since)}</dd>
          <dt>{t('keyRotation.pending')}</dt>
          <dd>{when(status.erasurePendingSince)}</dd>
          <dt>{t('keyRotation.dueAt')}</dt>
          <dd>{when(status.dueAt)}</dd>
        </dl>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={confirmed}
          data-testid="key-rotation-confirm"
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
        />
        {t('keyRotation.confirm')}
      </label>
      <button
        type="button"
        class="button danger"
        disabled={!confirmed || rotation.busy}
        onClick={rotation.run}
        data-testid="key-rotation-rotate"
      >
        {t('keyRotation.rotate')}
      </button>
      {result && (
        <p role="status" data-testid="key-rotation-result">
          {t('keyRotation.done', { epoch: result.epoch, persons: result.personsIndexed })}
        </p>
      )}
    </section>
  );
}
