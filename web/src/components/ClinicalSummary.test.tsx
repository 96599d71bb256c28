import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinicalSummary as Summary } from '../clinicalSummary';
import { applyLanguage } from '../i18n';
import { jsonResponse, mount, settle } from '../test/render';
import { ClinicalSummary } from './ClinicalSummary';
import { ConsultationHistory } from './ConsultationHistory';

const PERSON = '0190f1c2-0000-7000-8000-000000000051';
const TABLET = { fr: 'comprimé', en: 'tablet', ar: 'قرص' };
const TABLETS = { fr: 'comprimés', en: 'tablets', ar: 'أقراص' };

const FULL: Summary = {
  personId: PERSON,
  today: '2026-12-06',
  allergies: {
    status: 'KNOWN',
    statedOn: '2026-12-04',
    notes: [{ text: 'Pénicilline', recordedOn: '2026-12-04' }],
  },
  problems: [
    {
      code: 'J06.9',
      labels: { fr: 'Rhinopharyngite', en: 'Acute upper respiratory infection', ar: 'عدوى الجهاز التنفسي العلوي' },
      firstSeen: '2026-11-16',
      lastSeen: '2026-12-04',
      timesSeen: 2,
      chronic: false,
    },
    {
      code: 'I10',
      labels: { fr: 'Hypertension essentielle', en: 'Essential hypertension', ar: 'ارتفاع ضغط الدم' },
      timesSeen: 0,
      chronic: true,
    },
  ],
  treatments: [
    {
      encounterId: '0190f1c2-0000-7000-8000-000000000052',
      medicineCode: 'paracetamol-500-tab',
      name: { fr: 'paracétamol', en: 'paracetamol' },
      strength: '500 mg',
      form: { fr: 'comprimé', en: 'tablet', ar: 'قرص' },
      unitOne: TABLET,
      unitOther: TABLETS,
      morning: 2,
      noon: 0,
      evening: 1,
      night: 0,
      days: 3,
      startedOn: '2026-12-04',
      lastDay: '2026-12-06',
      instructions: 'Pendant les repas',
    },
  ],
  pregnancy: { startedOn: '2026-10-01', dueDate: '2027-03-16', weeks: 25, days: 5 },
  followUps: [{ id: '0190f1c2-0000-7000-8000-000000000053', programme: 'PREGNANCY', siteId: PERSON, startedOn: '2026-10-01' }],
  lastConsultations: [{ discipline: 'MEDICAL', occurredOn: '2026-12-04' }],
};

const EMPTY: Summary = {
  personId: PERSON,
  today: '2026-12-06',
  allergies: { status: 'NOT_RECORDED', notes: [] },
  problems: [],
  treatments: [],
  pregnancy: null,
  followUps: [],
  lastConsultations: [],
};

describe('clinical summary', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('shows the allergies first and marked, then pregnancy, problems and treatments in words', async () => {
    applyLanguage('en');
    fetchMock.mockResolvedValueOnce(jsonResponse(FULL));
    const screen = mount(<ClinicalSummary personId={PERSON} />, 'en');
    await settle();

    expect(String(fetchMock.mock.calls[0]![0])).toContain(`/api/people/${PERSON}/clinical-summary`);
    const summary = screen.byTestId('clinical-summary')!;
    const allergies = screen.byTestId('summary-allergies')!;
    expect(summary.querySelector('h2')!.nextElementSibling).toBe(allergies);
    expect(allergies.getAttribute('role')).toBe('alert');
    expect(allergies.className).toContain('allergy-known');
    expect(screen.byTestId('summary-allergy-text')!.textContent).toBe('Pénicilline');
    expect(screen.byTestId('summary-pregnancy')!.textContent).toContain('25 weeks + 5 days');
    const problems = screen.allByTestId('summary-problem').map((item) => item.textContent);
    expect(problems[0]).toContain('J06.9 Acute upper respiratory infection');
    expect(problems[0]).toContain('seen 2×');
    expect(problems[1]).toContain('Chronic');
    const treatment = screen.byTestId('summary-treatment')!.textContent!;
    expect(treatment).toContain('paracetamol 500 mg');
    expect(screen.byTestId('summary-dosage')!.textContent).toBe('Morning 2 · Evening 1 tablets');
    expect(treatment).toContain('Pendant les repas');
    expect(treatment).not.toContain('paracetamol-500-tab');
    expect(screen.byTestId('summary-last-consultations')!.textContent).toContain('Medical');
  });

  it('tells "none known" from "not recorded" and says when nothing is running, in Arabic', async () => {
    applyLanguage('ar');
    fetchMock.mockResolvedValueOnce(jsonResponse(EMPTY));
    const screen = mount(<ClinicalSummary personId={PERSON} />, 'ar');
    await settle();

    expect(screen.byTestId('summary-allergies')!.dataset['status']).toBe('NOT_RECORDED');
    expect(screen.byTestId('summary-allergies')!.textContent).toContain('غير مسجَّلة');
    expect(screen.byTestId('summary-allergies')!.getAttribute('role')).toBeNull();
    expect(screen.byTestId('summary-problems-empty')!.textContent).toBe('لا يوجد تشخيص مُرمَّز.');
    expect(screen.byTestId('summary-treatments-empty')).not.toBeNull();
    expect(screen.byTestId('summary-pregnancy')).toBeNull();
    screen.unmount();

    fetchMock.mockResolvedValueOnce(
      jsonResponse({ ...EMPTY, allergies: { status: 'NONE_KNOWN', statedOn: '2026-12-01', notes: [] } }),
    );
    const again = mount(<ClinicalSummary personId={PERSON} />, 'fr');
    await settle();
    expect(again.byTestId('summary-allergies')!.textContent).toContain('Aucune allergie connue');
    expect(again.byTestId('summary-allergies')!.className).toContain('allergy-none-known');
  });

  it('lists the coded diagnoses of a form-based consultation in the history', () => {
    applyLanguage('fr');
    const screen = mount(
      <ConsultationHistory
        siteNames={new Map()}
        consultations={[
          {
            id: '0190f1c2-0000-7000-8000-000000000054',
            personId: PERSON,
            siteId: PERSON,
            discipline: 'MEDICAL',
            compartment: 'GENERAL',
            occurredOn: '2026-12-04',
            providerId: PERSON,
            providerName: 'Dr Amina',
            interpreter: false,
            createdAt: '2026-12-04T10:00:00Z',
            formCode: 'medical-consultation',
            status: 'SIGNED',
            revision: 1,
            diagnoses: [
              { code: 'B86', labels: { fr: 'Gale', en: 'Scabies', ar: 'الجرب' } },
              { code: 'Z59.0', labels: { fr: 'Sans abri', en: 'Homelessness', ar: 'التشرد' } },
            ],
          },
        ]}
      />,
      'fr',
    );
    expect(screen.byTestId('history-diagnoses')!.textContent).toBe('Diagnostic : B86 Gale · Z59.0 Sans abri');
  });
});
