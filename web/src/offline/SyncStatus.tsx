import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { Link } from '../components/Link';
import { formatDateTime } from '../format';
import type { Language, Translate } from '../i18n';
import { DeviceUnlock } from './DeviceUnlock';
import { useDevice } from './deviceSession';
import { OutboxIndicator } from './OutboxIndicator';
import type { SyncEngine, SyncState } from './syncEngine';

/** The engine's state, followed as it changes. */
export function useSyncState(engine: SyncEngine | undefined): SyncState | null {
  const [state, setState] = useState<SyncState | null>(engine?.current ?? null);
  useEffect(() => {
    if (!engine) return undefined;
    const unsubscribe = engine.subscribe(setState);
    return () => {
      unsubscribe();
    };
  }, [engine]);
  return state;
}

/** When the device last synced, as the results from its store say it. */
export function lastSyncedText(state: SyncState | null, t: Translate, language: Language): string {
  return state?.lastSyncedAt
    ? t('sync.lastSynced', { time: formatDateTime(new Date(state.lastSyncedAt).toISOString(), language) })
    : t('sync.never');
}

function phaseText(state: SyncState, t: Translate, language: Language): string {
  const retry = state.retryAt ? formatDateTime(new Date(state.retryAt).toISOString(), language) : '';
  switch (state.phase) {
    case 'syncing':
      return state.lastSyncedAt ? t.plural('sync.syncing', state.pulled) : t.plural('sync.downloading', state.pulled);
    case 'waiting':
      return `${t(state.reachable ? 'sync.failed' : 'sync.unreachable', { time: retry })} ${lastSyncedText(state, t, language)}`;
    case 'busy':
      return `${t('sync.busy', { time: retry })} ${lastSyncedText(state, t, language)}`;
    case 'sign-in-needed':
      return t('sync.signInNeeded');
    case 'revoked':
      return t('sync.revoked');
    case 'idle':
      return lastSyncedText(state, t, language);
  }
}

/**
 * What the device holds and what waits to sync, on every screen once the device is unlocked: the
 * download under way, the last sync, the outbox, the changes refused and those in conflict. While an
 * enrolled device is locked (after a reload), the form that unlocks it.
 */
export function SyncStatus() {
  const device = useDevice();
  const { t, language, session } = useApp();
  const state = useSyncState(device?.engine);
  // a reload forgot the keys: the device's copy stays locked until the password is given again
  if (!device) return session ? <DeviceUnlock key={session.user.username} username={session.user.username} /> : null;
  if (!state) return null;
  const conflicts = state.conflicts.length;
  return (
    <section class="sync-status" aria-label={t('sync.title')} data-testid="sync-status" data-phase={state.phase}
      data-reachable={String(state.reachable)}>
      <p data-testid="sync-state" role="status">{phaseText(state, t, language)}</p>
      <OutboxIndicator count={state.pending} />
      {state.rejected > 0 && <p class="sync-problem" data-testid="sync-rejected">{t.plural('sync.rejected', state.rejected)}</p>}
      {conflicts > 0 && (
        <p class="sync-problem" data-testid="sync-conflicts">
          {t.plural('sync.conflicts', conflicts)}{' '}
          {hasRole(session, 'DATA_OFFICER') && <Link href="/conflicts" testId="sync-conflicts-link">{t('sync.conflictsLink')}</Link>}
        </p>
      )}
      <button type="button" class="button link" disabled={state.phase === 'syncing'} data-testid="sync-now"
        onClick={() => void device.engine.syncNow()}>
        {t('sync.now')}
      </button>
    </section>
  );
}
