import { describe, expect, it } from 'vitest';
import type { Medicine } from '../coding';
import { translator } from '../i18n';
import { doseInWords, medicineTitle } from './prescriptionText';

const IVERMECTIN: Medicine = {
  code: 'ivermectin-3-tab',
  atc: 'P02CF01',
  name: { fr: 'ivermectine', en: 'ivermectin' },
  form: { code: 'tablet', labels: { fr: 'comprimé', en: 'tablet', ar: 'قرص' } },
  strength: '3 mg',
  unit: {
    code: 'tablet',
    one: { fr: 'comprimé', en: 'tablet', ar: 'قرص' },
    other: { fr: 'comprimés', en: 'tablets', ar: 'أقراص' },
  },
};

describe('a prescription line in words', () => {
  const line = { medicine: 'ivermectin-3-tab', morning: 4, noon: 0, evening: 0, night: 0, days: 1 };

  it('names the medicine with its strength and form instead of its code', () => {
    expect(medicineTitle('ivermectin-3-tab', IVERMECTIN, 'fr')).toBe('ivermectine 3 mg, comprimé');
    expect(medicineTitle('ivermectin-3-tab', IVERMECTIN, 'en')).toBe('ivermectin 3 mg, tablet');
    expect(medicineTitle('ivermectin-3-tab', undefined, 'en')).toBe('ivermectin-3-tab');
  });

  it('writes the doses and days in the user’s language', () => {
    expect(doseInWords(line, IVERMECTIN, translator('fr'), 'fr')).toBe('4 comprimés le matin, pendant 1 jour');
    expect(doseInWords(line, IVERMECTIN, translator('en'), 'en')).toBe('4 tablets in the morning, for 1 day');
    expect(doseInWords(line, IVERMECTIN, translator('ar'), 'ar')).toBe('4 أقراص صباحًا, لمدة يوم واحد');
  });

  it('writes half doses as on a pill cutter, several times of day, and days in the plural', () => {
    const twice = { medicine: 'ivermectin-3-tab', morning: 0.5, evening: 1.5, days: 5 };
    expect(doseInWords(twice, IVERMECTIN, translator('en'), 'en')).toBe(
      '½ tablet in the morning, 1½ tablets in the evening, for 5 days',
    );
    expect(doseInWords(twice, IVERMECTIN, translator('fr'), 'fr')).toBe(
      '½ comprimé le matin, 1½ comprimé le soir, pendant 5 jours',
    );
  });
});
