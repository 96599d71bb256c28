import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem } from '../types';
import { FormError } from '../components/FormError';
import { rightsApi, type RightsReminder } from './rightsApi';
import './rights.css';

/**
 * The rights that need a look at the social worker's site: a grant that ends soon or has ended, a
 * request that has waited too long. Each opens the person's page, where the rights file is.
 */
export function RightsReminders() {
  const { t, language } = useApp();
  const [reminders, setReminders] = useState<RightsReminder[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    rightsApi.reminders().then(setReminders, (error) => setProblem(toProblem(error, t)));
  }, []);

  return (
    <section class="card" data-testid="rights-reminders">
      <h2>{t('rights.reminders')}</h2>
      <FormError problem={problem} />
      {reminders && reminders.length === 0 && <p class="empty">{t('rights.noReminder')}</p>}
      <ul class="plain-list">
        {reminders?.map((reminder) => (
          <li key={`${reminder.personId}-${reminder.kind}`} class={`rights-reminder ${reminder.reason === 'WAITING_TOO_LONG' ? '' : 'overdue'}`}>
            <button type="button" class="button link" onClick={() => navigate(`/people/${reminder.personId}`)}>
              <span dir="auto">{reminder.personName ?? t('app.none')}</span>
              {reminder.patientCode && <span dir="ltr"> · {formatPatientCode(reminder.patientCode)}</span>}
            </button>
            <div>
              {t(enumKey('rights.kind', reminder.kind))} · {t(enumKey('rights.reason', reminder.reason))} ·{' '}
              {formatDate(reminder.due, language)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
