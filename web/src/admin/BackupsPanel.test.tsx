import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { BackupsOverview, BackupView, Session } from '../types';
import { BackupsPanel } from './BackupsPanel';

const ADMIN: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['ADMINISTRATOR'] },
  secondFactor: { required: true, enrolled: true },
} as Session;

const backup = (overrides: Partial<BackupView>): BackupView => ({
  id: '01930000-0000-7000-8000-000000000001',
  fileName: 'passerelle-20261207-013000-000.pbak',
  createdAt: '2026-12-07T01:30:00Z',
  sizeBytes: 76_600_000,
  epoch: 2,
  millis: 125_000,
  verified: true,
  madeBy: 'SCHEDULE',
  present: true,
  restorable: true,
  ...overrides,
});

const OVERVIEW: BackupsOverview = {
  directory: '/mnt/usb/backups',
  schedule: '0 30 1 * * *',
  keep: 14,
  last: backup({}),
  backups: [
    backup({}),
    backup({ id: '01930000-0000-7000-8000-000000000002', epoch: 1, restorable: false }),
    backup({ id: '01930000-0000-7000-8000-000000000003', epoch: 1, present: false, restorable: false }),
  ],
};

describe('the backups panel', () => {
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

  it('shows the last backup and which are still restorable, and backs up after a confirmation of identity', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(OVERVIEW));
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 403, code: 'reauthentication-required' }, 403));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(jsonResponse(backup({ id: '01930000-0000-7000-8000-000000000004' }), 201));
    fetchMock.mockResolvedValueOnce(jsonResponse(OVERVIEW));
    const screen = mount(<BackupsPanel />, 'en', ADMIN);
    await settle();

    expect(screen.byTestId('backups-last')?.textContent).toContain('76.6 MB');
    expect(screen.byTestId('backups-last')?.textContent).toContain('read back whole');
    const rows = screen.byTestId('backups-list')?.textContent ?? '';
    expect(rows).toContain('yes');
    expect(rows).toContain('no: its key epoch was destroyed');
    expect(rows).toContain('no: file deleted');
    click(screen.byTestId('backups-now'));
    await settle();
    typeInto(screen.byTestId('confirm-password'), 'quiet river under stone');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/backups',
      'POST /api/backups',
      'POST /api/session/reauthentication',
      'POST /api/backups',
      'GET /api/backups',
    ]);
  });
});
