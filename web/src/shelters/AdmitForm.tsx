import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { isolate } from '../format';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { PersonSummary, Problem } from '../types';
import { NightField } from './StayForms';
import {
  ADMISSION_REASONS,
  sheltersApi,
  type AdmissionReason,
  type BedBoard,
  type BoardBed,
  type RankedRequest,
  type StayMode,
} from './sheltersApi';

interface Chosen {
  personId: string;
  name: string;
  requestId?: string;
}

/**
 * Admits someone to a free bed of the board: a person waiting on the list (their request then
 * closes), or a person found in the registry. The reason, the recording mode (night by night for an
 * emergency bed, stay otherwise), the planned nights and the first night. A refusal (a minor in an
 * adults' room, a bed taken meanwhile, someone already staying) shows the server's problem.
 */
export function AdmitForm({ board, bed, onDone }: { board: BedBoard; bed: BoardBed; onDone: () => void }) {
  const { t } = useApp();
  const [waiting, setWaiting] = useState<RankedRequest[]>([]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [reason, setReason] = useState<AdmissionReason>('SLEEPING_OUTSIDE');
  const [mode, setMode] = useState<StayMode>(bed.emergency ? 'NIGHTLY' : 'STAY');
  const [planned, setPlanned] = useState('');
  const [admittedOn, setAdmittedOn] = useState(board.night);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sheltersApi
      .waitingList(board.siteId)
      .then((ranking) => setWaiting(ranking.filter((ranked) => ranked.request.personId)))
      .catch(() => setWaiting([]));
  }, [board.siteId]);

  const search = async () => {
    setProblem(null);
    try {
      setFound((await api.searchPeople({ query, limit: 8 })).filter((one) => one.inScope));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setProblem(null);
    setBusy(true);
    try {
      await sheltersApi.admit({
        personId: chosen.personId,
        bedId: bed.id,
        mode,
        reason,
        plannedNights: planned ? Number.parseInt(planned, 10) : null,
        admittedOn,
        requestId: chosen.requestId ?? null,
      });
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="shelter-form" onSubmit={submit} data-testid="admit-form">
      <FormError problem={problem} />
      {chosen ? (
        <p>
          <bdi data-testid="admit-chosen">{chosen.name}</bdi>{' '}
          <button type="button" class="button" onClick={() => setChosen(null)} data-testid="admit-other">
            {t('shelter.otherPerson')}
          </button>
        </p>
      ) : (
        <>
          {waiting.length > 0 && (
            <ul class="plain-list" aria-label={t('shelter.waitingList')}>
              {waiting.map((ranked) => (
                <li key={ranked.request.id}>
                  <button
                    type="button"
                    class="button"
                    data-testid="admit-waiting"
                    onClick={() =>
                      setChosen({ personId: ranked.request.personId!, name: ranked.chosenName ?? '', requestId: ranked.request.id })
                    }
                  >
                    {ranked.rank}. {isolate(ranked.chosenName ?? '')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="field-row">
            <div class="field">
              <label for="admit-query">{t('shelter.findPerson')}</label>
              <input id="admit-query" value={query} onInput={(event) => setQuery(event.currentTarget.value)} data-testid="admit-query" />
            </div>
            <button type="button" class="button" onClick={search} data-testid="admit-search">
              {t('distribute.find')}
            </button>
          </div>
          {found && (
            <ul class="plain-list">
              {found.length === 0 && <li class="empty">{t('distribute.nobody')}</li>}
              {found.map((one) => (
                <li key={one.id}>
                  <button type="button" class="button" data-testid="admit-found" onClick={() => setChosen({ personId: one.id, name: one.chosenName })}>
                    {isolate(one.chosenName)} {one.patientCode ? `· ${one.patientCode}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="field">
        <label for="admit-reason">{t('shelter.admissionReason')}</label>
        <select id="admit-reason" value={reason} onChange={(event) => setReason(event.currentTarget.value as AdmissionReason)} data-testid="admit-reason">
          {ADMISSION_REASONS.map((one) => (
            <option key={one} value={one}>
              {t(enumKey('shelter.admissionReason', one))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="admit-mode">{t('shelter.mode')}</label>
        <select id="admit-mode" value={mode} onChange={(event) => setMode(event.currentTarget.value as StayMode)} data-testid="admit-mode">
          {(['STAY', 'NIGHTLY'] as const).map((one) => (
            <option key={one} value={one}>
              {t(enumKey('shelter.mode', one))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="admit-planned">{t('shelter.plannedNights')}</label>
        <input id="admit-planned" type="number" min={1} max={366} inputMode="numeric" value={planned} onInput={(event) => setPlanned(event.currentTarget.value)} />
      </div>
      <NightField id="admit-on" label={t('shelter.fromNight')} value={admittedOn} onChange={setAdmittedOn} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || !chosen} data-testid="admit-save">
          {t('shelter.admit')}
        </button>
      </div>
    </form>
  );
}
