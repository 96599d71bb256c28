import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { DueScreen } from '../screens/DueScreen';
import { choose, click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { FollowUpSection } from './FollowUpSection';

const PERSON = '0190f1c2-0000-7000-8000-000000000041';
const FOLLOW_UP = {
  id: '0190f1c2-0000-7000-8000-000000000042',
  personId: PERSON,
  siteId: SESSION.sites[0]!.id,
  programme: 'PREGNANCY',
  startedOn: '2026-10-01',
  nextVisitOn: '2026-11-20',
  riskFlags: ['adolescent'],
  status: 'ACTIVE',
  version: 0,
  standing: 'OVERDUE',
};

describe('follow-up programmes', () => {
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

  it('offers only the programmes the user’s compartments open, and enrols with the plans given', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(jsonResponse({ ...FOLLOW_UP, programme: 'CHRONIC', standing: 'PLANNED' }, 201))
      .mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<FollowUpSection personId={PERSON} />, 'en');
    await settle();

    click(screen.byTestId('follow-up-enrol'));
    const offered = [...(screen.byTestId('follow-up-programme') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).toEqual(['PREGNANCY', 'CHRONIC', 'SGBV']);
    choose(screen.byTestId('follow-up-programme'), 'CHRONIC');
    typeInto(screen.byTestId('follow-up-condition'), 'i10');
    click(screen.byTestId('follow-up-risk-uncontrolled'));
    click(screen.byTestId('follow-up-save'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/people/${PERSON}/follow-ups`);
    expect(JSON.parse(String(init?.body))).toMatchObject({
      programme: 'CHRONIC',
      conditionCode: 'I10',
      riskFlags: ['uncontrolled'],
    });
  });

  it('lists the site’s overdue visits with the person to contact', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse([
        {
          followUp: FOLLOW_UP,
          person: {
            id: PERSON,
            patientCode: 'ABCD1234',
            chosenName: 'Mariam Traoré',
            otherNames: [],
            sex: 'FEMALE',
            registeredSiteId: SESSION.sites[0]!.id,
            inScope: true,
          },
        },
      ]),
    );
    const screen = mount(<DueScreen />, 'en');
    await settle();

    const item = screen.byTestId('due-item')?.textContent ?? '';
    expect(item).toContain('Mariam Traoré');
    expect(item).toContain('ABCD-1234');
    expect(item).toContain('Pregnancy follow-up');
    expect(item).toContain('Overdue');
  });
});
