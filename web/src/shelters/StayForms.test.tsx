import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { today } from '../format';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { AdmitForm } from './AdmitForm';
import { PriorityRuleEditor } from './PriorityRuleEditor';
import type { BedBoard, Resident } from './sheltersApi';
import { StayForms } from './StayForms';

const SITE = '0190f1c2-0000-7000-8000-000000000101';
const STAY = '0190f1c2-0000-7000-8000-000000000102';
const PERSON = '0190f1c2-0000-7000-8000-000000000103';
const FREE_BED = '0190f1c2-0000-7000-8000-000000000104';
const CAMP_BED = '0190f1c2-0000-7000-8000-000000000105';
const REQUEST = '0190f1c2-0000-7000-8000-000000000106';

const RESIDENT: Resident = {
  stayId: STAY,
  personId: PERSON,
  chosenName: 'Amina',
  sex: 'FEMALE',
  age: 30,
  mode: 'NIGHTLY',
  admittedOn: '2026-12-01',
  tonight: undefined,
  version: 4,
};

const BOARD: BedBoard = {
  siteId: SITE,
  night: '2026-12-07',
  emergencyOpen: true,
  capacity: 3,
  occupied: 1,
  present: 0,
  free: 2,
  freeByRule: {},
  releaseAt: '22:00:00',
  expected: [],
  rooms: [
    {
      id: '0190f1c2-0000-7000-8000-000000000107',
      name: 'Hall',
      rules: [],
      beds: [
        { id: '0190f1c2-0000-7000-8000-000000000108', label: 'A1', emergency: false, state: 'OCCUPIED', resident: RESIDENT },
        { id: FREE_BED, label: 'A2', emergency: false, state: 'FREE' },
        { id: CAMP_BED, label: 'C1', emergency: true, state: 'FREE' },
      ],
    },
  ],
};

describe('the bed board forms', () => {
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

  const body = (call: number) => JSON.parse(String(fetchMock.mock.calls[call]![1]?.body));

  it('discharges a resident to their destination at the version read', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: STAY }));
    const onDone = vi.fn();
    const screen = mount(<StayForms board={BOARD} resident={RESIDENT} onDone={onDone} />, 'en');

    click(screen.byTestId('stay-discharge'));
    choose(screen.byTestId('discharge-destination'), 'HOSPITAL');
    click(screen.byTestId('stay-save'));
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/shelters/stays/${STAY}/discharge`);
    expect(body(0)).toEqual({ destination: 'HOSPITAL', dischargedOn: today(), version: 4 });
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('shows why a transfer was refused, in the language asked, and stays open', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 409, code: 'shelter-bed-taken', title: 'Bed taken', detail: 'السرير مشغول في تلك الليلة.' }, 409),
    );
    const onDone = vi.fn();
    const screen = mount(<StayForms board={BOARD} resident={RESIDENT} onDone={onDone} />, 'ar');

    choose(screen.byTestId('transfer-bed'), FREE_BED);
    click(screen.byTestId('stay-save'));
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/shelters/stays/${STAY}/transfer`);
    expect(body(0)).toEqual({ bedId: FREE_BED, from: '2026-12-07', version: 4 });
    expect(screen.byTestId('form-error')?.textContent).toContain('السرير مشغول في تلك الليلة.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('offers only free beds to move to', () => {
    const screen = mount(<StayForms board={BOARD} resident={RESIDENT} onDone={() => {}} />, 'en');
    const offered = [...(screen.byTestId('transfer-bed') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).toEqual(['', FREE_BED, CAMP_BED]);
  });

  it('records an absence with the bed kept', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: STAY }));
    const screen = mount(<StayForms board={BOARD} resident={RESIDENT} onDone={() => {}} />, 'en');

    click(screen.byTestId('stay-absence'));
    typeInto(screen.byTestId('absence-until'), '2026-12-10');
    click(screen.byTestId('stay-save'));
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/shelters/stays/${STAY}/absence`);
    expect(body(0)).toEqual({ from: '2026-12-07', until: '2026-12-10', version: 4 });
  });

  it("releases an unclaimed nightly bed from tonight, and only a nightly guest's not yet marked", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: STAY }));
    const screen = mount(<StayForms board={BOARD} resident={RESIDENT} onDone={() => {}} />, 'en');
    click(screen.byTestId('release-no-show'));
    await settle();
    expect(body(0)).toEqual({ destination: 'NO_SHOW', dischargedOn: '2026-12-07', version: 4 });
    screen.unmount();

    const present = mount(<StayForms board={BOARD} resident={{ ...RESIDENT, tonight: 'PRESENT' }} onDone={() => {}} />, 'en');
    expect(present.byTestId('release-no-show')).toBeNull();
  });

  it('admits a person waiting on the list to an emergency bed, night by night, closing their request', async () => {
    const ranked = {
      rank: 1,
      request: { id: REQUEST, siteId: SITE, personId: PERSON, source: 'STREET_TEAM', sex: 'FEMALE', ageGroup: '18+', householdSize: 1, criteria: [], requestedAt: '2026-12-05T20:00:00Z', requestedOn: '2026-12-05', status: 'WAITING', version: 1 },
      chosenName: 'Amina',
      daysWaited: 2,
      score: 2,
      reasons: [],
    };
    fetchMock.mockResolvedValueOnce(jsonResponse([ranked])).mockResolvedValueOnce(jsonResponse({ id: STAY }, 201));
    const onDone = vi.fn();
    const camp = BOARD.rooms[0]!.beds[2]!;
    const screen = mount(<AdmitForm board={BOARD} bed={camp} onDone={onDone} />, 'en');
    await settle();

    expect((screen.byTestId('admit-save') as HTMLButtonElement).disabled).toBe(true);
    click(screen.byTestId('admit-waiting'));
    choose(screen.byTestId('admit-reason'), 'WEATHER');
    click(screen.byTestId('admit-save'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe('/api/shelters/admissions');
    expect(body(1)).toMatchObject({
      personId: PERSON,
      bedId: CAMP_BED,
      mode: 'NIGHTLY',
      reason: 'WEATHER',
      admittedOn: '2026-12-07',
      requestId: REQUEST,
    });
    expect(body(1).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it("saves the coordinator's rule with every criterion's points and the version read", async () => {
    const rule = { siteId: SITE, weights: { MINOR: 10, PREGNANCY: 10 }, pointsPerDay: 1, version: 3 };
    fetchMock.mockResolvedValueOnce(jsonResponse(rule)).mockResolvedValueOnce(jsonResponse({ ...rule, version: 4 }));
    const onSaved = vi.fn();
    const screen = mount(<PriorityRuleEditor siteId={SITE} onSaved={onSaved} />, 'en');
    await settle();

    typeInto(screen.byTestId('rule-MINOR'), '40');
    typeInto(screen.byTestId('rule-per-day'), '2');
    click(screen.byTestId('rule-save'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe(`/api/shelters/sites/${SITE}/priority-rule`);
    expect(fetchMock.mock.calls[1]![1]?.method).toBe('PUT');
    expect(body(1)).toEqual({
      weights: {
        MINOR: 40,
        PREGNANCY: 10,
        MEDICAL_VULNERABILITY: 0,
        VIOLENCE_EXPOSURE: 0,
        SLEEPING_OUTSIDE: 0,
        WEATHER_ALERT: 0,
        YOUNG_CHILDREN: 0,
        DISABILITY: 0,
      },
      pointsPerDay: 2,
      version: 3,
    });
    expect(onSaved).toHaveBeenCalledOnce();
  });
});
