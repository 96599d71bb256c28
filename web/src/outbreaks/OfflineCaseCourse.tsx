import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey, type MessageKey, type Translate } from '../i18n';
import type { DeviceSession } from '../offline/deviceSession';
import { localProblem, toProblem } from '../problems';
import type { Problem } from '../types';
import { COURSE, LAB_RESULTS, queueCaseChange, RAPID_TESTS, shownCases, type Course, type CourseField, type ShownCase } from './offlineCaseEdits';
import { RefusedHere } from './offlineCreation';
import { CLASSIFICATIONS, type Disease } from './outbreaksApi';

const OUTCOMES = ['IN_CARE', 'RECOVERED', 'DIED', 'TRANSFERRED', 'LEFT'] as const;

const LABELS: Record<CourseField, MessageKey> = {
  classification: 'outbreaks.classification',
  admittedOn: 'outbreaks.admittedOn',
  rapidTest: 'outbreaks.rapidTest',
  labResult: 'outbreaks.labResult',
  severity: 'outbreaks.severity',
  outcome: 'outbreaks.outcome',
  outcomeOn: 'outbreaks.outcomeOn',
};

/** A field's name in the user's language (the disease names its own severity). */
function fieldLabel(field: CourseField, disease: Disease | undefined, t: Translate, language: string): string {
  return field === 'severity' ? disease?.severityLabel[language] ?? t(LABELS.severity) : t(LABELS[field]);
}

/** A field's value in the user's language: codes by their names, dates as they are. */
function valueLabel(field: CourseField, value: string | null, disease: Disease | undefined, t: Translate, language: string): string {
  if (value === null || value === '') return t('offlineHealth.none');
  switch (field) {
    case 'classification': return t(enumKey('outbreaks.classification', value));
    case 'outcome': return t(enumKey('outbreaks.outcome', value));
    case 'rapidTest':
    case 'labResult': return t(enumKey('outbreaks.result', value));
    case 'severity': return disease?.severities.find((one) => one.code === value)?.names[language] ?? value;
    default: return value;
  }
}

/**
 * The open cases kept on the device, and their course changed without network: each change is
 * checked here and queued; a change waiting says so, and a field the server kept with another value
 * shows both, in the user's language.
 */
export function OfflineCaseCourse({ device, diseases, onQueued }: { device: DeviceSession; diseases: Disease[]; onQueued: () => void }) {
  const { t, language } = useApp();
  const [cases, setCases] = useState<ShownCase[]>([]);
  const [editing, setEditing] = useState<ShownCase | null>(null);
  const [seen, setSeen] = useState(0);

  useEffect(() => {
    void shownCases(device.store).then(setCases);
  }, [device, seen]);

  if (cases.length === 0) return null;
  const diseaseOf = (shown: ShownCase) => diseases.find((one) => one.code === shown.record.disease);
  if (editing) {
    return (
      <CourseForm shown={editing} disease={diseaseOf(editing)} device={device}
        onDone={() => { setEditing(null); setSeen(seen + 1); onQueued(); }} onCancel={() => setEditing(null)} />
    );
  }
  return (
    <div data-testid="offline-cases">
      <h3>{t('offlineHealth.openCases')}</h3>
      <ul class="plain-list">
        {cases.map((shown) => {
          const disease = diseaseOf(shown);
          return (
            <li key={shown.record.id} data-testid="offline-case">
              <strong>{shown.record.caseNumber}</strong>{' · '}
              {disease?.names[language] ?? shown.record.disease}{' · '}
              {t(enumKey('outbreaks.classification', shown.course.classification ?? ''))}{' · '}
              <span dir="ltr">{shown.record.onsetOn}</span>
              {shown.pending && <p class="hint" data-testid="offline-case-pending">{t('offlineHealth.changedHere')}</p>}
              {shown.conflicts.map((conflict) => (
                <p key={conflict.field} class="notice" role="status" data-testid="offline-case-conflict">
                  {t('offlineHealth.conflict', {
                    field: fieldLabel(conflict.field, disease, t, language),
                    server: valueLabel(conflict.field, conflict.server, disease, t, language),
                    device: valueLabel(conflict.field, conflict.device, disease, t, language),
                  })}
                </p>
              ))}
              <button type="button" class="button secondary" data-testid="offline-edit-case" onClick={() => setEditing(shown)}>
                {t('offlineHealth.editCase')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function CourseForm({ shown, disease, device, onDone, onCancel }: {
  shown: ShownCase; disease: Disease | undefined; device: DeviceSession; onDone: () => void; onCancel: () => void;
}) {
  const { t, language } = useApp();
  const [course, setCourse] = useState<Course>(shown.course);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: CourseField) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setCourse({ ...course, [field]: value === '' ? null : value });
  };
  const choices: Partial<Record<CourseField, { value: string; label: string }[]>> = {
    classification: CLASSIFICATIONS.map((value) => ({ value, label: t(enumKey('outbreaks.classification', value)) })),
    rapidTest: RAPID_TESTS.map((value) => ({ value, label: t(enumKey('outbreaks.result', value)) })),
    labResult: LAB_RESULTS.map((value) => ({ value, label: t(enumKey('outbreaks.result', value)) })),
    severity: (disease?.severities ?? []).map((one) => ({ value: one.code, label: one.names[language] ?? one.code })),
    outcome: OUTCOMES.map((value) => ({ value, label: t(enumKey('outbreaks.outcome', value)) })),
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      if (await queueCaseChange(device, shown, course)) onDone();
      else setProblem(localProblem([{ field: 'classification', code: 'invalid-input', message: t('offlineHealth.nothingChanged') }]));
    } catch (error) {
      setProblem(error instanceof RefusedHere ? error.problem(t) : toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card case-form" data-testid="offline-case-form" onSubmit={submit} noValidate>
      <h2>{t('offlineHealth.caseCourse', { number: shown.record.caseNumber })}</h2>
      <FormError problem={problem} />
      {COURSE.map((field) => {
        const id = `offline-case-${field}`;
        const options = choices[field];
        return (
          <div class="field" key={field}>
            <label for={id}>{fieldLabel(field, disease, t, language)}</label>
            {options ? (
              <select id={id} data-testid={id} value={course[field] ?? ''} onChange={set(field)}>
                {field !== 'classification' && <option value="">—</option>}
                {options.map((one) => <option key={one.value} value={one.value}>{one.label}</option>)}
              </select>
            ) : (
              <input id={id} data-testid={id} type="date" value={course[field] ?? ''} onInput={set(field)} />
            )}
          </div>
        );
      })}
      <p class="actions">
        <button type="submit" class="button" data-testid="offline-save-course" disabled={busy}>{t('outbreaks.save')}</button>
        <button type="button" class="button secondary" onClick={onCancel}>{t('outbreaks.cancel')}</button>
      </p>
    </form>
  );
}
