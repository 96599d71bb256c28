import { describe, expect, it } from 'vitest';
import { displayCode, formatCents, toCents } from './passModel';

describe('Pass de ville amounts', () => {
  it('reads euros typed with a comma or a point as integer cents', () => {
    expect(toCents('25')).toBe(2500);
    expect(toCents('25,5')).toBe(2550);
    expect(toCents(' 1 025.07 ')).toBe(102507);
  });

  it('refuses negative amounts, more than two decimals and text', () => {
    expect(toCents('-3')).toBeNull();
    expect(toCents('2.555')).toBeNull();
    expect(toCents('abc')).toBeNull();
    expect(toCents('')).toBeNull();
  });

  it('shows cents as euros and codes in two groups', () => {
    expect(formatCents(2550, 'en')).toBe('€25.50');
    expect(displayCode('AB12CD34')).toBe('AB12-CD34');
  });
});
