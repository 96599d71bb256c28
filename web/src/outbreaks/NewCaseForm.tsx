import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { RefusedHere } from './offlineCreation';
import { CLASSIFICATIONS, outbreaksApi, type Disease, type NewOutbreakCase } from './outbreaksApi';

const OUTCOMES = ['IN_CARE', 'RECOVERED', 'DIED', 'TRANSFERRED', 'LEFT'] as const;
const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;

interface Props {
  disease: Disease;
  siteId: string;
  newId: () => string;
  onDone: () => void;
  onCancel: () => void;
  /** How the case is kept: sent to the server by default, queued on the device offline. */
  save?: (body: NewOutbreakCase) => Promise<unknown>;
}

const number = (value: string) => (value.trim() === '' ? null : Number(value));
const text = (value: string) => (value === '' ? null : value);

/** An anonymous case of the line list: no name, only sex, age, dates, results and place. */
export function NewCaseForm({ disease, siteId, newId, onDone, onCancel, save = outbreaksApi.record }: Props) {
  const { t, language } = useApp();
  const [id] = useState(newId);
  const [fields, setFields] = useState({
    classification: 'SUSPECTED', onsetOn: '', sex: 'UNKNOWN', ageYears: '', severity: '', outcome: '', outcomeOn: '', latitude: '', longitude: '',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof fields) => (event: Event) =>
    setFields({ ...fields, [field]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    const body: NewOutbreakCase = {
      id, disease: disease.code, siteId, classification: fields.classification, onsetOn: fields.onsetOn, sex: fields.sex,
      ageYears: number(fields.ageYears), severity: text(fields.severity), outcome: text(fields.outcome), outcomeOn: text(fields.outcomeOn),
      latitude: number(fields.latitude), longitude: number(fields.longitude),
    };
    try {
      await save(body);
      onDone();
    } catch (error) {
      setProblem(error instanceof RefusedHere ? error.problem(t) : toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card case-form" data-testid="case-form" onSubmit={submit} noValidate>
      <h2>{t('outbreaks.addCase')}</h2>
      <FormError problem={problem} />
      <div class="field">
        <label for="case-classification">{t('outbreaks.classification')}</label>
        <select id="case-classification" data-testid="new-case-classification" value={fields.classification} onChange={set('classification')}>
          {CLASSIFICATIONS.map((k) => <option key={k} value={k}>{t(enumKey('outbreaks.classification', k))}</option>)}
        </select>
        <p class="hint">{disease.definitions[fields.classification]?.[language]}</p>
      </div>
      <div class="field">
        <label for="case-onset">{t('outbreaks.onset')}</label>
        <input id="case-onset" data-testid="case-onset" type="date" required value={fields.onsetOn} onInput={set('onsetOn')} />
      </div>
      <div class="field">
        <label for="case-sex">{t('outbreaks.sex')}</label>
        <select id="case-sex" data-testid="case-sex" value={fields.sex} onChange={set('sex')}>
          {SEXES.map((s) => <option key={s} value={s}>{t(enumKey('sex', s))}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="case-age">{t('outbreaks.ageYears')}</label>
        <input id="case-age" data-testid="case-age" type="number" min={0} max={120} inputMode="numeric" value={fields.ageYears} onInput={set('ageYears')} />
      </div>
      <div class="field">
        <label for="case-severity">{disease.severityLabel[language] ?? t('outbreaks.severity')}</label>
        <select id="case-severity" data-testid="case-severity" value={fields.severity} onChange={set('severity')}>
          <option value="">—</option>
          {disease.severities.map((s) => <option key={s.code} value={s.code}>{s.names[language] ?? s.code}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="case-outcome">{t('outbreaks.outcome')}</label>
        <select id="case-outcome" data-testid="case-outcome" value={fields.outcome} onChange={set('outcome')}>
          <option value="">—</option>
          {OUTCOMES.map((o) => <option key={o} value={o}>{t(enumKey('outbreaks.outcome', o))}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="case-outcome-on">{t('outbreaks.outcomeOn')}</label>
        <input id="case-outcome-on" data-testid="case-outcome-on" type="date" value={fields.outcomeOn} onInput={set('outcomeOn')} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="case-latitude">{t('outbreaks.latitude')}</label>
          <input id="case-latitude" data-testid="case-latitude" inputMode="decimal" dir="ltr" value={fields.latitude} onInput={set('latitude')} />
        </div>
        <div class="field">
          <label for="case-longitude">{t('outbreaks.longitude')}</label>
          <input id="case-longitude" data-testid="case-longitude" inputMode="decimal" dir="ltr" value={fields.longitude} onInput={set('longitude')} />
        </div>
      </div>
      <p class="actions">
        <button type="submit" class="button" data-testid="save-case" disabled={busy}>{t('outbreaks.save')}</button>
        <button type="button" class="button secondary" onClick={onCancel}>{t('outbreaks.cancel')}</button>
      </p>
    </form>
  );
}
