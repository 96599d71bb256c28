// Inputs for coded answers: ICD-10 diagnoses from the catalogue and prescription lines from the
// formulary, on top of the catalogue's pickers.
import { useApp } from '../appContext';
import { EMPTY_LINE, type PrescriptionLine as EditedLine } from '../coding';
import { DiagnosisPicker } from '../components/DiagnosisPicker';
import { DosageEditor } from '../components/DosageEditor';
import { FieldErrors } from '../components/FieldErrors';
import type { Problem } from '../types';
import type { PrescriptionLine } from './model';

/** A list of ICD-10 codes chosen from the catalogue, the site's favourites first. */
export function CodeListInput({ id, value, onChange }: { id: string; value: string[]; onChange: (codes: string[]) => void }) {
  return <DiagnosisPicker multiple id={id} testId={id} value={value} onChange={onChange} />;
}

function edited(line: PrescriptionLine): EditedLine {
  return {
    medicineCode: line.medicine || null,
    morning: line.morning ?? 0,
    noon: line.noon ?? 0,
    evening: line.evening ?? 0,
    night: line.night ?? 0,
    days: line.days ?? null,
    instructions: line.instructions ?? '',
  };
}

function answered(line: EditedLine): PrescriptionLine {
  return {
    medicine: line.medicineCode ?? '',
    morning: line.morning,
    noon: line.noon,
    evening: line.evening,
    night: line.night,
    days: line.days,
    instructions: line.instructions.trim() === '' ? null : line.instructions,
  };
}

/** Prescription lines: each a medicine, the dose at each time of day under its pictogram, the days and instructions. */
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
  return (
    <div class="prescription" data-testid={`${id}-lines`}>
      {value.map((line, index) => (
        <div key={index} class="prescription-line" data-testid={`${id}-line`}>
          <DosageEditor
            id={`${id}-${index}`}
            value={edited(line)}
            onChange={(changed) => onChange(value.map((old, i) => (i === index ? answered(changed) : old)))}
          />
          <FieldErrors problem={problem} path={`${path}[${index}]`} />
          <button type="button" class="link-button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
            {t('form.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button secondary"
        data-testid={`${id}-add-line`}
        onClick={() => onChange([...value, answered(EMPTY_LINE)])}
      >
        {t('form.addMedicine')}
      </button>
    </div>
  );
}
