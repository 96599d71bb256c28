import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle } from '../test/render';
import type { DuplicateQueue } from '../types';
import { DuplicatesScreen } from './DuplicatesScreen';

const FIRST = '0190f1c2-0000-7000-8000-000000000021';
const SECOND = '0190f1c2-0000-7000-8000-000000000022';
const PAIR = '0190f1c2-0000-7000-8000-000000000099';
const dataOfficer = { ...SESSION, user: { ...SESSION.user, roles: ['DATA_OFFICER' as const] } };

function person(id: string, code: string, name: string) {
  return {
    id,
    patientCode: code,
    chosenName: name,
    otherNames: [],
    sex: 'MALE' as const,
    birthDate: { precision: 'EXACT' as const, date: '1994-03-12' },
    age: 32,
    registeredSiteId: SESSION.sites[0]!.id,
    inScope: true,
  };
}

const QUEUE: DuplicateQueue = {
  candidates: [
    {
      id: PAIR,
      first: person(FIRST, 'ABCD1234', 'Youssef Haddad'),
      second: person(SECOND, 'EFGH5678', 'Yusuf Hadad'),
      probability: 0.97,
      reasons: [
        { field: 'names', level: 'all names similar', weight: 6.2 },
        { field: 'birth date', level: 'same date', weight: 7.5 },
        { field: 'sex', level: 'same', weight: 0.9 },
      ],
      foundAt: '2026-11-23T02:31:00Z',
    },
  ],
  pending: 1,
  lastScan: {
    id: 'scan',
    startedAt: '2026-11-23T02:30:00Z',
    finishedAt: '2026-11-23T02:31:00Z',
    status: 'DONE',
    model: 'REGISTRY',
    fallback: null,
    merges: 3,
    mergesNeeded: 50,
    persons: 12000,
    proposed: 1,
    loadMillis: 1000,
    trainMillis: 2000,
    compareMillis: 500,
    weights: [{ field: 'names', levels: [{ level: 'all names exact', m: 0.45, u: 0.0005, weight: 9.8 }] }],
  },
};

describe('the review queue of likely duplicates', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const groupsMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    // The groups of three records or more are asked for apart, so that the pairs' calls keep their order.
    groupsMock.mockImplementation(() => Promise.resolve(jsonResponse({ groups: [], total: 0 })));
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith('/api/duplicates/groups') ? groupsMock(input, init) : fetchMock(input, init),
    );
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    groupsMock.mockReset();
    document.body.innerHTML = '';
  });

  it('shows both records, how likely and why, and merges into the chosen one only once confirmed', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(QUEUE))
      .mockResolvedValueOnce(jsonResponse({ id: 'merge', keptId: SECOND, mergedId: FIRST }, 201))
      .mockResolvedValueOnce(jsonResponse({ ...QUEUE, candidates: [], pending: 0 }));
    const screen = mount(<DuplicatesScreen />, 'en', dataOfficer);
    await settle();

    expect(screen.byTestId('duplicates-last-scan')?.textContent).toContain('12,000 persons compared');
    expect(screen.byTestId('duplicates-last-scan')?.textContent).toContain('Weights estimated on this registry');
    expect(screen.byTestId('duplicate-why')?.textContent).toBe(
      '97% likely: names: all similar · birth date: the same · sex: the same',
    );
    const sides = screen.container.querySelectorAll('[data-testid="duplicate-side"]');
    expect(sides[0]?.textContent).toContain('Youssef Haddad');
    expect(sides[1]?.textContent).toContain('Yusuf Hadad');
    expect((screen.byTestId('duplicate-keep-second') as HTMLButtonElement).disabled).toBe(true);

    click(screen.byTestId('duplicate-checked'));
    click(screen.byTestId('duplicate-keep-second'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/duplicates/${PAIR}/merge`);
    expect(JSON.parse(String(init?.body))).toEqual({ keptId: SECOND });
    expect(screen.byTestId('duplicates-decided')?.textContent).toBe('Record ABCD-1234 merged into EFGH-5678.');
    expect(screen.byTestId('duplicates-empty')).not.toBeNull();
  });

  it('says why the scan did not use the weights estimated on the registry, and when it will learn from merges', async () => {
    const measured = { ...QUEUE.lastScan!, model: 'MEASURED' as const, fallback: 'IMPLAUSIBLE' as const, merges: 12 };
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...QUEUE, lastScan: measured }));
    const screen = mount(<DuplicatesScreen />, 'fr', dataOfficer);
    await settle();

    expect(screen.byTestId('duplicates-fallback')?.textContent).toContain(
      'l’estimation sur ce registre n’était pas plausible',
    );
    expect(screen.byTestId('duplicates-merges-to-learn')?.textContent).toContain(
      'dès que 50 paires ont été fusionnées ici (12 jusqu’ici)',
    );
  });

  it('says the weights were learnt from the merges once there were enough, in Arabic too', async () => {
    const labelled = { ...QUEUE.lastScan!, model: 'LABELLED' as const, fallback: 'NOT_CONVERGED' as const, merges: 64 };
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...QUEUE, lastScan: labelled }));
    const screen = mount(<DuplicatesScreen />, 'ar', dataOfficer);
    await settle();

    expect(screen.byTestId('duplicates-last-scan')?.textContent).toContain('عملية دمج قُرِّرت في هذه القائمة');
    expect(screen.byTestId('duplicates-fallback')?.textContent).toContain('لم يستقر التقدير');
    expect(screen.byTestId('duplicates-merges-to-learn')).toBeNull();
  });

  it('records that a pair are different people', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(QUEUE))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse({ ...QUEUE, candidates: [], pending: 0 }));
    const screen = mount(<DuplicatesScreen />, 'en', dataOfficer);
    await settle();

    click(screen.byTestId('duplicate-different'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe(`/api/duplicates/${PAIR}/rejection`);
    expect(screen.byTestId('duplicates-decided')?.textContent).toContain('different people');
  });

  it('says when a scan is already running, in the user’s language', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ candidates: [], pending: 0, lastScan: null }))
      .mockResolvedValueOnce(
        jsonResponse(
          {
            status: 409,
            code: 'duplicate-scan-running',
            title: 'Une recherche est en cours',
            detail: 'Une recherche de doublons est déjà en cours.',
          },
          409,
        ),
      );
    const screen = mount(<DuplicatesScreen />, 'fr', dataOfficer);
    await settle();
    expect(screen.byTestId('duplicates-last-scan')?.textContent).toContain('Aucune recherche');

    click(screen.byTestId('duplicates-scan'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe('/api/duplicates/scans');
    expect(screen.container.textContent).toContain('Une recherche de doublons est déjà en cours.');
  });

  it('decides a group of three at once: one kept, one merged, one another person', async () => {
    const THIRD = '0190f1c2-0000-7000-8000-000000000023';
    const group = {
      persons: [
        person(FIRST, 'ABCD1234', 'Youssef Haddad'),
        person(SECOND, 'EFGH5678', 'Yusuf Hadad'),
        person(THIRD, 'JKLM9012', 'Youssef Hadad'),
      ],
      pairs: QUEUE.candidates,
      probability: 0.97,
    };
    groupsMock
      .mockResolvedValueOnce(jsonResponse({ groups: [group], total: 1 }))
      .mockResolvedValueOnce(jsonResponse({ merges: [], pairsMerged: 1, pairsRejected: 2 }))
      .mockImplementation(() => Promise.resolve(jsonResponse({ groups: [], total: 0 })));
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(QUEUE)));
    const screen = mount(<DuplicatesScreen />, 'en', dataOfficer);
    await settle();
    expect(screen.byTestId('duplicate-groups')?.textContent).toContain('Groups of three records or more: 1');
    expect(screen.container.querySelectorAll('[data-testid="duplicate-group-member"]')).toHaveLength(3);
    const decide = screen.byTestId('duplicate-group-decide') as HTMLButtonElement;
    expect(decide.disabled).toBe(true);

    const same = screen.container.querySelectorAll<HTMLInputElement>('[data-testid="duplicate-group-same"]');
    expect(same).toHaveLength(2);
    click(same[1]!);
    click(screen.byTestId('duplicate-group-checked'));
    await settle();
    click(screen.byTestId('duplicate-group-decide'));
    await settle();

    const [path, init] = groupsMock.mock.calls[1]!;
    expect(path).toBe('/api/duplicates/groups/decision');
    expect(JSON.parse(String(init?.body))).toEqual({ keptId: FIRST, mergedIds: [SECOND], separateIds: [THIRD] });
    expect(screen.byTestId('duplicate-group-decided')?.textContent).toContain('EFGH');
  });
});
