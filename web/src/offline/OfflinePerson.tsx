import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { Loading } from '../components/Loading';
import { OfflineHandout } from '../stock/OfflineHandout';
import { formatDate, isolate } from '../format';
import { useDevice } from './deviceSession';
import { OfflinePersonEdit } from './OfflinePersonEdit';
import { useSyncState } from './SyncStatus';
import type { LocalDraft, LocalEncounter, LocalPerson } from './store';
import { OfflineDoseSection } from '../vaccination/OfflineDoseSection';
import { OfflineReferralSection } from '../referrals/OfflineReferralSection';

interface Props {
  personId: string;
  onConsult: (person: LocalPerson, draft?: LocalDraft) => void;
  onBack: () => void;
}

/** A person as the device holds them: who they are, their consultations, the drafts begun here. */
export function OfflinePerson({ personId, onConsult, onBack }: Props) {
  const { t, language } = useApp();
  const device = useDevice();
  const [person, setPerson] = useState<LocalPerson | null | undefined>(undefined);
  const [encounters, setEncounters] = useState<LocalEncounter[]>([]);
  const [drafts, setDrafts] = useState<LocalDraft[]>([]);
  const [editing, setEditing] = useState(false);
  const [edits, setEdits] = useState(0);
  const state = useSyncState(device?.engine);
  const conflicts = (state?.conflicts ?? []).filter((each) => each.recordType === 'person' && each.recordId === personId);

  useEffect(() => {
    if (!device) return;
    void (async () => {
      setPerson((await device.store.person(personId)) ?? null);
      setEncounters(await device.store.encountersOf(personId));
      setDrafts(await device.store.draftsOf(personId));
    })();
  }, [device, personId, edits, state?.lastSyncedAt]);

  if (person === undefined) return <Loading />;
  if (person === null) return <p class="card">{t('offline.personGone')}</p>;
  const patientCode = typeof person.patientCode === 'string' ? person.patientCode : null;
  return (
    <section class="card" aria-labelledby="offline-person-name" data-testid="offline-person">
      <h1 id="offline-person-name" data-testid="offline-person-name">{isolate(person.chosenName)}</h1>
      {person.otherNames.length > 0 && <p>{person.otherNames.map(isolate).join(', ')}</p>}
      <p>
        {typeof person.sex === 'string' && t(`sex.${person.sex as 'FEMALE'}`)}
        {patientCode ? ` · ${patientCode}` : ''}
      </p>
      {typeof person.phone === 'string' && <p dir="ltr" data-testid="offline-person-phone">{person.phone}</p>}
      {person.version < 0 && <p class="hint" data-testid="offline-person-queued">{t('offline.registeredHere')}</p>}
      {conflicts.length > 0 && (
        <p class="sync-problem" role="status" data-testid="offline-person-conflict">
          {t('offline.personConflict', { fields: conflicts.map((each) => t(`offline.field.${each.field as 'phone'}`)).join(', ') })}
        </p>
      )}
      {editing && device && (
        <OfflinePersonEdit device={device} person={person} onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setEdits((count) => count + 1);
          }} />
      )}
      <div class="actions">
        <button type="button" class="button primary" data-testid="offline-new-consultation" onClick={() => onConsult(person)}>
          {t('offline.newConsultation')}
        </button>
        {person.version >= 0 && !editing && (
          <button type="button" class="button secondary" data-testid="offline-edit-person" onClick={() => setEditing(true)}>
            {t('offline.editPerson')}
          </button>
        )}
        <button type="button" class="button secondary" data-testid="offline-back" onClick={onBack}>{t('offline.back')}</button>
      </div>
      {device && <OfflineHandout device={device} person={person} encounters={encounters} />}
      {drafts.length > 0 && (
        <>
          <h2>{t('offline.drafts')}</h2>
          <ul class="plain-list" data-testid="offline-drafts">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <button type="button" class="link-button" data-testid="offline-draft" onClick={() => onConsult(person, draft)}>
                  {formatDate(draft.occurredOn, language)} · {draft.formCode}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('offline.consultations')}</h2>
      {encounters.length === 0 ? (
        <p class="muted">{t('offline.noConsultations')}</p>
      ) : (
        <ul class="plain-list" data-testid="offline-consultations">
          {encounters.map((encounter) => (
            <li key={encounter.id} data-testid="offline-consultation" data-status={encounter.status}>
              {formatDate(encounter.occurredOn, language)} · {encounter.formCode} · {t(`offline.status.${encounter.status}`)}
              {encounter.local && <span class="hint"> · {t('offline.notSynced')}</span>}
            </li>
          ))}
        </ul>
      )}
      {device && <OfflineDoseSection device={device} person={person} />}
      {device && <OfflineReferralSection device={device} person={person} />}
    </section>
  );
}
