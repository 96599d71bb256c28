// Pure helpers of the vaccination screens: the next dose of a vaccine on a person's file, and the
// vaccine's name in the user's language.
import type { Language } from '../i18n';
import type { Dose, Vaccine } from './vaccinationApi';

/** The dose number that follows the person's doses of this vaccine, or null when the schedule is complete. */
export function nextDose(vaccine: Vaccine, doses: readonly Pick<Dose, 'vaccineCode' | 'doseNumber'>[]): number | null {
  const given = doses.filter((dose) => dose.vaccineCode === vaccine.code).map((dose) => dose.doseNumber);
  const next = given.length === 0 ? 1 : Math.max(...given) + 1;
  return next > vaccine.doses ? null : next;
}

/** The vaccine's name in the language, its code when unknown. */
export function vaccineName(vaccines: readonly Vaccine[], code: string, language: Language): string {
  const vaccine = vaccines.find((one) => one.code === code);
  return vaccine?.names[language] ?? code;
}

/** A coverage percentage as shown, a dash without a target. */
export function percentText(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : `${percent.toFixed(1)} %`;
}
