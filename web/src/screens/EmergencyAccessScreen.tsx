import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { reviewsEmergencyAccess, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDateTime, isolate } from '../format';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import type { EmergencyAccess, Problem } from '../types';

/**
 * The break-the-glass grants and the takings into care from another site awaiting review: who
 * opened which file (by patient code), when, for how long and why. A reviewer other than the
 * holder marks each one reviewed.
 */
export function EmergencyAccessScreen() {
  const { t, language, session } = useApp();
  const [grants, setGrants] = useState<EmergencyAccess[] | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const reviewer = reviewsEmergencyAccess(session);

  const load = async () => {
    setProblem(null);
    try {
      setGrants(await api.emergencyAccesses(!showAll));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [showAll]);

  const review = async (grant: EmergencyAccess) => {
    setActionProblem(null);
    try {
      await api.reviewEmergencyAccess(grant.id);
      await load();
    } catch (error) {
      setActionProblem(toProblem(error, t));
    }
  };

  if (problem) return <LoadFailed problem={problem} onRetry={load} />;
  if (!grants) return <Loading />;

  return (
    <section class="card">
      <h1>{t('emergency.reviewTitle')}</h1>
      <p class="muted">{t('emergency.reviewExplanation')}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={showAll}
          onChange={(event) => setShowAll((event.currentTarget).checked)}
          data-testid="emergency-show-all"
        />
        <span>{t('emergency.showReviewed')}</span>
      </label>
      <FormError problem={actionProblem} />
      {grants.length === 0 ? (
        <p class="empty" data-testid="emergency-empty">
          {t('emergency.none')}
        </p>
      ) : (
        <div class="table-scroll">
        <table class="data-table" data-testid="emergency-table">
          <thead>
            <tr>
              <th>{t('emergency.grantedAt')}</th>
              <th>{t('emergency.kind')}</th>
              <th>{t('emergency.user')}</th>
              <th>{t('emergency.patientCode')}</th>
              <th>{t('emergency.reason')}</th>
              <th>{t('emergency.until')}</th>
              <th>{t('emergency.review')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((grant) => (
              <tr key={grant.id} data-testid="emergency-row">
                <td>{formatDateTime(grant.grantedAt, language)}</td>
                <td data-testid="emergency-kind">{t(`emergency.kind.${grant.kind}`)}</td>
                <td>{isolate(grant.userName)}</td>
                <td dir="ltr">{formatPatientCode(grant.patientCode)}</td>
                <td dir="auto">{grant.reason ?? '—'}</td>
                <td>
                  {grant.kind === 'EMERGENCY' ? formatDateTime(grant.expiresAt, language) : '—'}
                  {grant.active && <span class="badge"> {t('emergency.active')}</span>}
                </td>
                <td>
                  {grant.reviewedAt ? (
                    t('emergency.reviewedBy', {
                      name: isolate(grant.reviewedByName ?? ''),
                      at: formatDateTime(grant.reviewedAt, language),
                    })
                  ) : reviewer && grant.userId !== session?.user.id ? (
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => review(grant)}
                      data-testid="emergency-review"
                    >
                      {t('emergency.markReviewed')}
                    </button>
                  ) : (
                    t('emergency.awaitingReview')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
