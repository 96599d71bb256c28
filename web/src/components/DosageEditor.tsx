import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { TIMES_OF_DAY, unitLabel, type Medicine, type PrescriptionLine, type TimeOfDay } from '../coding';
import { TimeOfDayPictogram } from './DosagePictograms';
import { MedicinePicker } from './MedicinePicker';

export interface DosageEditorProps {
  value: PrescriptionLine;
  onChange: (line: PrescriptionLine) => void;
  /** Prefix of the fields' ids, unique in the page (one editor per prescription line). */
  id: string;
  disabled?: boolean;
  /** Milliseconds the medicine search waits after the last key. */
  delay?: number;
}

/** Parses a typed dose: empty is none; a comma works as the decimal point; ½ and ¼ as on the sheet. */
function parseDose(text: string): number {
  const normalised = text.trim().replace(',', '.').replace('½', '.5').replace('¼', '.25').replace('¾', '.75');
  const value = Number.parseFloat(normalised.startsWith('.') ? `0${normalised}` : normalised);
  return Number.isFinite(value) && value >= 0 && value <= 9999 ? value : 0;
}

function shown(dose: number): string {
  return dose === 0 ? '' : String(dose);
}

/**
 * One prescription line: the medicine (from the formulary), the dose in its unit in the morning,
 * at noon, in the evening and at night, each under its pictogram, the number of days and the
 * instructions, as the printed dosage sheet will show them.
 */
export function DosageEditor({ value, onChange, id, disabled, delay }: DosageEditorProps) {
  const { t, language } = useApp();
  const [medicine, setMedicine] = useState<Medicine | null>(null);
  // What is typed, kept as typed ("1," on the way to "1,5") while the line holds the number.
  const [typed, setTyped] = useState<Record<TimeOfDay, string>>(() => ({
    morning: shown(value.morning),
    noon: shown(value.noon),
    evening: shown(value.evening),
    night: shown(value.night),
  }));
  const text = (time: TimeOfDay) => (parseDose(typed[time]) === value[time] ? typed[time] : shown(value[time]));

  const set = (change: Partial<PrescriptionLine>) => onChange({ ...value, ...change });

  return (
    <fieldset class="dosage-editor" data-testid={`${id}-editor`}>
      <legend class="visually-hidden">{t('dosage.line')}</legend>
      <MedicinePicker
        id={`${id}-medicine`}
        testId={`${id}-medicine`}
        value={value.medicineCode}
        disabled={disabled}
        delay={delay}
        onChange={(code, chosen) => {
          setMedicine(chosen);
          set({ medicineCode: code });
        }}
      />
      <div class="dosage-times" role="group" aria-label={t('dosage.doses')}>
        {TIMES_OF_DAY.map((time: TimeOfDay) => (
          <div class="dosage-time" key={time}>
            <label for={`${id}-${time}`}>
              <TimeOfDayPictogram time={time} taken={value[time] > 0} />
              <span>{t(`dosage.${time}`)}</span>
            </label>
            <input
              id={`${id}-${time}`}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={text(time)}
              placeholder="0"
              disabled={disabled}
              data-testid={`${id}-${time}`}
              onInput={(event) => {
                const entered = event.currentTarget.value;
                setTyped((current) => ({ ...current, [time]: entered }));
                set({ [time]: parseDose(entered) });
              }}
            />
            {medicine && value[time] > 0 && <span class="dose-unit">{unitLabel(medicine, value[time], language)}</span>}
          </div>
        ))}
      </div>
      <div class="field narrow-field">
        <label for={`${id}-days`}>{t('dosage.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          value={value.days ?? ''}
          disabled={disabled}
          data-testid={`${id}-days`}
          onInput={(event) => {
            const days = Number.parseInt(event.currentTarget.value, 10);
            set({ days: Number.isFinite(days) && days > 0 ? days : null });
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-instructions`}>
          {t('dosage.instructions')} <span class="optional">({t('app.optional')})</span>
        </label>
        <textarea
          id={`${id}-instructions`}
          rows={2}
          maxLength={500}
          value={value.instructions}
          disabled={disabled}
          data-testid={`${id}-instructions`}
          onInput={(event) => set({ instructions: event.currentTarget.value })}
        />
      </div>
    </fieldset>
  );
}
