import { useApp } from '../appContext';
import { formatDate, isolate } from '../format';
import { languageName } from '../referenceLists';
import { navigate } from '../router';
import type { CodedDiagnosis } from '../clinicalSummary';
import type { Consultation } from '../types';

interface Props {
  /** With the coded diagnoses of consultations recorded with a form. */
  consultations: (Consultation & { diagnoses?: CodedDiagnosis[] })[];
  siteNames: Map<string, string>;
}

/** A person's consultations, newest first. */
export function ConsultationHistory({ consultations, siteNames }: Props) {
  const { t, language } = useApp();
  if (consultations.length === 0) {
    return (
      <p class="empty" data-testid="history-empty">
        {t('history.empty')}
      </p>
    );
  }
  return (
    <ol class="history">
      {consultations.map((consultation) => (
        <li key={consultation.id} class="history-item" data-testid="history-item">
          <p class="history-head">
            <span class="history-date">{formatDate(consultation.occurredOn, language)}</span>
            <span class={`discipline-badge discipline-${consultation.discipline.toLowerCase()}`}>
              {t(`discipline.${consultation.discipline}`)}
            </span>
            {consultation.status === 'DRAFT' && (
              <span class="badge draft-badge" data-testid="history-draft">
                {t('history.draft')}
              </span>
            )}
            {consultation.revision > 1 && (
              <span class="badge">{t.plural('history.amended', consultation.revision)}</span>
            )}
            {consultation.compartment !== 'GENERAL' && (
              <span class="compartment-badge" data-testid="history-compartment">
                {t(`compartment.${consultation.compartment}`)}
              </span>
            )}
          </p>
          <p class="history-meta">
            {t('history.at', { site: isolate(siteNames.get(consultation.siteId) ?? t('history.unknownSite')) })} ·{' '}
            {t('history.by', { name: isolate(consultation.providerName) })}
            {consultation.interpreter && ` · ${t('history.interpreter')}`}
            {consultation.language && ` · ${t('history.language', { language: languageName(consultation.language, t) })}`}
          </p>
          {consultation.diagnosis && (
            <p class="history-diagnosis">
              <strong>{t('history.diagnosis')}</strong> <span dir="auto">{consultation.diagnosis}</span>
            </p>
          )}
          {consultation.diagnoses && consultation.diagnoses.length > 0 && (
            <p class="history-diagnosis" data-testid="history-diagnoses">
              <strong>{t('history.diagnosis')}</strong>{' '}
              {consultation.diagnoses.map((diagnosis, index) => (
                <span key={diagnosis.code}>
                  {index > 0 && ' · '}
                  <span class="icd-code" dir="ltr">
                    {diagnosis.code}
                  </span>{' '}
                  {diagnosis.labels[language]}
                </span>
              ))}
            </p>
          )}
          {!consultation.note && !consultation.diagnosis && (
            <p>
              <a
                href={`/encounters/${consultation.id}`}
                data-testid="history-open"
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/encounters/${consultation.id}`);
                }}
              >
                {t('history.open')}
              </a>
            </p>
          )}
          {consultation.note && (
            <p class="history-note" dir="auto">
              {consultation.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
