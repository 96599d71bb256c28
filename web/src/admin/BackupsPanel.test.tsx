import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { BackupsOverview, BackupView, Session } from '../types';
import { BACKUP_POLL_MILLIS, BackupsPanel } from './BackupsPanel';

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
  running: null,
  lastFailure: null,
};
const RUNNING: BackupsOverview = {
  ...OVERVIEW,
  running: { since: '2026-12-07T09:00:00Z', madeBy: 'ADMINISTRATOR' },
};

/** Moves the fake clock to the panel's next poll and lets the answer render. */
async function waitPoll() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(BACKUP_POLL_MILLIS);
  });
  await settle();
}

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
    fetchMock.mockResolvedValueOnce(jsonResponse(RUNNING, 202));
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
    ]);
    expect(screen.byTestId('backups-running')?.textContent).toContain('A backup is being made');
    expect((screen.byTestId('backups-now') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks again while a backup runs, and shows it when it is done', async () => {
    vi.useFakeTimers();
    try {
      fetchMock.mockResolvedValueOnce(jsonResponse(RUNNING));
      fetchMock.mockResolvedValueOnce(jsonResponse(RUNNING));
      fetchMock.mockResolvedValueOnce(jsonResponse(OVERVIEW));
      const screen = mount(<BackupsPanel />, 'en', ADMIN);
      await settle();
      expect(screen.byTestId('backups-running')).not.toBeNull();

      await waitPoll();
      expect(screen.byTestId('backups-running')).not.toBeNull();
      await waitPoll();

      expect(screen.byTestId('backups-running')).toBeNull();
      expect(fetchMock).toHaveBeenCalledTimes(3);
      await waitPoll();
      await waitPoll();
      expect(fetchMock).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why the last backup failed when none was made since, in the reader\'s language', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        ...OVERVIEW,
        lastFailure: { failedAt: '2026-12-07T01:30:00Z', madeBy: 'SCHEDULE', code: 'backup-write-failed' },
      }),
    );
    const screen = mount(<BackupsPanel />, 'fr', ADMIN);
    await settle();

    expect(screen.byTestId('backups-failure')?.textContent).toContain('La dernière sauvegarde a échoué');
    expect(screen.byTestId('backups-failure')?.textContent).toContain('le disque a de la place');
  });
});
