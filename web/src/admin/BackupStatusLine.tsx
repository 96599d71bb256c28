import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { formatDateTime } from '../format';
import type { BackupStatus } from '../types';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/**
 * One line on the dashboard saying whether the mission's data is backed up: when the last backup was
 * made, its size and whether it read back whole, or that the last one failed. Says nothing when the
 * status cannot be read (the administration screen has the details).
 */
export function BackupStatusLine() {
  const { t, language } = useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);

  useEffect(() => {
    api
      .backupStatus()
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);

  if (!status) return null;
  if (status.lastFailure) {
    return (
      <p class="form-error" role="alert" data-testid="backup-status">
        {t('backups.statusFailed', { time: formatDateTime(status.lastFailure.failedAt, language) })}
      </p>
    );
  }
  return (
    <p class={status.lastAt ? 'muted' : 'form-error'} data-testid="backup-status">
      {status.lastAt
        ? t('backups.statusLast', {
            time: formatDateTime(status.lastAt, language),
            size: t('backups.size', { megabytes: megabytes(status.sizeBytes) }),
            check: status.verified ? t('backups.verified') : t('backups.notVerified'),
          })
        : t('backups.statusNone')}
    </p>
  );
}
