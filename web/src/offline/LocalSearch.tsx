import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { isolate } from '../format';
import { useDevice } from './deviceSession';
import type { LocalPerson } from './store';
import { lastSyncedText, useSyncState } from './SyncStatus';

interface Props {
  /** A query to run at once (the one the server could not answer). */
  initialQuery?: string;
  onOpen: (person: LocalPerson) => void;
}

/**
 * A search of the persons kept on this device, by any spelling of their names (the server's folding,
 * phonetic and variant keys); the results say they come from the device and when it last synced.
 */
export function LocalSearch({ initialQuery = '', onOpen }: Props) {
  const { t, language } = useApp();
  const device = useDevice();
  const state = useSyncState(device?.engine);
  const [query, setQuery] = useState(initialQuery);
  const [found, setFound] = useState<LocalPerson[] | null>(null);

  const run = async (text: string) => {
    if (!device || !text.trim()) return;
    const started = performance.now();
    const persons = await device.store.search(text);
    // on the page's performance timeline, for the browser benchmark of the offline search
    performance.measure('offline-search', { start: started });
    setFound(persons);
  };

  useEffect(() => {
    void run(initialQuery);
  }, [initialQuery, device]);

  if (!device) return null;
  return (
    <section class="card" aria-labelledby="offline-search" data-testid="local-search">
      <h2 id="offline-search">{t('offline.search')}</h2>
      <form class="form" role="search" onSubmit={(event) => { event.preventDefault(); void run(query); }}>
        <label for="offline-query">{t('offline.searchLabel')}</label>
        <input id="offline-query" value={query} dir="auto" data-testid="offline-query"
          onInput={(event) => setQuery(event.currentTarget.value)} />
        <div class="actions">
          <button type="submit" class="button" data-testid="offline-search-submit">{t('offline.search')}</button>
        </div>
      </form>
      {found && (
        <>
          <p class="hint" data-testid="offline-results-source">{t('offline.fromDevice', { synced: lastSyncedText(state, t, language) })}</p>
          {found.length === 0 ? (
            <p class="muted">{t('offline.noResults')}</p>
          ) : (
            <ul class="plain-list" data-testid="offline-results">
              {found.map((person) => (
                <li key={person.id}>
                  <button type="button" class="link-button" data-testid="offline-result" onClick={() => onOpen(person)}>
                    {isolate(person.chosenName)}
                  </button>
                  {person.version < 0 && <span class="hint"> · {t('offline.notSynced')}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
