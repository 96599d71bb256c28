import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { jsonResponse, mount, settle } from '../test/render';
import { StaysSection } from './StaysSection';

const PERSON = '0190f1c2-0000-7000-8000-000000000201';
const SITE = '0190f1c2-0000-7000-8000-000000000202';

describe("a person's stays on their page", () => {
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

  it('lists the stays with their destination and the requests with their status', async () => {
    const stay = {
      id: '0190f1c2-0000-7000-8000-000000000203',
      siteId: SITE,
      personId: PERSON,
      mode: 'STAY',
      reason: 'MEDICAL',
      plannedNights: 14,
      admittedOn: '2026-11-02',
      dischargedOn: '2026-11-16',
      destination: 'HOSPITAL',
      version: 3,
    };
    const request = {
      id: '0190f1c2-0000-7000-8000-000000000204',
      siteId: SITE,
      personId: PERSON,
      source: 'STREET_TEAM',
      sex: 'FEMALE',
      ageGroup: '18+',
      householdSize: 1,
      criteria: ['PREGNANCY'],
      requestedAt: '2026-12-01T20:00:00Z',
      requestedOn: '2026-12-01',
      status: 'WAITING',
      version: 1,
    };
    fetchMock.mockResolvedValueOnce(jsonResponse([stay])).mockResolvedValueOnce(jsonResponse([request]));
    const screen = mount(<StaysSection personId={PERSON} siteNames={new Map([[SITE, 'Abri Pantin']])} />, 'en');
    await settle();

    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([
      `/api/shelters/people/${PERSON}/stays`,
      `/api/shelters/people/${PERSON}/requests`,
    ]);
    const shown = screen.byTestId('person-stay')?.textContent ?? '';
    expect(shown).toContain('Abri Pantin');
    expect(shown).toContain('Hospital');
    expect(shown).toContain('14 nights planned');
    expect(screen.byTestId('person-request')?.textContent).toContain('waiting');
    expect(screen.byTestId('person-request')?.textContent).toContain('Pregnancy');
  });

  it('shows nothing for a person who never asked for a place', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([])).mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<StaysSection personId={PERSON} siteNames={new Map()} />, 'en');
    await settle();
    expect(screen.byTestId('person-stays')).toBeNull();
  });
});
