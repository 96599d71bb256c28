import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle } from '../test/render';
import type { SyncConflict } from '../types';
import { ConflictsScreen } from './ConflictsScreen';

const CONFLICT_ID = '0190f1c2-0000-7000-8000-000000000031';
const DEVICE = '0190f1c2-0000-7000-8000-0000000000dd';
const dataOfficer = { ...SESSION, user: { ...SESSION.user, roles: ['DATA_OFFICER' as const] } };

const CONFLICT: SyncConflict = {
  id: CONFLICT_ID,
  recordType: 'person',
  recordId: '0190f1c2-0000-7000-8000-000000000041',
  field: 'phone',
  base: null,
  server: '+33 6 00 00 00 01',
  device: '+33 6 00 00 00 02',
  deviceId: DEVICE,
  userName: 'Nurse Awa',
  siteId: SESSION.sites[0]!.id,
  deviceTime: '2026-12-07T09:41:00Z',
  receivedAt: '2026-12-07T12:02:00Z',
  status: 'OPEN',
};

describe('the conflicts of offline synchronisation', () => {
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

  it('shows both values with who changed the record on which device, and keeps the one chosen', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([CONFLICT]))
      .mockResolvedValueOnce(jsonResponse({ ...CONFLICT, status: 'RESOLVED', kept: 'DEVICE' }))
      .mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<ConflictsScreen />, 'en', dataOfficer);
    await settle();

    expect(screen.byTestId('conflict-base')?.textContent).toBe('—');
    expect(screen.byTestId('conflict-server')?.textContent).toBe('+33 6 00 00 00 01');
    expect(screen.byTestId('conflict-device')?.textContent).toBe('+33 6 00 00 00 02');
    expect(screen.byTestId('conflict')?.textContent).toContain('Nurse Awa');
    expect(screen.byTestId('conflict')?.textContent).toContain(DEVICE);

    click(screen.byTestId('conflict-keep-device'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/sync/conflicts/${CONFLICT_ID}/resolution`);
    expect(JSON.parse(String(init?.body))).toEqual({ keep: 'DEVICE' });
    expect(screen.byTestId('conflicts-resolved')?.textContent).toBe('Conflict resolved.');
    expect(screen.byTestId('conflicts-empty')).not.toBeNull();
  });

  it('speaks French and shows lists of values as they were sent', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse([{ ...CONFLICT, field: 'languages', base: ['ar'], server: ['ar', 'fr'], device: ['ar', 'ti'] }]),
    );
    const screen = mount(<ConflictsScreen />, 'fr', dataOfficer);
    await settle();

    expect(screen.container.textContent).toContain('Conflits de synchronisation');
    expect(screen.byTestId('conflict-device')?.textContent).toBe('["ar","ti"]');
    expect(screen.byTestId('conflict-keep-server')?.textContent).toBe('Garder la valeur du serveur');
  });
});
