import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { describeAgreement, fieldName, levelName } from '../components/matchReasons';
import { describeBirth, formatDateTime } from '../format';
import { DuplicateGroupsSection } from './DuplicateGroupsSection';
import type { Language, Translate } from '../i18n';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import type { DuplicateCandidate, DuplicateQueue, DuplicateScan, PersonSummary, Problem } from '../types';

const PAGE = 20;
const POLL_MILLIS = 2000;

/**
 * The review queue of likely duplicates, for data officers: the pairs the last scan of the
 * registry found likely to be one person, most likely first. For each, keep one record (the other
 * is merged into it, reversibly, from the person's page) or say they are different people, which
 * is remembered. A scan runs every night; "scan now" starts one.
 */
export function DuplicatesScreen() {
  const { t, language } = useApp();
  const [queue, setQueue] = useState<DuplicateQueue | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [decided, setDecided] = useState<string | null>(null);

  const load = async (limit = shown) => {
    setProblem(null);
    try {
      setQueue(await api.duplicates(Math.min(limit, 100), 0));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);

  const running = queue?.lastScan?.status === 'RUNNING';
  useEffect(() => {
    if (!running || !queue?.lastScan) return undefined;
    const scanId = queue.lastScan.id;
    const timer = setInterval(async () => {
      try {
        const scan = await api.duplicateScan(scanId);
        if (scan.status !== 'RUNNING') {
          clearInterval(timer);
          await load();
        }
      } catch (error) {
        clearInterval(timer);
        setActionProblem(toProblem(error, t));
      }
    }, POLL_MILLIS);
    return () => clearInterval(timer);
  }, [running, queue?.lastScan?.id]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setActionProblem(null);
    setDecided(null);
    setBusy(true);
    try {
      await action();
      setDecided(done);
      await load();
    } catch (error) {
      setActionProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const scanNow = async () => {
    setActionProblem(null);
    setDecided(null);
    try {
      const scan = await api.startDuplicateScan();
      setQueue((current) => (current ? { ...current, lastScan: scan } : current));
    } catch (error) {
      setActionProblem(toProblem(error, t));
    }
  };

  if (problem) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!queue) return <Loading />;

  return (
    <section class="card" data-testid="duplicates">
      <h1>{t('duplicates.title')}</h1>
      <p class="muted">{t('duplicates.explanation')}</p>
      <ScanStatus scan={queue.lastScan ?? null} />
      <p>
        <button
          type="button"
          class="button secondary"
          disabled={running || busy}
          onClick={scanNow}
          data-testid="duplicates-scan"
        >
          {running ? t('duplicates.scanning') : t('duplicates.scanNow')}
        </button>
      </p>
      <FormError problem={actionProblem} />
      {decided && (
        <p class="notice" role="status" data-testid="duplicates-decided">
          {decided}
        </p>
      )}
      <DuplicateGroupsSection key={queue.lastScan?.id ?? 'none'} onDecided={() => load()} />
      <h2>{t('duplicates.pending', { count: String(queue.pending) })}</h2>
      {queue.candidates.length === 0 ? (
        <p class="empty" data-testid="duplicates-empty">
          {t('duplicates.none')}
        </p>
      ) : (
        <ul class="result-list">
          {queue.candidates.map((candidate) => (
            <Pair
              key={candidate.id}
              candidate={candidate}
              busy={busy}
              onKeep={(kept, merged) =>
                act(
                  () => api.confirmDuplicate(candidate.id, kept.id),
                  t('duplicates.merged', {
                    merged: formatPatientCode(merged.patientCode),
                    kept: formatPatientCode(kept.patientCode),
                  }),
                )
              }
              onDifferent={() => act(() => api.rejectDuplicate(candidate.id), t('duplicates.rejected'))}
            />
          ))}
        </ul>
      )}
      {queue.candidates.length < queue.pending && shown < 100 && (
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            const more = shown + PAGE;
            setShown(more);
            load(more);
          }}
          data-testid="duplicates-more"
        >
          {t('duplicates.more')}
        </button>
      )}
      {queue.lastScan && queue.lastScan.weights.length > 0 && <Weights scan={queue.lastScan} language={language} />}
    </section>
  );
}

function ScanStatus({ scan }: { scan: DuplicateScan | null }) {
  const { t, language } = useApp();
  if (!scan) {
    return <p data-testid="duplicates-last-scan">{t('duplicates.neverScanned')}</p>;
  }
  if (scan.status === 'RUNNING') {
    return (
      <p data-testid="duplicates-last-scan" role="status">
        {t('duplicates.scanRunning', { at: formatDateTime(scan.startedAt, language) })}
      </p>
    );
  }
  if (scan.status === 'FAILED') {
    return (
      <p class="error" data-testid="duplicates-last-scan">
        {t('duplicates.scanFailed', { at: formatDateTime(scan.startedAt, language) })}
      </p>
    );
  }
  const seconds = ((scan.loadMillis ?? 0) + (scan.trainMillis ?? 0) + (scan.compareMillis ?? 0)) / 1000;
  return (
    <p data-testid="duplicates-last-scan">
      {t('duplicates.scanDone', {
        at: formatDateTime(scan.finishedAt ?? scan.startedAt, language),
        compared: t.plural('duplicates.personsCompared', scan.persons ?? 0, { count: (scan.persons ?? 0).toLocaleString(language) }),
        proposed: t.plural('duplicates.pairsProposed', scan.proposed ?? 0, { count: (scan.proposed ?? 0).toLocaleString(language) }),
        seconds: seconds.toLocaleString(language, { maximumFractionDigits: 1 }),
      })}{' '}
      {modelText(scan, t, language)}
      {fallbackText(scan, t, language) && <span data-testid="duplicates-fallback"> {fallbackText(scan, t, language)}</span>}
      {scan.model !== 'LABELLED' && scan.merges != null && (
        <span data-testid="duplicates-merges-to-learn">
          {' '}
          {t('duplicates.mergesToLearn', {
            needed: scan.mergesNeeded.toLocaleString(language),
            merges: scan.merges.toLocaleString(language),
          })}
        </span>
      )}
    </p>
  );
}

function modelText(scan: DuplicateScan, t: Translate, language: Language): string {
  switch (scan.model) {
    case 'REGISTRY':
      return t('duplicates.modelRegistry');
    case 'LABELLED':
      return t('duplicates.modelLabelled', { merges: (scan.merges ?? 0).toLocaleString(language) });
    case 'MEASURED':
      return t('duplicates.modelMeasured');
    default:
      return t('duplicates.modelDefault');
  }
}

/** Why the scan's weights are not the ones estimated on the registry, when it says. */
function fallbackText(scan: DuplicateScan, t: Translate, language: Language): string | null {
  switch (scan.fallback) {
    case 'TOO_FEW_PERSONS':
      return t('duplicates.fallbackTooFewPersons', { persons: (scan.persons ?? 0).toLocaleString(language) });
    case 'NOT_CONVERGED':
      return t('duplicates.fallbackNotConverged');
    case 'IMPLAUSIBLE':
      return t('duplicates.fallbackImplausible');
    default:
      return null;
  }
}

interface PairProps {
  candidate: DuplicateCandidate;
  busy: boolean;
  onKeep: (kept: PersonSummary, merged: PersonSummary) => void;
  onDifferent: () => void;
}

function Pair({ candidate, busy, onKeep, onDifferent }: PairProps) {
  const { t } = useApp();
  const [checked, setChecked] = useState(false);
  return (
    <li class="result duplicate-pair" data-testid="duplicate-pair">
      <p class="likely-why" data-testid="duplicate-why">
        {t('likely.probability', { percent: String(Math.round(candidate.probability * 100)) })}{' '}
        {describeAgreement(candidate.reasons, t)}
      </p>
      {candidate.registeredOffline && (
        <p class="notice" data-testid="duplicate-registered-offline">
          {candidate.registeredOffline.deviceId
            ? t('duplicates.registeredOffline', { device: candidate.registeredOffline.deviceId })
            : t('duplicates.registeredOfflineUnknown')}
        </p>
      )}
      <div class="duplicate-sides">
        <Side person={candidate.first} />
        <Side person={candidate.second} />
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked((event.currentTarget).checked)}
          data-testid="duplicate-checked"
        />
        <span>{t('merge.confirm')}</span>
      </label>
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={!checked || busy}
          onClick={() => onKeep(candidate.first, candidate.second)}
          data-testid="duplicate-keep-first"
        >
          {t('duplicates.keep', { code: formatPatientCode(candidate.first.patientCode) })}
        </button>
        <button
          type="button"
          class="button primary"
          disabled={!checked || busy}
          onClick={() => onKeep(candidate.second, candidate.first)}
          data-testid="duplicate-keep-second"
        >
          {t('duplicates.keep', { code: formatPatientCode(candidate.second.patientCode) })}
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={busy}
          onClick={onDifferent}
          data-testid="duplicate-different"
        >
          {t('duplicates.different')}
        </button>
      </div>
    </li>
  );
}

export function Side({ person }: { person: PersonSummary }) {
  const { t, language } = useApp();
  return (
    <div class="duplicate-side" data-testid="duplicate-side">
      <p class="result-main">
        <span class="result-name" dir="auto">
          {person.chosenName}
        </span>
        <span class="patient-code" dir="ltr">
          {formatPatientCode(person.patientCode)}
        </span>
      </p>
      {person.otherNames.length > 0 && (
        <p class="result-other-names" dir="auto">
          {person.otherNames.join(' · ')}
        </p>
      )}
      <p class="result-facts">
        {[
          t(`sex.${person.sex}`),
          describeBirth(person.birthDate, person.age, t, language),
          person.countryOfOrigin ?? '',
        ]
          .filter((part) => part)
          .join(' · ')}
      </p>
    </div>
  );
}

function Weights({ scan, language }: { scan: DuplicateScan; language: string }) {
  const { t } = useApp();
  const number = (value: number, digits: number) =>
    value.toLocaleString(language, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <details class="duplicate-weights" data-testid="duplicates-weights">
      <summary>{t('duplicates.weightsTitle')}</summary>
      <p class="muted">{t('duplicates.weightsExplanation')}</p>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th>{t('duplicates.field')}</th>
              <th>{t('duplicates.level')}</th>
              <th>{t('duplicates.m')}</th>
              <th>{t('duplicates.u')}</th>
              <th>{t('duplicates.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {scan.weights.flatMap((field) =>
              field.levels.map((level) => (
                <tr key={`${field.field}/${level.level}`}>
                  <td>{fieldName(field.field, t)}</td>
                  <td>{levelName(level.level, t)}</td>
                  <td>{number(level.m, 4)}</td>
                  <td>{number(level.u, 4)}</td>
                  <td dir="ltr">{number(level.weight, 1)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
