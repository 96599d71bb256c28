import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { isolate } from '../format';
import { uuidv7 } from '../ids';
import { SEXES, type Sex } from '../types';
import type { DeviceSession } from './deviceSession';
import { workSite } from './offlineWork';
import type { LocalPerson } from './store';

interface Props {
  device: DeviceSession;
  onRegistered: (person: LocalPerson) => void;
  onOpen: (person: LocalPerson) => void;
}

/** Persons kept here whose names sound like the new one and whose sex does not differ: likely the same. */
export async function likelyDuplicates(device: DeviceSession, name: string, sex: Sex): Promise<LocalPerson[]> {
  const found = await device.store.search(name, 5);
  return found.filter((person) => !person.sex || person.sex === 'UNKNOWN' || sex === 'UNKNOWN' || person.sex === sex);
}

/**
 * A registration kept on the device, checked first against the persons kept here (as the server's
 * registration check, likely duplicates shown before saving), and queued as a CREATE mutation with
 * the person's id made here; the person can be opened and cared for at once.
 */
export function OfflineRegistration({ device, onRegistered, onOpen }: Props) {
  const { t } = useApp();
  const [name, setName] = useState('');
  const [sex, setSex] = useState<Sex>('UNKNOWN');
  const [birthYear, setBirthYear] = useState('');
  const [duplicates, setDuplicates] = useState<LocalPerson[] | null>(null);

  const register = async () => {
    const now = Date.now();
    const chosenName = name.trim();
    const year = /^\d{4}$/.test(birthYear.trim()) ? birthYear.trim() : null;
    const birthDate = year ? { precision: 'YEAR', date: `${year}-01-01` } : null;
    // version -1: not on the server yet; the first pull after the push replaces it
    const person: LocalPerson = { id: uuidv7(now), version: -1, chosenName, otherNames: [], sex, birthDate };
    await device.store.savePerson(person, now);
    await device.store.enqueue({
      mutationId: uuidv7(now),
      recordType: 'person',
      recordId: person.id,
      createdAt: now,
      body: {
        operation: 'CREATE',
        baseVersion: null,
        siteId: await workSite(device),
        deviceTime: new Date(now).toISOString(),
        changes: { chosenName: { value: chosenName }, sex: { value: sex }, ...(birthDate ? { birthDate: { value: birthDate } } : {}) },
      },
    });
    await device.engine.changed();
    setName('');
    setBirthYear('');
    setDuplicates(null);
    onRegistered(person);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (duplicates === null) {
      const likely = await likelyDuplicates(device, name, sex);
      if (likely.length > 0) {
        setDuplicates(likely);
        return;
      }
    }
    await register();
  };

  return (
    <section class="card" aria-labelledby="offline-register">
      <h2 id="offline-register">{t('offline.register')}</h2>
      <form class="form" onSubmit={submit} data-testid="offline-register">
        <label for="offline-chosen-name">{t('offline.chosenName')}</label>
        <input id="offline-chosen-name" required dir="auto" value={name} data-testid="offline-chosen-name"
          onInput={(event) => { setName(event.currentTarget.value); setDuplicates(null); }} />
        <label for="offline-sex">{t('person.sex')}</label>
        <select id="offline-sex" value={sex} data-testid="offline-sex"
          onChange={(event) => { setSex(event.currentTarget.value as Sex); setDuplicates(null); }}>
          {SEXES.map((each) => <option key={each} value={each}>{t(`sex.${each}`)}</option>)}
        </select>
        <label for="offline-birth-year">{t('offline.birthYear')} <span class="optional">({t('app.optional')})</span></label>
        <input id="offline-birth-year" inputMode="numeric" maxLength={4} value={birthYear} data-testid="offline-birth-year"
          onInput={(event) => setBirthYear(event.currentTarget.value)} />
        {duplicates && (
          <div class="likely-matches" role="alert" data-testid="offline-duplicates">
            <p>{t('offline.likelyDuplicates')}</p>
            <ul class="plain-list">
              {duplicates.map((person) => (
                <li key={person.id}>
                  <button type="button" class="link-button" data-testid="offline-duplicate" onClick={() => onOpen(person)}>
                    {isolate(person.chosenName)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="button primary" disabled={!name.trim()} data-testid="offline-save">
            {duplicates ? t('offline.registerAnyway') : t('offline.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
