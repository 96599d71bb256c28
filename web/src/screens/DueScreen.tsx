// The current site's follow-up visits due within a week or overdue: whom to call or look for.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { StandingBadge } from '../components/FollowUpSection';
import { LoadFailed, Loading } from '../components/Loading';
import { isolate } from '../format';
import { followUpsApi, type FollowUp } from '../forms/followUps';
import { enumKey } from '../i18n';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { PersonSummary, Problem } from '../types';

export function DueScreen() {
  const { t, session } = useApp();
  const [due, setDue] = useState<Array<{ followUp: FollowUp; person: PersonSummary }> | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    setProblem(null);
    try {
      setDue(await followUpsApi.due());
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);

  if (problem) return <LoadFailed problem={problem} onRetry={load} />;
  if (!due) return <Loading />;
  return (
    <section class="card">
      <h1>{t('due.title')}</h1>
      <p class="hint">{t('due.intro', { site: session?.currentSite?.name ?? '' })}</p>
      {due.length === 0 && (
        <p class="empty" data-testid="due-empty">
          {t('due.none')}
        </p>
      )}
      <ul class="plain-list">
        {due.map(({ followUp, person }) => (
          <li key={followUp.id} class="due-item" data-testid="due-item">
            <a
              href={`/people/${person.id}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(`/people/${person.id}`);
              }}
            >
              {isolate(person.chosenName)} · {formatPatientCode(person.patientCode)}
            </a>{' '}
            — {t(enumKey('followUp.programme', followUp.programme))} <StandingBadge followUp={followUp} />
          </li>
        ))}
      </ul>
    </section>
  );
}
