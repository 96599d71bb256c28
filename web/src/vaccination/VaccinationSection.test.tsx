import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle } from '../test/render';
import { VaccinationSection } from './VaccinationSection';

const PERSON = '0190f1c2-0000-7000-8000-000000000071';
const OCV = { code: 'cholera-ocv', names: { fr: 'Choléra oral (VCO)', en: 'Oral cholera (OCV)', ar: 'الكوليرا الفموي' }, doses: 2, minimumIntervalDays: [14] };
const DOSE = {
  id: '0190f1c2-0000-7000-8000-000000000072',
  personId: PERSON,
  vaccineCode: 'cholera-ocv',
  doseNumber: 1,
  lot: 'OCV-7',
  givenOn: '2026-11-20',
  siteId: '0190f1c2-0000-7000-8000-000000000073',
  givenBy: 'Nour',
  version: 1,
};

describe('vaccinations on the person page', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('lists the doses and proposes the next dose of the vaccine chosen', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([DOSE])).mockResolvedValueOnce(jsonResponse([OCV]));
    const screen = mount(<VaccinationSection personId={PERSON} />, 'en');
    await settle();

    expect(screen.byTestId('doses')?.textContent).toContain('Oral cholera (OCV)');
    expect(screen.byTestId('doses')?.textContent).toContain('OCV-7');
    choose(screen.byTestId('dose-vaccine'), 'cholera-ocv');
    await settle();
    expect((screen.container.querySelector('#dose-number') as HTMLInputElement).value).toBe('2');

    fetchMock
      .mockResolvedValueOnce(jsonResponse({ ...DOSE, id: 'x', doseNumber: 2 }, 201))
      .mockResolvedValueOnce(jsonResponse([DOSE]))
      .mockResolvedValueOnce(jsonResponse([OCV]));
    click(screen.byTestId('record-dose'));
    await settle();

    const [url, init] = fetchMock.mock.calls[2]!;
    expect(url).toBe('/api/vaccination/doses');
    expect(JSON.parse(String(init?.body))).toMatchObject({ personId: PERSON, vaccineCode: 'cholera-ocv', doseNumber: 2 });
  });
});
