// Amounts are integer cents everywhere; people type euros, with a comma or a point.
import type { Language } from '../i18n';

export const CARE_TYPES = ['GP_CONSULTATION', 'SPECIALIST_CONSULTATION', 'MEDICINES', 'LAB_TESTS', 'IMAGING', 'DENTAL', 'OPTICAL', 'OTHER'] as const;

/** The kinds of directory services a voucher is issued for. */
export const CITY_PROVIDERS: string[] = ['CITY_DOCTOR', 'PHARMACY', 'LAB', 'RADIOLOGY'];

/** The cents of an amount typed in euros ("25", "25,5", "25.50"); null when it is not one (negative included). */
export function toCents(typed: string): number | null {
  const text = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [euros, fraction = ''] = text.split('.');
  return Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
}

/** An amount in cents as euros in the user's language. */
export function formatCents(cents: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A code as printed on the voucher: two groups of four characters. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
