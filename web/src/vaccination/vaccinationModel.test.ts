import { describe, expect, it } from 'vitest';
import type { Dose, Vaccine } from './vaccinationApi';
import { nextDose, percentText } from './vaccinationModel';

const ocv: Vaccine = { code: 'cholera-ocv', names: { fr: 'Choléra', en: 'Cholera', ar: 'الكوليرا' }, doses: 2, minimumIntervalDays: [14] };

function dose(number: number): Dose {
  return {
    id: `d${number}`,
    personId: 'p',
    vaccineCode: 'cholera-ocv',
    doseNumber: number,
    givenOn: '2026-12-01',
    siteId: 's',
    givenBy: 'Nurse',
    version: 1,
  };
}

describe('nextDose', () => {
  it('is the first dose of a vaccine never given, then the next, then none once complete', () => {
    expect(nextDose(ocv, [])).toBe(1);
    expect(nextDose(ocv, [dose(1)])).toBe(2);
    expect(nextDose(ocv, [dose(1), dose(2)])).toBeNull();
  });
});

describe('percentText', () => {
  it('shows one decimal, and a dash without a target', () => {
    expect(percentText(26.7)).toBe('26.7 %');
    expect(percentText(null)).toBe('—');
  });
});
