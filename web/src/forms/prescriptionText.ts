// A prescription line as the team reads it: the medicine's name, strength and form, then the dose
// at each time of day in words, for how many days — not the internal code "ivermectin-3-tab 4-0-0-0".
import { formatDose, label, medicineName, unitLabel, type Medicine } from '../coding';
import type { Language, Translate } from '../i18n';
import type { PrescriptionLine } from './model';

const TIMES = [
  ['morning', 'dosage.inTheMorning'],
  ['noon', 'dosage.atNoon'],
  ['evening', 'dosage.inTheEvening'],
  ['night', 'dosage.atNight'],
] as const;

/** "Ivermectine 3 mg, comprimé" — or the code while the formulary has not answered. */
export function medicineTitle(code: string, medicine: Medicine | undefined, language: Language): string {
  if (!medicine) return code;
  return `${medicineName(medicine, language)} ${medicine.strength}, ${label(medicine.form.labels, language)}`;
}

/** "4 comprimés le matin, pendant 1 jour" in the user's language. */
export function doseInWords(
  line: PrescriptionLine,
  medicine: Medicine | undefined,
  t: Translate,
  language: Language,
): string {
  const doses = TIMES.filter(([time]) => (line[time] ?? 0) > 0).map(([time, key]) => {
    const amount = line[time] ?? 0;
    const unit = medicine ? ` ${unitLabel(medicine, amount, language)}` : '';
    return `${formatDose(amount)}${unit} ${t(key)}`;
  });
  const days = line.days
    ? line.days === 1
      ? t('dosage.forOneDay')
      : t('dosage.forDays', { days: String(line.days) })
    : null;
  return [doses.join(', '), days].filter(Boolean).join(', ');
}
