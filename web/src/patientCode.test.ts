import { describe, expect, it } from 'vitest';
import { formatPatientCode, isPatientCode, parsePatientCode, withCheckCharacter } from './patientCode';

describe('patient codes', () => {
  const code = withCheckCharacter('7KQ2M9P');

  it('are printed in two groups of four', () => {
    expect(formatPatientCode('ABCD1234')).toBe('ABCD-1234');
  });

  it('are read whatever the case, spaces and dashes', () => {
    const typed = `${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`;
    expect(parsePatientCode(typed)).toBe(code);
  });

  it('catch a mistyped character with the check character', () => {
    const wrong = (code[0] === '7' ? '8' : '7') + code.slice(1);
    expect(isPatientCode(wrong)).toBe(false);
  });

  it('are not names', () => {
    expect(isPatientCode('Mohammed')).toBe(false);
    expect(isPatientCode('Abdul Rahman')).toBe(false);
  });
});
