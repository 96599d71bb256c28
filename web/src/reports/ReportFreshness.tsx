import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { formatDateTime } from '../format';
import type { RefreshStatus, Report } from '../types';

/**
 * How fresh a report's figures are ("figures up to 14:32, 120 changes being counted"), with a button
 * that waits for the latest changes to be counted (before an export, say).
 */
export function ReportFreshness({ report, counting, onLatest }: { report: Report; counting: boolean; onLatest: () => void }) {
  const { t, language } = useApp();
  const { upTo, pending, more } = report.freshness;
  const time = upTo ? formatDateTime(upTo, language) : null;
  return (
    <p class="hint report-freshness" data-testid="report-freshness" data-pending={pending}>
      {pending === 0 && time && t('reports.freshUpTo', { time })}
      {pending > 0 && (time ? t('reports.freshUpTo', { time }) + ' · ' : '')}
      {pending > 0 && (more ? t('reports.pendingMore', { count: pending }) : t.plural('reports.pending', pending))}
      {pending > 0 && (
        <>
          {' '}
          <button type="button" class="button secondary" data-testid="report-latest" disabled={counting} onClick={onLatest}>
            {counting ? t('reports.counting') : t('reports.countLatest')}
          </button>
        </>
      )}
    </p>
  );
}

/** For administrators: where the background counting of the figures stands, followed while it works. */
export function RefreshProgressPanel() {
  const { t, language } = useApp();
  const [status, setStatus] = useState<RefreshStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      try {
        const next = await api.reportRefresh();
        if (stopped) return;
        setStatus(next);
        if (next.phase !== 'IDLE' || next.pending > 0) timer = setTimeout(follow, 5000);
      } catch {
        // the panel is a help, not the report: it stays as it was
      }
    };
    follow();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);
  if (!status || (status.phase === 'IDLE' && status.pending === 0)) return null;
  const started = status.startedAt ? formatDateTime(status.startedAt, language) : '';
  return (
    <p class="hint report-refresh" data-testid="report-refresh" data-phase={status.phase}>
      {status.phase === 'REBUILDING'
        ? t('reports.refresh.rebuilding', { step: t(`reports.refresh.step.${status.step ?? 'FACTS'}` as 'reports.refresh.step.FACTS'), started })
        : status.phase === 'CATCHING_UP'
          ? t('reports.refresh.catchingUp', { done: status.done, total: status.total, started })
          : t('reports.refresh.waiting', { count: status.pending })}
    </p>
  );
}
