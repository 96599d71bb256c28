// The lines of a consultation's prescription as the server numbers them: every medication field of
// the form, in the order of its sections, each line of each in turn.
import type { Answers, FormDefinition, PrescriptionLine } from '../forms/model';

export interface PrescribedQuantity {
  line: number;
  medicine: string;
  /** Doses a day times days: what the prescription adds up to, in the medicine's dose unit (0 when open-ended). */
  prescribed: number;
}

export function dispensableLines(form: FormDefinition, answers: Answers): PrescribedQuantity[] {
  const lines = form.sections
    .flatMap((section) => section.fields)
    .filter((field) => field.type === 'medication')
    .flatMap((field) => (Array.isArray(answers[field.code]) ? (answers[field.code] as PrescriptionLine[]) : []));
  return lines.map((one, line) => {
    const daily = (one.morning ?? 0) + (one.noon ?? 0) + (one.evening ?? 0) + (one.night ?? 0);
    return { line, medicine: one.medicine, prescribed: Math.ceil(daily * (one.days ?? 0)) };
  });
}
