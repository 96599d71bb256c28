// Inputs for coded answers: ICD-10 diagnoses and prescription lines.
import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FieldErrors } from '../components/FieldErrors';
import type { Problem } from '../types';
import type { PrescriptionLine } from './model';

/** A list of ICD-10 codes: type a code and add it; each can be removed. */
export function CodeListInput({ id, value, onChange }: { id: string; value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useApp();
  const [typed, setTyped] = useState('');
  const add = () => {
    const code = typed.trim().toUpperCase();
    if (code && !value.includes(code)) onChange([...value, code]);
    setTyped('');
  };
  return (
    <div class="code-list">
      <ul class="chips">
        {value.map((code) => (
          <li key={code} class="chip" data-testid={`${id}-chip`}>
            {code}
            <button type="button" class="chip-remove" aria-label={t('form.remove')} onClick={() => onChange(value.filter((c) => c !== code))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="inline-input">
        <input
          id={id}
          data-testid={id}
          value={typed}
          placeholder="B86"
          onInput={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="secondary" data-testid={`${id}-add`} onClick={add}>
          {t('form.add')}
        </button>
      </div>
    </div>
  );
}

const MOMENTS = ['morning', 'noon', 'evening', 'night'] as const;

/** Prescription lines: a medicine, the dose at each time of day, the days and instructions. */
export function PrescriptionInput({
  id,
  path,
  problem,
  value,
  onChange,
}: {
  id: string;
  path: string;
  problem: Problem | null;
  value: PrescriptionLine[];
  onChange: (lines: PrescriptionLine[]) => void;
}) {
  const { t } = useApp();
  const update = (index: number, change: Partial<PrescriptionLine>) =>
    onChange(value.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const number = (text: string): number | undefined => (text === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
  return (
    <div class="prescription" data-testid={`${id}-lines`}>
      {value.map((line, index) => (
        <div key={index} class="prescription-line" data-testid={`${id}-line`}>
          <div class="field">
            <label for={`${id}-${index}-medicine`}>{t('form.medicine')}</label>
            <input
              id={`${id}-${index}-medicine`}
              data-testid={`${id}-medicine`}
              value={line.medicine}
              onInput={(event) => update(index, { medicine: event.currentTarget.value.trim().toUpperCase() })}
            />
            <FieldErrors problem={problem} path={`${path}[${index}].medicine`} />
          </div>
          <div class="field-row dose-row">
            {MOMENTS.map((moment) => (
              <div class="field" key={moment}>
                <label for={`${id}-${index}-${moment}`}>{t(`dose.${moment}`)}</label>
                <input
                  id={`${id}-${index}-${moment}`}
                  data-testid={`${id}-${moment}`}
                  type="number"
                  min="0"
                  max="100"
                  step="0.25"
                  inputMode="decimal"
                  value={line[moment] === undefined ? '' : String(line[moment])}
                  onInput={(event) => update(index, { [moment]: number(event.currentTarget.value) })}
                />
              </div>
            ))}
            <div class="field">
              <label for={`${id}-${index}-days`}>{t('form.days')}</label>
              <input
                id={`${id}-${index}-days`}
                data-testid={`${id}-days`}
                type="number"
                min="1"
                max="365"
                value={line.days == null ? '' : String(line.days)}
                onInput={(event) => update(index, { days: number(event.currentTarget.value) ?? null })}
              />
            </div>
          </div>
          <FieldErrors problem={problem} path={`${path}[${index}]`} exact />
          <div class="field">
            <label for={`${id}-${index}-instructions`}>{t('form.instructions')}</label>
            <input
              id={`${id}-${index}-instructions`}
              dir="auto"
              maxLength={500}
              value={line.instructions ?? ''}
              onInput={(event) => update(index, { instructions: event.currentTarget.value || null })}
            />
          </div>
          <button type="button" class="link-button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
            {t('form.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" data-testid={`${id}-add-line`} onClick={() => onChange([...value, { medicine: '' }])}>
        {t('form.addMedicine')}
      </button>
    </div>
  );
}
