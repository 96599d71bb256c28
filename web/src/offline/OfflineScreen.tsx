import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { OfflineDistribution } from '../stock/OfflineDistribution';
import { OfflinePublicHealth } from '../outbreaks/OfflinePublicHealth';
import { OfflineBedBoard } from '../shelters/OfflineBedBoard';
import type { UnlockedDevice } from './device';
import { takeHandedQuery, useDevice } from './deviceSession';
import { LocalSearch } from './LocalSearch';
import { OfflineConsultation } from './OfflineConsultation';
import { OfflinePerson } from './OfflinePerson';
import { OfflineRegistration } from './OfflineRegistration';
import type { LocalDraft, LocalPerson } from './store';
import { useSyncState } from './SyncStatus';

export { OutboxIndicator } from './OutboxIndicator';

/** A user signed in on the device without the server: their keys, in memory only. */
export type OfflineSession = UnlockedDevice;

type View = { view: 'home' } | { view: 'person'; personId: string } | { view: 'consult'; person: LocalPerson; draft?: LocalDraft };

interface Props {
  /** Signed in on the device alone (no session on the server known). */
  signedInOffline: boolean;
  onSignOut: () => void;
  /** Back to the online screens, offered once the server answers again. */
  onBackOnline?: () => void;
}

/**
 * Work without network on the unlocked device: a search of the persons kept here, a registration
 * checked against them, a person's page and their consultations, all queued in the outbox.
 */
export function OfflineScreen({ signedInOffline, onSignOut, onBackOnline }: Props) {
  const { t } = useApp();
  const device = useDevice();
  const state = useSyncState(device?.engine);
  const [view, setView] = useState<View>({ view: 'home' });
  const [initialQuery] = useState(takeHandedQuery);
  if (!device) return null;
  const open = (person: LocalPerson) => setView({ view: 'person', personId: person.id });

  if (view.view === 'person') {
    return <OfflinePerson key={view.personId} personId={view.personId} onBack={() => setView({ view: 'home' })}
      onConsult={(person, draft) => setView({ view: 'consult', person, draft })} />;
  }
  if (view.view === 'consult') {
    return <OfflineConsultation person={view.person} draft={view.draft}
      onDone={() => setView({ view: 'person', personId: view.person.id })} />;
  }
  return (
    <>
      <section class="card" aria-labelledby="offline-title" data-testid="offline-screen">
        <h1 id="offline-title">{t('offline.title')}</h1>
        {signedInOffline && <p data-testid="offline-user">{t('offline.signedIn', { name: device.profile.displayName })}</p>}
        <p class="muted">{t('offline.explanation')}</p>
        <div class="actions">
          {onBackOnline && state?.reachable && state.phase !== 'sign-in-needed' && (
            <button type="button" class="button primary" onClick={onBackOnline} data-testid="offline-back-online">
              {t('offline.backOnline')}
            </button>
          )}
          <button type="button" class="button" onClick={onSignOut} data-testid="offline-sign-out">
            {t('offline.signOut')}
          </button>
        </div>
      </section>
      <LocalSearch initialQuery={initialQuery} onOpen={open} />
      <OfflineRegistration device={device} onOpen={open} onRegistered={open} />
      <OfflineDistribution device={device} />
      <OfflinePublicHealth device={device} />
      <OfflineBedBoard device={device} />
    </>
  );
}
