import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, formatDateTime, isolate } from '../format';
import { enumKey } from '../i18n';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalPerson } from '../offline/store';
import { RefusedHere } from '../outbreaks/offlineCreation';
import type { Problem } from '../types';
import {
  boardOnDevice,
  conflictMessage,
  dismissConflict,
  keptShelters,
  queueAdmission,
  queueMark,
  type DeviceBoard,
} from './offlineBoard';
import { ADMISSION_REASONS, type AdmissionReason, type Attendance, type BoardBed } from './sheltersApi';
import './shelters.css';

/**
 * Tonight's bed board of a shelter without network, as kept on the device at the last sync with the
 * taps and admissions queued since: one tap marks a resident present or absent, a free bed admits a
 * person kept on the device. Admissions the server refused at the sync (the bed given first by another
 * device) are shown as conflicts, each with its person to admit to another bed.
 */
export function OfflineBedBoard({ device }: { device: DeviceSession }) {
  const { t, language } = useApp();
  const [sites, setSites] = useState<{ id: string; name: string }[]>([]);
  const [siteId, setSiteId] = useState('');
  const [known, setKnown] = useState<DeviceBoard | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [again, setAgain] = useState<{ personId: string; chosenName: string } | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    void keptShelters(device.store).then((kept) => {
      setSites(kept);
      setSiteId((current) => current || kept[0]?.id || '');
    });
  }, [device]);

  useEffect(() => {
    if (siteId) void boardOnDevice(device.store, siteId).then(setKnown);
    return device.engine.subscribe(() => {
      if (siteId) void boardOnDevice(device.store, siteId).then(setKnown);
    });
  }, [device, siteId, changes]);

  if (!siteId || !known) return null;
  const { board } = known;
  const changed = () => {
    setOpened(null);
    setChanges((count) => count + 1);
  };
  const mark = async (bed: BoardBed, status: Attendance) => {
    if (!bed.resident) return;
    await queueMark(device, board, bed.resident.stayId, status);
    changed();
  };

  return (
    <section class="card bed-board" aria-labelledby="offline-board-title" data-testid="offline-bed-board">
      <h2 id="offline-board-title">{t('shelter.title', { night: formatDate(board.night, language) })}</h2>
      {sites.length > 1 ? (
        <div class="field">
          <label for="offline-board-site">{t('shelterOffline.shelter')}</label>
          <select id="offline-board-site" value={siteId} onChange={(event) => setSiteId(event.currentTarget.value)}>
            {sites.map((site) => <option key={site.id} value={site.id}>{site.name}</option>)}
          </select>
        </div>
      ) : (
        <p><bdi>{known.siteName}</bdi></p>
      )}
      <p class="hint" data-testid="offline-board-kept">
        {t('shelterOffline.kept', { at: formatDateTime(new Date(known.keptAt).toISOString(), language) })}
      </p>
      <dl class="bed-board-counts">
        <div><dt>{t('shelter.capacity')}</dt><dd data-testid="offline-board-capacity">{board.capacity}</dd></div>
        <div><dt>{t('shelter.occupied')}</dt><dd data-testid="offline-board-occupied">{board.occupied}</dd></div>
        <div><dt>{t('shelter.present')}</dt><dd data-testid="offline-board-present">{board.present}</dd></div>
        <div><dt>{t('shelter.free')}</dt><dd data-testid="offline-board-free">{board.free}</dd></div>
      </dl>
      {known.conflicts.map(({ admission, code }) => (
        <div key={admission.stayId} class="error" role="alert" data-testid="offline-board-conflict">
          <p>{t(conflictMessage(code), { name: admission.chosenName, bed: admission.bedLabel })}</p>
          <div class="actions">
            <button type="button" class="button" data-testid="offline-board-other-bed"
              onClick={() => setAgain({ personId: admission.personId, chosenName: admission.chosenName })}>
              {t('shelterOffline.otherBed')}
            </button>
            <button type="button" class="button" onClick={() => void dismissConflict(device.store, admission.stayId).then(changed)}>
              {t('shelterOffline.dismiss')}
            </button>
          </div>
        </div>
      ))}
      {again && <p class="hint" data-testid="offline-board-again">{t('shelterOffline.chooseBed', { name: again.chosenName })}</p>}
      {board.rooms.map((room) => (
        <section key={room.id} class="bed-board-room">
          <h3>
            <bdi>{room.name}</bdi>
            {room.rules.map((rule) => <span key={rule} class="bed-board-tag">{t(enumKey('shelter.rule', rule))}</span>)}
          </h3>
          <ul class="bed-board-beds">
            {room.beds.map((bed) => (
              <li key={bed.id} class={`bed-row bed-${bed.state.toLowerCase()}`} data-testid="offline-board-bed" data-state={bed.state}>
                <span class="bed-label">{bed.label}</span>
                <span class="bed-who">
                  {bed.resident ? <bdi data-testid="offline-board-resident">{bed.resident.chosenName}</bdi>
                    : <span>{t(enumKey('shelter.state', bed.state))}</span>}
                </span>
                {bed.resident && (
                  <span class="bed-marks" role="group" aria-label={t('shelter.attendance')}>
                    {(['PRESENT', 'ABSENT'] as const).map((status) => (
                      <button key={status} type="button" class={bed.resident?.tonight === status ? 'mark chosen' : 'mark'}
                        aria-pressed={bed.resident?.tonight === status} data-testid={`offline-mark-${status.toLowerCase()}`}
                        onClick={() => void mark(bed, status)}>
                        {t(enumKey('shelter.mark', status))}
                      </button>
                    ))}
                  </span>
                )}
                {bed.state === 'FREE' && (
                  <button type="button" class="mark" aria-expanded={opened === bed.id} data-testid="offline-board-admit"
                    onClick={() => setOpened(opened === bed.id ? null : bed.id)}>
                    {t('shelter.admit')}
                  </button>
                )}
                {opened === bed.id && (
                  <div class="bed-forms">
                    <OfflineAdmitForm device={device} known={known} bed={bed} preset={again}
                      onDone={() => { setAgain(null); changed(); }} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface AdmitProps {
  device: DeviceSession;
  known: DeviceBoard;
  bed: BoardBed;
  preset: { personId: string; chosenName: string } | null;
  onDone: () => void;
}

/** Admits a person kept on the device to a free bed, from the board's night; queued for the next sync. */
function OfflineAdmitForm({ device, known, bed, preset, onDone }: AdmitProps) {
  const { t } = useApp();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LocalPerson[] | null>(null);
  const [chosen, setChosen] = useState(preset);
  const [reason, setReason] = useState<AdmissionReason>('SLEEPING_OUTSIDE');
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = async () => {
    setProblem(null);
    try {
      await queueAdmission(device, known.board, bed, {
        personId: chosen?.personId ?? '',
        chosenName: chosen?.chosenName ?? '',
        reason,
        mode: bed.emergency ? 'NIGHTLY' : 'STAY',
      });
      onDone();
    } catch (error) {
      if (error instanceof RefusedHere) setProblem(error.problem(t));
      else throw error;
    }
  };

  return (
    <form class="form" data-testid="offline-admit-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <FormError problem={problem} />
      {chosen ? (
        <p data-testid="offline-admit-chosen"><bdi>{chosen.chosenName}</bdi></p>
      ) : (
        <>
          <label for="offline-admit-query">{t('offline.searchLabel')}</label>
          <input id="offline-admit-query" value={query} dir="auto" data-testid="offline-admit-query"
            onInput={(event) => setQuery(event.currentTarget.value)} />
          <button type="button" class="button" data-testid="offline-admit-search"
            onClick={() => void device.store.search(query).then(setFound)}>
            {t('offline.search')}
          </button>
          {found && found.length === 0 && <p class="muted">{t('offline.noResults')}</p>}
          {found && found.length > 0 && (
            <ul class="plain-list">
              {found.map((person) => (
                <li key={person.id}>
                  <button type="button" class="link-button" data-testid="offline-admit-person"
                    onClick={() => setChosen({ personId: person.id, chosenName: person.chosenName })}>
                    {isolate(person.chosenName)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <label for="offline-admit-reason">{t('shelter.admissionReason')}</label>
      <select id="offline-admit-reason" value={reason} data-testid="offline-admit-reason"
        onChange={(event) => setReason(event.currentTarget.value as AdmissionReason)}>
        {ADMISSION_REASONS.map((one) => <option key={one} value={one}>{t(enumKey('shelter.admissionReason', one))}</option>)}
      </select>
      <div class="actions">
        <button type="submit" class="button primary" data-testid="offline-admit-save">{t('shelter.admit')}</button>
      </div>
    </form>
  );
}
