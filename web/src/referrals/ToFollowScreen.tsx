import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import { navigate } from '../router';
import { RightsReminders } from '../rights/RightsReminders';
import type { Problem } from '../types';
import { referralsApi, type ToFollow } from './referralsApi';
import { byUrgencyOfFollowUp } from './referralsModel';
import './referrals.css';

/**
 * The site's "to follow" list: every open referral, the overdue ones first and marked, each
 * opening the person's page where its steps are recorded; for social workers, the rights reminders.
 */
export function ToFollowScreen() {
  const { session, t, language } = useApp();
  const [list, setList] = useState<ToFollow[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = () => referralsApi.toFollow().then((found) => setList(byUrgencyOfFollowUp(found)), (error) => setProblem(toProblem(error, t)));
  useEffect(() => {
    load();
  }, []);

  if (problem) return <LoadFailed problem={problem} onRetry={load} />;
  if (!list) return <Loading />;
  const overdue = list.filter((one) => one.overdue).length;

  return (
    <>
      <section class="card referrals" data-testid="to-follow">
        <h1>{t('referrals.toFollow')}</h1>
        {overdue > 0 && (
          <p class="notice" role="status" data-testid="overdue-alert">
            {t('referrals.overdueCount', { count: overdue })}
          </p>
        )}
        {list.length === 0 && <p class="empty">{t('referrals.nothingToFollow')}</p>}
        <ul class="plain-list">
          {list.map((one) => (
            <li key={one.id} class={`referral ${one.overdue ? 'overdue' : ''}`} data-testid="to-follow-item">
              <button type="button" class="button link" onClick={() => navigate(`/people/${one.personId}`)}>
                <span dir="auto">{one.personName ?? t('app.none')}</span>
                {one.patientCode && <span dir="ltr"> · {formatPatientCode(one.patientCode)}</span>}
              </button>
              <div>
                <span dir="auto">{one.serviceName}</span> · {t(enumKey('referrals.status', one.status))} ·{' '}
                {t(enumKey('referrals.urgencies', one.urgency))}
              </div>
              <div class={one.overdue ? 'flag danger' : 'muted'}>
                {t('referrals.followBy', { date: formatDate(one.followBy, language) })}
              </div>
            </li>
          ))}
        </ul>
        <button type="button" class="button secondary" onClick={() => navigate('/directory')}>
          {t('directory.title')}
        </button>
      </section>
      {hasRole(session, 'SOCIAL_LEGAL_WORKER') && <RightsReminders />}
    </>
  );
}
