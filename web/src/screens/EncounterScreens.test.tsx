import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import type { FormVersion } from '../forms/model';
import { click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { NewEncounterScreen } from './EncounterScreens';

const PERSON = '0190f1c2-0000-7000-8000-000000000031';
const text = (fr: string, en: string) => ({ fr, en, ar: en });

const VISIT: FormVersion = {
  code: 'visit',
  version: 3,
  status: 'PUBLISHED',
  builtIn: true,
  createdAt: '2026-11-01T00:00:00Z',
  definition: {
    code: 'visit',
    title: text('Visite', 'Visit'),
    discipline: 'MEDICAL',
    compartment: 'GENERAL',
    subject: 'PERSON',
    sections: [
      {
        code: 'vitals',
        title: text('Constantes', 'Vital signs'),
        fields: [
          { code: 'weight', type: 'number', label: text('Poids', 'Weight'), unit: 'kg', min: 1, max: 250, decimals: 1 },
          { code: 'height', type: 'number', label: text('Taille', 'Height'), unit: 'cm', min: 30, max: 230 },
          { code: 'bmi', type: 'calculated', label: text('IMC', 'BMI'), decimals: 1, calculate: { function: 'bmi', fields: ['weight', 'height'] } },
          { code: 'pregnant', type: 'yesno', required: true, label: text('Enceinte ?', 'Pregnant?'), relevant: { field: '@sex', equals: 'FEMALE' } },
        ],
      },
    ],
  },
};

const WOMAN = {
  id: PERSON,
  patientCode: 'ABCD1234',
  chosenName: 'Amina Diallo',
  otherNames: [],
  sex: 'FEMALE',
  birthDate: { precision: 'EXACT', date: '1998-02-01' },
  age: 28,
  languages: [],
  flags: [],
  registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
};

describe('recording a consultation with a form', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const posted: unknown[] = [];

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/forms') return jsonResponse([VISIT]);
      if (url === `/api/people/${PERSON}`) return jsonResponse(WOMAN);
      if (url === '/api/encounters' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return jsonResponse(
          {
            status: 400,
            code: 'invalid-answers',
            detail: 'Some answers do not follow the form’s rules. Nothing was saved.',
            fieldErrors: [{ field: 'answers.weight', code: 'number-out-of-range', message: 'Not plausible: between 1 and 250.' }],
          },
          400,
        );
      }
      return jsonResponse({}, 404);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    posted.length = 0;
    document.body.innerHTML = '';
  });

  it('computes as you type, asks for required fields before signing, and shows the server’s errors under their fields', async () => {
    const screen = mount(<NewEncounterScreen personId={PERSON} />, 'en');
    await settle();

    click(screen.byTestId('choose-form-visit'));
    expect(screen.byTestId('form-title')?.textContent).toBe('Visit');
    expect(screen.byTestId('field-pregnant')).not.toBeNull();
    typeInto(screen.byTestId('answer-weight'), '60');
    typeInto(screen.byTestId('answer-height'), '165');
    expect(screen.byTestId('answer-bmi')?.textContent).toBe('22');

    click(screen.byTestId('sign'));
    await settle();
    expect(posted).toHaveLength(0);
    expect(screen.byTestId('field-pregnant')?.textContent).toContain('Required to sign.');

    click(screen.byTestId('answer-pregnant-yes'));
    click(screen.byTestId('sign'));
    await settle();

    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      personId: PERSON,
      formCode: 'visit',
      sign: true,
      answers: { weight: 60, height: 165, pregnant: true },
    });
    expect((posted[0] as { answers: Record<string, unknown> }).answers).not.toHaveProperty('bmi');
    expect(screen.byTestId('field-weight')?.textContent).toContain('Not plausible: between 1 and 250.');
  });

  it('saves a draft with required fields still empty', async () => {
    const screen = mount(<NewEncounterScreen personId={PERSON} />, 'en');
    await settle();
    click(screen.byTestId('choose-form-visit'));

    click(screen.byTestId('save-draft'));
    await settle();

    expect(posted).toEqual([expect.objectContaining({ sign: false, answers: {} })]);
  });
});
