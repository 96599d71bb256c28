import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { jsonResponse, mount, SESSION, settle } from '../test/render';
import type { DuplicateQueue } from '../types';
import { DuplicatesScreen } from './DuplicatesScreen';

const DEVICE = '0190f1c2-0000-7000-8000-0000000000dd';
const dataOfficer = { ...SESSION, user: { ...SESSION.user, roles: ['DATA_OFFICER' as const] } };

function person(id: string, code: string, name: string) {
  return {
    id,
    patientCode: code,
    chosenName: name,
    otherNames: [],
    sex: 'FEMALE' as const,
    registeredSiteId: SESSION.sites[0]!.id,
    inScope: true,
  };
}

const QUEUE: DuplicateQueue = {
  candidates: [
    {
      id: '0190f1c2-0000-7000-8000-000000000099',
      first: person('0190f1c2-0000-7000-8000-000000000021', 'ABCD1234', 'Selam Tesfay'),
      second: person('0190f1c2-0000-7000-8000-000000000022', 'EFGH5678', 'Selam Tesfaye'),
      probability: 0.91,
      reasons: [{ field: 'names', level: 'all names similar', weight: 6.2 }],
      foundAt: '2026-12-07T12:02:00Z',
      registeredOffline: { deviceId: DEVICE },
    },
  ],
  pending: 1,
  lastScan: null,
};

describe('a likely duplicate found when a registration made offline reached the server', () => {
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

  it('says it was registered offline and on which device', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(QUEUE));
    const screen = mount(<DuplicatesScreen />, 'ar', dataOfficer);
    await settle();

    expect(screen.byTestId('duplicate-registered-offline')?.textContent).toBe(
      `سُجّل دون اتصال على الجهاز ${DEVICE}`,
    );
  });
});
