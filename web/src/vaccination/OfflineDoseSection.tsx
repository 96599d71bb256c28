import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { today } from '../format';
import { uuidv7 } from '../ids';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalPerson } from '../offline/store';
import { RefusedHere } from '../outbreaks/offlineCreation';
import type { Problem } from '../types';
import { dosesHere, keptVaccines, queueDose, type DoseHere } from './offlineDoses';
import type { Vaccine } from './vaccinationApi';
import { nextDose, vaccineName } from './vaccinationModel';
import './vaccination.css';

/**
 * A dose of vaccine recorded without network on a person's page, with the catalogue kept at the last
 * sync: the doses recorded on this device are listed, the next one suggested, and the dose is kept in
 * the outbox and written at the next sync, where the person's whole file is checked again.
 */
export function OfflineDoseSection({ device, person }: { device: DeviceSession; person: LocalPerson }) {
  const { t, language } = useApp();
  const [vaccines, setVaccines] = useState<Vaccine[]>([]);
  const [here, setHere] = useState<DoseHere[]>([]);
  const [vaccine, setVaccine] = useState('');
  const [number, setNumber] = useState('1');
  const [givenOn, setGivenOn] = useState(today());
  const [lot, setLot] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [queued, setQueued] = useState(false);

  const load = async () => {
    setVaccines(await keptVaccines(device.store));
    setHere(await dosesHere(device.store, person.id));
  };
  useEffect(() => {
    void load();
  }, [person.id]);

  if (!device.profile.roles.includes('CLINICIAN') || vaccines.length === 0) return null;

  const choose = (code: string) => {
    setVaccine(code);
    const chosen = vaccines.find((one) => one.code === code);
    setNumber(String((chosen && nextDose(chosen, here)) ?? 1));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setQueued(false);
    try {
      await queueDose(device, vaccines.find((one) => one.code === vaccine), {
        id: uuidv7(), personId: person.id, vaccineCode: vaccine, doseNumber: Number.parseInt(number, 10) || 0, givenOn, lot: lot.trim() || undefined,
      });
      setVaccine('');
      setLot('');
      setQueued(true);
      await load();
    } catch (error) {
      if (!(error instanceof RefusedHere)) throw error;
      setProblem(error.problem(t));
    }
  };

  return (
    <section class="card vaccination" aria-labelledby="offline-doses-title" data-testid="offline-doses">
      <h2 id="offline-doses-title">{t('vaccination.title')}</h2>
      {here.length > 0 && (
        <ul data-testid="offline-doses-here">
          {here.map((dose, index) => (
            <li key={index}>{t('offlineHealth.doseHere', { vaccine: vaccineName(vaccines, dose.vaccineCode, language), dose: String(dose.doseNumber), day: dose.givenOn })}</li>
          ))}
        </ul>
      )}
      <FormError problem={problem} />
      {queued && <p class="success" role="status" data-testid="offline-dose-queued">{t('offlineHealth.queued')}</p>}
      <form class="vaccination-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="offline-dose-vaccine">{t('vaccination.vaccine')}</label>
          <select id="offline-dose-vaccine" value={vaccine} onChange={(event) => choose(event.currentTarget.value)} data-testid="offline-dose-vaccine">
            <option value="">{t('app.choose')}</option>
            {vaccines.map((one) => <option key={one.code} value={one.code}>{one.names[language] ?? one.code}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="offline-dose-number">{t('vaccination.dose')}</label>
          <input id="offline-dose-number" type="number" min={1} inputMode="numeric" value={number} data-testid="offline-dose-number"
            onInput={(event) => setNumber(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="offline-dose-date">{t('vaccination.givenOn')}</label>
          <input id="offline-dose-date" type="date" value={givenOn} max={today()} data-testid="offline-dose-date"
            onInput={(event) => setGivenOn(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="offline-dose-lot">
            {t('vaccination.lot')} <span class="hint">({t('app.optional')})</span>
          </label>
          <input id="offline-dose-lot" value={lot} maxLength={60} onInput={(event) => setLot(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" disabled={!vaccine} data-testid="offline-record-dose">
          {t('vaccination.record')}
        </button>
      </form>
    </section>
  );
}
