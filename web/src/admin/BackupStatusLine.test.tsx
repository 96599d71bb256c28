import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { mount, settle } from '../test/render';
import { BackupStatusLine } from './BackupStatusLine';

afterEach(() => vi.restoreAllMocks());

describe('BackupStatusLine', () => {
  it('says when the data was last backed up, its size and that it read back whole', async () => {
    vi.spyOn(api, 'backupStatus').mockResolvedValue({
      lastAt: '2026-12-07T01:30:00Z',
      sizeBytes: 899_300_000,
      verified: true,
    });
    const screen = mount(<BackupStatusLine />, 'en');
    await settle();
    const line = screen.byTestId('backup-status');
    expect(line?.textContent).toContain('899.3 MB');
    expect(line?.textContent).toContain('read back whole');
  });

  it('warns when the last backup failed, in Arabic too', async () => {
    vi.spyOn(api, 'backupStatus').mockResolvedValue({
      lastAt: '2026-12-06T01:30:00Z',
      sizeBytes: 1,
      verified: true,
      lastFailure: { failedAt: '2026-12-07T01:30:00Z', madeBy: 'SCHEDULE', code: 'backup-write-failed' },
    });
    const screen = mount(<BackupStatusLine />, 'ar');
    await settle();
    const line = screen.byTestId('backup-status');
    expect(line?.getAttribute('role')).toBe('alert');
    expect(line?.textContent).toContain('فشل آخر نسخ احتياطي');
  });

  it('says nothing when the status cannot be read', async () => {
    vi.spyOn(api, 'backupStatus').mockRejectedValue(new Error('forbidden'));
    const screen = mount(<BackupStatusLine />, 'en');
    await settle();
    expect(screen.byTestId('backup-status')).toBeNull();
  });
});
