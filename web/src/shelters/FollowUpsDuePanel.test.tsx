import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { jsonResponse, mount, settle } from '../test/render';
import { FollowUpsDuePanel } from './FollowUpsDuePanel';
import type { BedBoard } from './sheltersApi';

const SITE = '0190f1c2-0000-7000-8000-000000000301';
const STAY = '0190f1c2-0000-7000-8000-000000000302';
const PERSON = '0190f1c2-0000-7000-8000-000000000303';

const board = {
  siteId: SITE,
  night: '2026-12-07',
  emergencyOpen: false,
  capacity: 1,
  occupied: 1,
  present: 0,
  free: 0,
  freeByRule: {},
  releaseAt: '22:00:00',
  expected: [],
  rooms: [
    {
      id: '0190f1c2-0000-7000-8000-000000000304',
      name: 'Dortoir',
      rules: [],
      beds: [
        {
          id: '0190f1c2-0000-7000-8000-000000000305',
          label: '1',
          emergency: false,
          state: 'OCCUPIED',
          resident: {
            stayId: STAY,
            personId: PERSON,
            chosenName: 'Amina',
            sex: 'FEMALE',
            age: 24,
            mode: 'STAY',
            admittedOn: '2026-12-01',
            version: 1,
          },
        },
      ],
    },
  ],
} as unknown as BedBoard;

describe("the follow-ups due of tonight's residents on the bed board", () => {
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

  it('names the resident, the programme and how late the visit is', async () => {
    const followUp = {
      id: '0190f1c2-0000-7000-8000-000000000306',
      personId: PERSON,
      siteId: SITE,
      programme: 'PREGNANCY',
      riskFlags: [],
      standing: 'OVERDUE',
      startedOn: '2026-10-01',
      nextVisitOn: '2026-12-01',
      status: 'ACTIVE',
      version: 2,
    };
    fetchMock.mockResolvedValueOnce(jsonResponse([{ stayId: STAY, followUp }]));
    const screen = mount(<FollowUpsDuePanel board={board} />, 'en');
    await settle();

    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([`/api/shelters/sites/${SITE}/follow-ups-due`]);
    const shown = screen.byTestId('shelter-follow-up')?.textContent ?? '';
    expect(shown).toContain('Amina');
    expect(shown).toContain('Pregnancy follow-up');
    expect(shown).toContain('Overdue');
  });

  it('says when none is due', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<FollowUpsDuePanel board={board} />, 'en');
    await settle();
    expect(screen.byTestId('shelter-follow-ups')?.textContent).toContain("No follow-up due for tonight's residents.");
    expect(screen.byTestId('shelter-follow-up')).toBeNull();
  });
});
