import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { today } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { freeBeds, nightAfter } from './shelterFigures';
import { DESTINATIONS, sheltersApi, type BedBoard, type Destination, type Resident } from './sheltersApi';

type Action = 'transfer' | 'absence' | 'discharge';

interface Props {
  board: BedBoard;
  resident: Resident;
  onDone: () => void;
}

/**
 * What a night worker does with a resident's stay besides attendance: move them to another bed,
 * record an announced absence (the bed kept), release a nightly bed not claimed, or discharge them
 * with their destination. A refusal shows the server's problem in the user's language; nothing was
 * recorded.
 */
export function StayForms({ board, resident, onDone }: Props) {
  const { t } = useApp();
  const [action, setAction] = useState<Action>('transfer');
  const [bedId, setBedId] = useState('');
  const [from, setFrom] = useState(board.night);
  const [until, setUntil] = useState(nightAfter(board.night, 1));
  const [destination, setDestination] = useState<Destination>('FAMILY');
  // the first night not spent here: today's date, as the server takes it (in the morning, the night
  // that ended was the last one spent; in the evening, tonight is not)
  const [dischargedOn, setDischargedOn] = useState(today());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const free = freeBeds(board);

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      await work();
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const { stayId, version } = resident;
    if (action === 'transfer') return run(() => sheltersApi.transfer(stayId, bedId, from, version));
    if (action === 'absence') return run(() => sheltersApi.absent(stayId, from, until, version));
    return run(() => sheltersApi.discharge(stayId, destination, dischargedOn, version));
  };

  const releaseNoShow = () => run(() => sheltersApi.discharge(resident.stayId, 'NO_SHOW', board.night, resident.version));

  return (
    <form class="shelter-form" onSubmit={submit} data-testid="stay-forms">
      <FormError problem={problem} />
      <div class="shelter-choices" role="group" aria-label={t('shelter.stayActions')}>
        {(['transfer', 'absence', 'discharge'] as const).map((one) => (
          <button
            key={one}
            type="button"
            class={action === one ? 'mark chosen' : 'mark'}
            aria-pressed={action === one}
            data-testid={`stay-${one}`}
            onClick={() => setAction(one)}
          >
            {t(enumKey('shelter.action', one))}
          </button>
        ))}
      </div>
      {action === 'transfer' && (
        <>
          <div class="field">
            <label for="stay-bed">{t('shelter.toBed')}</label>
            <select id="stay-bed" value={bedId} required onChange={(event) => setBedId(event.currentTarget.value)} data-testid="transfer-bed">
              <option value="">—</option>
              {free.map((bed) => (
                <option key={bed.id} value={bed.id}>
                  {bed.room} · {bed.label}
                </option>
              ))}
            </select>
          </div>
          <NightField id="transfer-from" label={t('shelter.fromNight')} value={from} onChange={setFrom} />
        </>
      )}
      {action === 'absence' && (
        <>
          <NightField id="absence-from" label={t('shelter.fromNight')} value={from} onChange={setFrom} />
          <NightField id="absence-until" label={t('shelter.backNight')} value={until} onChange={setUntil} />
        </>
      )}
      {action === 'discharge' && (
        <>
          <div class="field">
            <label for="discharge-destination">{t('shelter.destination')}</label>
            <select
              id="discharge-destination"
              value={destination}
              onChange={(event) => setDestination(event.currentTarget.value as Destination)}
              data-testid="discharge-destination"
            >
              {DESTINATIONS.map((one) => (
                <option key={one} value={one}>
                  {t(enumKey('shelter.destination', one))}
                </option>
              ))}
            </select>
          </div>
          <NightField id="discharge-on" label={t('shelter.firstNightAway')} value={dischargedOn} onChange={setDischargedOn} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="stay-save">
          {t(enumKey('shelter.save', action))}
        </button>
        {resident.mode === 'NIGHTLY' && resident.tonight == null && (
          <button type="button" class="button" disabled={busy} onClick={releaseNoShow} data-testid="release-no-show">
            {t('shelter.releaseNoShow')}
          </button>
        )}
      </div>
    </form>
  );
}

export function NightField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        required
        value={props.value}
        onInput={(event) => props.onChange(event.currentTarget.value)}
        data-testid={props.id}
      />
    </div>
  );
}
