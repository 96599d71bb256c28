import { describe, expect, it } from 'vitest';
import { currentMonth, describeBirth, today } from './format';
import { translator } from './i18n';

const fr = translator('fr');

describe('birth dates', () => {
  it('show an estimated age as such', () => {
    const birth = { precision: 'ESTIMATED' as const, date: '2002-05-01', estimatedAge: 24, estimatedOn: '2026-05-01' };
    expect(describeBirth(birth, 24, fr, 'fr')).toBe('~24 ans (estimé)');
  });

  it('show only the year when only the year is known', () => {
    expect(describeBirth({ precision: 'YEAR', date: '2001-01-01' }, 25, fr, 'fr')).toBe('25 ans · né·e en 2001');
  });

  it('show the month without a day', () => {
    expect(describeBirth({ precision: 'MONTH', date: '2008-03-01' }, 17, translator('en'), 'en')).toBe(
      '17 years · born March 2008',
    );
  });

  it('show an exact date in full', () => {
    expect(describeBirth({ precision: 'EXACT', date: '1999-12-31' }, null, fr, 'fr')).toBe('né·e le 31 décembre 1999');
  });

  it('say nothing when nothing is known', () => {
    expect(describeBirth(null, null, fr, 'fr')).toBe('');
  });
});

describe('today', () => {
  it('is the local date', () => {
    expect(today(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(currentMonth(new Date(2026, 10, 30))).toBe('2026-11');
  });
});
