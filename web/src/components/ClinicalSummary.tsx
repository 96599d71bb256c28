// A person's care at a glance, at the top of their page: allergies first, then pregnancy, problems,
// current treatments, open follow-ups and the last consultation of each discipline — only what the
// user's compartments open (the server leaves out the rest).
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { clinicalSummaryApi, type ClinicalSummary as Summary, type Treatment } from '../clinicalSummary';
import { formatDose, TIMES_OF_DAY } from '../coding';
import { formatDate, isolate } from '../format';
import { enumKey, type Language, type Translate } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { FormError } from './FormError';
import './ClinicalSummary.css';

export function ClinicalSummary({ personId }: { personId: string }) {
  const { t } = useApp();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    setSummary(null);
    clinicalSummaryApi
      .of(personId)
      .then(setSummary)
      .catch((error) => setProblem(toProblem(error, t)));
  }, [personId]);

  if (!summary) return problem ? <FormError problem={problem} /> : null;
  return (
    <section class="card clinical-summary" data-testid="clinical-summary" aria-labelledby="clinical-summary-title">
      <h2 id="clinical-summary-title">{t('clinical.title')}</h2>
      <Allergies summary={summary} />
      <Pregnancy summary={summary} />
      <Problems summary={summary} />
      <Treatments summary={summary} />
      <FollowUps summary={summary} />
    </section>
  );
}

function Allergies({ summary }: { summary: Summary }) {
  const { t, language } = useApp();
  const { status, notes, statedOn } = summary.allergies;
  return (
    <div
      class={`allergy-banner allergy-${status.toLowerCase().replace('_', '-')}`}
      role={status === 'KNOWN' ? 'alert' : undefined}
      data-testid="summary-allergies"
      data-status={status}
    >
      <strong class="allergy-label">{t('clinical.allergies')}</strong>{' '}
      {status === 'KNOWN' && notes.length > 0 ? (
        <span dir="auto" data-testid="summary-allergy-text">
          {notes.map((note) => note.text).join(' · ')}
        </span>
      ) : (
        <span>{t(enumKey('clinical.allergies', status))}</span>
      )}
      {statedOn && (
        <span class="muted"> ({t('clinical.statedOn', { date: formatDate(statedOn, language) })})</span>
      )}
    </div>
  );
}

function Pregnancy({ summary }: { summary: Summary }) {
  const { t, language } = useApp();
  const pregnancy = summary.pregnancy;
  if (!pregnancy) return null;
  return (
    <p class="summary-pregnancy" data-testid="summary-pregnancy">
      <strong>{t('clinical.pregnancy')}</strong>
      {pregnancy.weeks != null && (
        <span data-testid="summary-pregnancy-weeks">
          {' '}
          {t('clinical.weeks', { weeks: String(pregnancy.weeks), days: String(pregnancy.days ?? 0) })}
        </span>
      )}
      {pregnancy.dueDate && <span> · {t('clinical.dueDate', { date: formatDate(pregnancy.dueDate, language) })}</span>}
    </p>
  );
}

function Problems({ summary }: { summary: Summary }) {
  const { t, language } = useApp();
  return (
    <div class="summary-part">
      <h3>{t('clinical.problems')}</h3>
      {summary.problems.length === 0 ? (
        <p class="empty" data-testid="summary-problems-empty">
          {t('clinical.problems.none')}
        </p>
      ) : (
        <ul class="summary-list">
          {summary.problems.map((problem) => (
            <li key={problem.code} data-testid="summary-problem">
              <span class="icd-code" dir="ltr">
                {problem.code}
              </span>{' '}
              <span>{problem.labels[language]}</span>
              {problem.chronic && <span class="badge chronic-badge">{t('clinical.chronic')}</span>}
              {problem.lastSeen && (
                <span class="muted summary-when">
                  {' '}
                  {t('clinical.seen', { count: String(problem.timesSeen), date: formatDate(problem.lastSeen, language) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Treatments({ summary }: { summary: Summary }) {
  const { t, language } = useApp();
  return (
    <div class="summary-part">
      <h3>{t('clinical.treatments')}</h3>
      {summary.treatments.length === 0 ? (
        <p class="empty" data-testid="summary-treatments-empty">
          {t('clinical.treatments.none')}
        </p>
      ) : (
        <ul class="summary-list">
          {summary.treatments.map((treatment, index) => (
            <li key={`${treatment.encounterId}-${index}`} data-testid="summary-treatment">
              <strong dir="auto">
                {language === 'en' ? treatment.name.en : treatment.name.fr} {treatment.strength}
              </strong>{' '}
              <span class="muted">{treatment.form[language]}</span>
              <br />
              <span data-testid="summary-dosage">{dosage(treatment, language, t)}</span>
              <span class="muted summary-when">
                {' '}
                · {t('clinical.until', { date: formatDate(treatment.lastDay, language) })}
              </span>
              {treatment.instructions && (
                <span class="summary-instructions" dir="auto">
                  {' '}
                  · {isolate(treatment.instructions)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Morning 1 · Evening 1 tablet": the doses given, then the unit as each language counts it. */
export function dosage(treatment: Treatment, language: Language, t: Translate): string {
  const given = TIMES_OF_DAY.filter((time) => treatment[time] > 0);
  const most = Math.max(0, ...given.map((time) => treatment[time]));
  const plural = language === 'fr' ? most >= 2 : language === 'en' ? most > 1 : most >= 2 && most <= 10;
  const unit = (plural ? treatment.unitOther : treatment.unitOne)[language];
  const doses = given.map((time) => `${t(enumKey('dosage', time))} ${formatDose(treatment[time])}`).join(' · ');
  return doses ? `${doses} ${unit}` : unit;
}

function FollowUps({ summary }: { summary: Summary }) {
  const { t, language } = useApp();
  return (
    <div class="summary-part">
      {summary.followUps.length > 0 && (
        <p data-testid="summary-follow-ups">
          <strong>{t('clinical.followUps')}</strong>{' '}
          {summary.followUps.map((followUp) => (
            <span key={followUp.id} class="badge">
              {t(enumKey('followUp.programme', followUp.programme))}
            </span>
          ))}
        </p>
      )}
      <p data-testid="summary-last-consultations">
        <strong>{t('clinical.lastSeen')}</strong>{' '}
        {summary.lastConsultations.length === 0
          ? t('clinical.noConsultation')
          : summary.lastConsultations
              .map((last) => `${t(enumKey('discipline', last.discipline))} ${formatDate(last.occurredOn, language)}`)
              .join(' · ')}
      </p>
    </div>
  );
}
