// Patient codes: 7 random characters and a check character from Crockford's base 32, printed
// XXXX-XXXX (mirrors PatientCode.java).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

function checkCharacter(payload: string): string {
  const n = ALPHABET.length;
  let sum = 0;
  let doubled = true;
  for (let i = payload.length - 1; i >= 0; i--) {
    let value = ALPHABET.indexOf(payload.charAt(i));
    if (doubled) {
      value *= 2;
      value = Math.floor(value / n) + (value % n);
    }
    sum += value;
    doubled = !doubled;
  }
  return ALPHABET.charAt((n - (sum % n)) % n);
}

/** The code in what was typed (case, spaces and dashes ignored; O, I, L read as 0, 1, 1), or null. */
export function parsePatientCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) {
    return null;
  }
  return checkCharacter(code.slice(0, LENGTH - 1)) === code.charAt(LENGTH - 1) ? code : null;
}

/**
 * Whether what was typed is meant as a patient code (two groups of four letters or digits, with a
 * digit among them: names have none), valid or not: a mistyped code is then said to be one.
 */
export function looksLikePatientCode(typed: string): boolean {
  const text = typed.trim();
  return /^[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}$/.test(text) && /\d/.test(text);
}

export function isPatientCode(typed: string): boolean {
  return parsePatientCode(typed) !== null;
}

/** As printed on the card: two groups of four. */
export function formatPatientCode(code: string | null | undefined): string {
  if (!code) return '';
  return code.length === LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** For tests and demos: a valid code from seven characters. */
export function withCheckCharacter(payload: string): string {
  return payload + checkCharacter(payload);
}
