import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import type { DeviceKeys } from './crypto';
import type { OfflineProfile } from './device';
import { LocalStore, type LocalPerson } from './store';

/** A user signed in on the device without the server: their keys, in memory only. */
export interface OfflineSession {
  enrolmentId: string;
  keys: DeviceKeys;
  profile: OfflineProfile;
}

/** How many changes wait in the outbox; shown while offline, so nobody thinks they were sent. */
export function OutboxIndicator({ count }: { count: number }) {
  const { t } = useApp();
  return (
    <p class="outbox-indicator" role="status" data-testid="outbox-indicator" data-count={count}>
      {count === 0 ? t('offline.outboxEmpty') : t.plural('offline.outbox', count)}
    </p>
  );
}

/**
 * Work without network: who is signed in, what waits to sync, a search of the persons kept on the
 * device and a quick registration into the outbox.
 */
export function OfflineScreen({ session, onSignOut }: { session: OfflineSession; onSignOut: () => void }) {
  const { t } = useApp();
  const store = useMemo(() => new LocalStore(session.enrolmentId, session.keys), [session]);
  const [pending, setPending] = useState(0);

  const refresh = async () => setPending(await store.pendingCount());
  useEffect(() => {
    refresh();
    return () => store.close();
  }, [store]);

  return (
    <>
      <section class="card" aria-labelledby="offline-title" data-testid="offline-screen">
        <h1 id="offline-title">{t('offline.title')}</h1>
        <p data-testid="offline-user">{t('offline.signedIn', { name: session.profile.displayName })}</p>
        <p class="muted">{t('offline.explanation')}</p>
        <OutboxIndicator count={pending} />
        <button type="button" class="button" onClick={onSignOut} data-testid="offline-sign-out">
          {t('offline.signOut')}
        </button>
      </section>
      <OfflineRegistration store={store} siteId={session.profile.sites[0]?.id ?? null} onSaved={refresh} />
      <OfflineSearch store={store} />
    </>
  );
}

const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;

interface RegistrationProps {
  store: LocalStore;
  /** The site the work is done at, as the push says it. */
  siteId: string | null;
  onSaved: () => void;
}

/** A registration kept on the device and queued as a CREATE mutation of the sync protocol. */
function OfflineRegistration({ store, siteId, onSaved }: RegistrationProps) {
  const { t } = useApp();
  const [name, setName] = useState('');
  const [sex, setSex] = useState<(typeof SEXES)[number]>('UNKNOWN');

  const submit = async (event: Event) => {
    event.preventDefault();
    const now = Date.now();
    const person: LocalPerson = { id: crypto.randomUUID(), version: 0, chosenName: name.trim(), otherNames: [], sex };
    await store.savePerson(person, now);
    await store.enqueue({
      mutationId: crypto.randomUUID(),
      recordType: 'person',
      recordId: person.id,
      createdAt: now,
      body: {
        operation: 'CREATE',
        baseVersion: null,
        siteId,
        deviceTime: new Date(now).toISOString(),
        changes: { chosenName: { value: person.chosenName }, sex: { value: sex } },
      },
    });
    setName('');
    onSaved();
  };

  return (
    <section class="card" aria-labelledby="offline-register">
      <h2 id="offline-register">{t('offline.register')}</h2>
      <form class="form" onSubmit={submit} data-testid="offline-register">
        <label for="offline-chosen-name">{t('offline.chosenName')}</label>
        <input id="offline-chosen-name" required value={name} data-testid="offline-chosen-name"
          onInput={(event) => setName(event.currentTarget.value)} />
        <label for="offline-sex">{t('person.sex')}</label>
        <select id="offline-sex" value={sex} data-testid="offline-sex"
          onChange={(event) => setSex(event.currentTarget.value as (typeof SEXES)[number])}>
          {SEXES.map((each) => <option key={each} value={each}>{t(`sex.${each}`)}</option>)}
        </select>
        <div class="actions">
          <button type="submit" class="button primary" disabled={!name.trim()} data-testid="offline-save">
            {t('offline.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OfflineSearch({ store }: { store: LocalStore }) {
  const { t } = useApp();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LocalPerson[] | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFound(await store.search(query));
  };

  return (
    <section class="card" aria-labelledby="offline-search">
      <h2 id="offline-search">{t('offline.search')}</h2>
      <form class="form" onSubmit={submit} role="search">
        <label for="offline-query">{t('offline.searchLabel')}</label>
        <input id="offline-query" value={query} data-testid="offline-query" onInput={(event) => setQuery(event.currentTarget.value)} />
        <div class="actions">
          <button type="submit" class="button" data-testid="offline-search-submit">{t('offline.search')}</button>
        </div>
      </form>
      {found && (found.length === 0 ? (
        <p class="muted">{t('offline.noResults')}</p>
      ) : (
        <ul data-testid="offline-results">
          {found.map((person) => <li key={person.id}>{person.chosenName}</li>)}
        </ul>
      ))}
    </section>
  );
}
