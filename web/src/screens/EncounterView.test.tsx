import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import type { FormVersion } from '../forms/model';
import { click, jsonResponse, mount, settle } from '../test/render';
import { EncounterScreen } from './EncounterScreens';

const PERSON = '0190f1c2-0000-7000-8000-000000000041';
const ENCOUNTER = '0190f1c2-0000-7000-8000-000000000042';
const text = (fr: string, en: string) => ({ fr, en, ar: en });

const FORM: FormVersion = {
  code: 'medical-consultation',
  version: 2,
  status: 'PUBLISHED',
  builtIn: true,
  createdAt: '2026-11-01T00:00:00Z',
  definition: {
    code: 'medical-consultation',
    title: text('Consultation médicale', 'Medical consultation'),
    discipline: 'MEDICAL',
    compartment: 'GENERAL',
    subject: 'PERSON',
    sections: [
      {
        code: 'treatment',
        title: text('Traitement', 'Treatment'),
        fields: [{ code: 'prescription', type: 'medication', label: text('Ordonnance', 'Prescription') }],
      },
    ],
  },
};

const MAN = {
  id: PERSON,
  patientCode: 'ABCD1234',
  chosenName: 'Samir Haddad',
  otherNames: [],
  sex: 'MALE',
  birthDate: { precision: 'EXACT', date: '1990-02-01' },
  age: 36,
  languages: ['ar'],
  flags: [],
  registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
};

let status = 'SIGNED';

function encounter(allowedActions: string[]) {
  return {
    id: ENCOUNTER,
    personId: PERSON,
    siteId: '0190f1c2-0000-7000-8000-000000000001',
    formCode: 'medical-consultation',
    formVersion: 2,
    discipline: 'MEDICAL',
    compartment: 'GENERAL',
    occurredOn: '2026-12-06',
    status,
    revision: 1,
    version: 1,
    providerId: '0190f1c2-0000-7000-8000-000000000002',
    providerName: 'Dr Martin',
    answers: { prescription: [{ medicine: 'ivermectin-3-tab', morning: 4, noon: 0, evening: 0, night: 0, days: 1 }] },
    createdAt: '2026-12-06T10:00:00Z',
    signedAt: '2026-12-06T10:00:00Z',
    revisions: [{ revision: 1, formVersion: 2, signedAt: '2026-12-06T10:00:00Z', signedBy: 'Dr Martin' }],
    alerts: [],
    allowedActions,
  };
}

const IVERMECTIN = {
  code: 'ivermectin-3-tab',
  atc: 'P02CF01',
  name: { fr: 'ivermectine', en: 'ivermectin' },
  form: { code: 'tablet', labels: { fr: 'comprimé', en: 'tablet', ar: 'قرص' } },
  strength: '3 mg',
  unit: { code: 'tablet', one: { fr: 'comprimé', en: 'tablet', ar: 'قرص' }, other: { fr: 'comprimés', en: 'tablets', ar: 'أقراص' } },
};

describe('a signed consultation', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const sheets: unknown[] = [];
  let actions: string[] = [];

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === `/api/encounters/${ENCOUNTER}`) return jsonResponse(encounter(actions));
      if (url === '/api/forms/medical-consultation/versions/2') return jsonResponse(FORM);
      if (url === `/api/people/${PERSON}`) return jsonResponse(MAN);
      if (url === '/api/medicines/ivermectin-3-tab') return jsonResponse(IVERMECTIN);
      if (url === `/api/encounters/${ENCOUNTER}/prescription-sheet` && init?.method === 'POST') {
        sheets.push(JSON.parse(String(init.body)));
        return new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
          status: 200,
          headers: { 'Content-Type': 'application/pdf' },
        });
      }
      return jsonResponse({}, 404);
    });
  });

  afterEach(() => {
    status = 'SIGNED';
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    sheets.length = 0;
    document.body.innerHTML = '';
  });

  it('shows the prescription in words and prints the sheet in the person’s language or the one chosen', async () => {
    actions = ['AMEND', 'PRINT_PRESCRIPTION'];
    const opened = { location: { href: '' }, close: vi.fn() };
    vi.stubGlobal('open', vi.fn(() => opened));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:sheet'), revokeObjectURL: vi.fn() }));
    const screen = mount(<EncounterScreen encounterId={ENCOUNTER} />, 'en');
    await settle();
    await settle();

    expect(screen.byTestId('prescription-line')?.textContent).toBe(
      'ivermectin 3 mg, tablet — 4 tablets in the morning, for 1 day',
    );
    expect(screen.byTestId('amend')).not.toBeNull();
    expect((screen.byTestId('sheet-language') as HTMLSelectElement).value).toBe('ar');

    click(screen.byTestId('print-sheet'));
    await settle();
    expect(sheets).toEqual([{ language: 'ar' }]);
    expect(opened.location.href).toBe('blob:sheet');
  });

  it('offers neither amendment nor printing when the server does not allow them', async () => {
    actions = [];
    const screen = mount(<EncounterScreen encounterId={ENCOUNTER} />, 'en');
    await settle();
    await settle();

    expect(screen.byTestId('answers')).not.toBeNull();
    expect(screen.byTestId('amend')).toBeNull();
    expect(screen.byTestId('print-sheet')).toBeNull();
    expect(screen.byTestId('read-only')).not.toBeNull();
  });

  it('does not offer to sign a draft its author may no longer change', async () => {
    actions = ['DISCARD'];
    status = 'DRAFT';
    const screen = mount(<EncounterScreen encounterId={ENCOUNTER} />, 'en');
    await settle();
    await settle();

    expect(screen.byTestId('encounter-status')?.textContent).toBe('Draft, not signed');
    expect(screen.byTestId('sign')).toBeNull();
    expect(screen.byTestId('amend')).toBeNull();
  });
});
