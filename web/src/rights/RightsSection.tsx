import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { RightsStepForm } from './RightsStepForm';
import { rightsApi, type Coverage, type RightsStep } from './rightsApi';
import { DOMAINS } from './rightsModel';
import './rights.css';

/**
 * The rights file on a person's page. Social and legal workers see every step, newest first in
 * each part (the history kept), withdraw a mistake and record a new step; other carers see only
 * whether the person is covered and until when, never by which scheme.
 */
export function RightsSection({ personId }: { personId: string }) {
  const { session } = useApp();
  return hasRole(session, 'SOCIAL_LEGAL_WORKER') ? <RightsFile personId={personId} /> : <CoverageLine personId={personId} />;
}

function CoverageLine({ personId }: { personId: string }) {
  const { t, language } = useApp();
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  useEffect(() => {
    rightsApi.coverage(personId).then(setCoverage, () => setCoverage(null));
  }, [personId]);
  if (!coverage) return null;
  return (
    <section class="card rights" data-testid="rights-coverage">
      <h2>{t('rights.coverage')}</h2>
      <p class={`coverage coverage-${coverage.status.toLowerCase()}`}>
        {t(enumKey('rights.coverageStatus', coverage.status))}
        {coverage.until && ` · ${t('rights.until', { date: formatDate(coverage.until, language) })}`}
      </p>
    </section>
  );
}

function RightsFile({ personId }: { personId: string }) {
  const { t, language } = useApp();
  const [steps, setSteps] = useState<RightsStep[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    try {
      setSteps(await rightsApi.file(personId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [personId]);

  const withdraw = async (step: RightsStep) => {
    if (!window.confirm(t('rights.withdrawConfirm'))) return;
    setProblem(null);
    try {
      await rightsApi.withdraw(step.id, step.version);
      await load();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <section class="card rights" data-testid="rights-file">
      <h2>{t('rights.title')}</h2>
      <p class="muted">{t('rights.compartment')}</p>
      <FormError problem={problem} />
      {steps &&
        DOMAINS.map((domain) => {
          const inDomain = steps.filter((step) => step.domain === domain);
          if (inDomain.length === 0) return null;
          return (
            <div key={domain} class="rights-domain">
              <h3>{t(enumKey('rights.domain', domain))}</h3>
              <ol class="plain-list rights-steps">
                {inDomain.map((step) => (
                  <li key={step.id} class="rights-step" data-testid="rights-step">
                    <strong>{t(enumKey('rights.kind', step.kind))}</strong> · {formatDate(step.occurredOn, language)}
                    {step.validUntil && <> · {t('rights.until', { date: formatDate(step.validUntil, language) })}</>}
                    {step.declaredAge != null && <> · {t('rights.declaredAge')} {step.declaredAge}</>}
                    {step.assessedAge != null && <> · {t('rights.assessedAge')} {step.assessedAge}</>}
                    {step.documents.length > 0 && (
                      <div class="muted">{step.documents.map((document) => t(enumKey('rights.document', document))).join(', ')}</div>
                    )}
                    {step.helpedBy && <div class="muted" dir="auto">{t('rights.helpedBy')}: {step.helpedBy}</div>}
                    {step.note && <div dir="auto">{step.note}</div>}
                    <div class="muted">{step.recordedBy}</div>
                    <button type="button" class="button link" onClick={() => withdraw(step)}>
                      {t('rights.withdraw')}
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      {steps && steps.length === 0 && <p class="empty">{t('rights.empty')}</p>}
      <RightsStepForm personId={personId} onRecorded={load} />
    </section>
  );
}
