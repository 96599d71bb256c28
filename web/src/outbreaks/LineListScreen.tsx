import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { Link } from '../components/Link';
import { LoadFailed, Loading } from '../components/Loading';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { EpicurveChart } from './EpicurveChart';
import { OutbreakAlerts } from './OutbreakAlerts';
import { CLASSIFICATIONS, outbreaksApi, type Disease, type DiseaseFigures, type Epicurve, type OutbreakCase } from './outbreaksApi';
import { NewCaseForm } from './NewCaseForm';
import './outbreaks.css';

/**
 * A disease's line list at the user's site: the alerts, the weekly epidemic curve, cases and case
 * fatality, the cases with their classification (changed in place by a clinician) and a form to add
 * one. Coordinators and data officers download the line list as CSV.
 */
export function LineListScreen() {
  const { t, language, session } = useApp();
  const siteId = session?.currentSite?.id;
  const records = hasRole(session, 'CLINICIAN');
  const [diseases, setDiseases] = useState<Disease[] | null>(null);
  const [disease, setDisease] = useState('cholera');
  const [cases, setCases] = useState<OutbreakCase[]>([]);
  const [curve, setCurve] = useState<Epicurve | null>(null);
  const [figures, setFigures] = useState<DiseaseFigures | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [adding, setAdding] = useState(false);

  const load = async () => {
    setLoadProblem(null);
    try {
      const [all, list, weeks, numbers] = await Promise.all([
        diseases ? Promise.resolve(diseases) : outbreaksApi.diseases(),
        outbreaksApi.cases(disease, siteId),
        outbreaksApi.epicurve(disease, siteId),
        outbreaksApi.figures(disease, siteId),
      ]);
      setDiseases(all);
      setCases(list);
      setCurve(weeks);
      setFigures(numbers);
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [disease, siteId]);

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!diseases) return <Loading />;
  const chosen = diseases.find((d) => d.code === disease);

  const classify = async (current: OutbreakCase, classification: string) => {
    setProblem(null);
    try {
      await outbreaksApi.classify(current, classification);
      await load();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <section class="outbreaks" data-testid="line-list-screen">
      <h1>{t('outbreaks.title')}</h1>
      <div class="field narrow-field">
        <label for="outbreak-disease">{t('outbreaks.disease')}</label>
        <select id="outbreak-disease" data-testid="outbreak-disease" value={disease} onChange={(e) => setDisease(e.currentTarget.value)}>
          {diseases.map((d) => (
            <option key={d.code} value={d.code}>{d.names[language] ?? d.code}</option>
          ))}
        </select>
      </div>
      <OutbreakAlerts siteId={siteId} />
      {curve && (
        <>
          <h2>{t('outbreaks.epicurve')}</h2>
          <EpicurveChart curve={curve} />
        </>
      )}
      {figures && (
        <dl class="outbreak-figures" data-testid="outbreak-figures">
          <div><dt>{t('outbreaks.cases')}</dt><dd data-testid="figure-cases">{figures.cases}</dd></div>
          <div><dt>{t('outbreaks.deaths')}</dt><dd data-testid="figure-deaths">{figures.deaths}</dd></div>
          <div><dt>{t('outbreaks.cfr')}</dt><dd data-testid="figure-cfr">{figures.caseFatalityPercent == null ? '—' : `${figures.caseFatalityPercent} %`}</dd></div>
        </dl>
      )}
      <p class="actions">
        {records && !adding && (
          <button type="button" class="button" data-testid="add-case" onClick={() => setAdding(true)}>{t('outbreaks.addCase')}</button>
        )}
        {hasRole(session, 'COORDINATOR', 'DATA_OFFICER') && (
          <a class="button secondary" href={outbreaksApi.lineListCsvUrl(disease, siteId)} download>{t('outbreaks.exportCsv')}</a>
        )}
        {chosen?.ring && <Link href="/outbreaks/rings" class="button secondary" testId="open-rings">{t('outbreaks.rings')}</Link>}
      </p>
      {adding && chosen && siteId && (
        <NewCaseForm disease={chosen} siteId={siteId} newId={uuidv7} onDone={() => { setAdding(false); load(); }} onCancel={() => setAdding(false)} />
      )}
      <FormError problem={problem} />
      {cases.length === 0 ? (
        <p class="hint" data-testid="no-cases">{t('outbreaks.noCases')}</p>
      ) : (
        <div class="table-scroll">
          <table class="line-list" data-testid="line-list">
            <thead>
              <tr>
                <th>{t('outbreaks.caseNumber')}</th>
                <th>{t('outbreaks.onset')}</th>
                <th>{t('outbreaks.sexAge')}</th>
                <th>{t('outbreaks.classification')}</th>
                <th>{t('outbreaks.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} data-testid="case-row">
                  <td>{c.caseNumber}</td>
                  <td>{c.onsetOn}</td>
                  <td>{t(enumKey('sex', c.sex))} · {c.ageYears ?? c.ageGroup}</td>
                  <td>
                    {records ? (
                      <select aria-label={t('outbreaks.classification')} data-testid="case-classification" value={c.classification}
                        onChange={(e) => classify(c, e.currentTarget.value)}>
                        {CLASSIFICATIONS.map((k) => <option key={k} value={k}>{t(enumKey('outbreaks.classification', k))}</option>)}
                      </select>
                    ) : t(enumKey('outbreaks.classification', c.classification))}
                  </td>
                  <td>{c.outcome ? `${t(enumKey('outbreaks.outcome', c.outcome))} ${c.outcomeOn ?? ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
