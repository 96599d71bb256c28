import { afterEach, describe, expect, it, vi } from 'vitest';
import { codingApi, setOfflineCoding, type Diagnosis, type Medicine } from '../coding';
import { downloadCatalogue, onDevice, searchDiagnoses, searchMedicines, type Catalogue } from './catalogue';

const diagnosis = (code: string, chapter: string, fr: string, en: string, ar: string, favourite = false): Diagnosis => ({
  code, chapter, block: code.substring(0, 3), labels: { fr, en, ar }, favourite,
});
const medicine = (code: string, atc: string, fr: string, en: string): Medicine => ({
  code, atc, name: { fr, en }, strength: '500 mg',
  form: { code: 'tab', labels: { fr: 'comprimé', en: 'tablet', ar: 'قرص' } },
  unit: { code: 'tab', one: { fr: 'comprimé', en: 'tablet', ar: 'قرص' }, other: { fr: 'comprimés', en: 'tablets', ar: 'أقراص' } },
});

const CATALOGUE: Catalogue = {
  keptAt: 0,
  diagnoses: [
    diagnosis('A09', 'I', 'Diarrhée et gastro-entérite', 'Diarrhoea and gastroenteritis', 'إسهال والتهاب المعدة والأمعاء'),
    diagnosis('B86', 'I', 'Gale', 'Scabies', 'الجرب', true),
    diagnosis('J06.9', 'X', 'Infection aiguë des voies respiratoires supérieures', 'Acute upper respiratory infection', 'عدوى حادة'),
    diagnosis('L01.0', 'XII', 'Impétigo', 'Impetigo', 'القوباء'),
  ],
  medicines: [
    medicine('amoxicillin-500-caps', 'J01CA04', 'Amoxicilline', 'Amoxicillin'),
    medicine('paracetamol-500-tab', 'N02BE01', 'Paracétamol', 'Paracetamol'),
  ],
};

describe('the coding lists kept on the device', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setOfflineCoding(null);
  });

  it('finds diagnoses by code, by words of a title in any language, without accents, the favourites first', () => {
    expect(searchDiagnoses(CATALOGUE, 'j069', 10).map((each) => each.code)).toEqual(['J06.9']);
    expect(searchDiagnoses(CATALOGUE, 'impetigo', 10).map((each) => each.code)).toEqual(['L01.0']);
    expect(searchDiagnoses(CATALOGUE, 'gastro diarr', 10).map((each) => each.code)).toEqual(['A09']);
    expect(searchDiagnoses(CATALOGUE, 'الجرب', 10).map((each) => each.code)).toEqual(['B86']);
    expect(searchDiagnoses(CATALOGUE, '', 2).map((each) => each.code)).toEqual(['B86', 'A09']);
    expect(searchDiagnoses(CATALOGUE, 'a', 10, 'I').map((each) => each.code)).toEqual(['A09']);
    expect(searchDiagnoses(CATALOGUE, 'tuberculose', 10)).toEqual([]);
  });

  it('finds medicines by French or English name and by ATC code', () => {
    expect(searchMedicines(CATALOGUE, 'paracetamol', 10).map((each) => each.code)).toEqual(['paracetamol-500-tab']);
    expect(searchMedicines(CATALOGUE, 'amoxicillin', 10).map((each) => each.code)).toEqual(['amoxicillin-500-caps']);
    expect(searchMedicines(CATALOGUE, 'n02', 10).map((each) => each.code)).toEqual(['paracetamol-500-tab']);
  });

  it('downloads every chapter and the formulary, and the pickers use them when the server cannot be reached', async () => {
    const answers: Record<string, unknown> = {
      '/api/diagnoses/chapters': [{ numeral: 'I' }, { numeral: 'X' }],
      '/api/diagnoses?q=&limit=200&chapter=I': CATALOGUE.diagnoses.filter((each) => each.chapter === 'I'),
      '/api/diagnoses?q=&limit=200&chapter=X': CATALOGUE.diagnoses.filter((each) => each.chapter === 'X'),
      '/api/diagnoses/favourites': [CATALOGUE.diagnoses[1]],
      '/api/medicines?q=&limit=200': CATALOGUE.medicines,
    };
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      if (!(path in answers)) throw new Error(`unexpected ${path}`);
      return new Response(JSON.stringify(answers[path]), { status: 200 });
    }));
    const kept = await downloadCatalogue(42);
    expect(kept.diagnoses.map((each) => each.code)).toEqual(['A09', 'B86', 'J06.9']);
    expect(kept.medicines).toHaveLength(2);

    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(codingApi.searchDiagnoses('gale')).rejects.toMatchObject({ status: 0 });
    setOfflineCoding(onDevice(kept));
    expect((await codingApi.searchDiagnoses('gale')).map((each) => each.code)).toEqual(['B86']);
    expect((await codingApi.diagnosis('J06.9')).labels.en).toBe('Acute upper respiratory infection');
    expect((await codingApi.searchMedicines('amox', 12)).map((each) => each.code)).toEqual(['amoxicillin-500-caps']);
    expect((await codingApi.medicine('paracetamol-500-tab')).atc).toBe('N02BE01');
  });
});
