import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { vaccinationApi, type Dose, type Vaccine } from './vaccinationApi';
import { nextDose, vaccineName } from './vaccinationModel';
import './vaccination.css';

const today = () => new Date().toISOString().slice(0, 10);

/** A person's vaccinations on their page, newest first, with the form a clinician records a dose with. */
export function VaccinationSection({ personId }: { personId: string }) {
  const { t, language, session } = useApp();
  const [doses, setDoses] = useState<Dose[] | null>(null);
  const [vaccines, setVaccines] = useState<Vaccine[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [vaccine, setVaccine] = useState('');
  const [number, setNumber] = useState('1');
  const [givenOn, setGivenOn] = useState(today());
  const [lot, setLot] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [given, catalogue] = await Promise.all([vaccinationApi.ofPerson(personId), vaccinationApi.vaccines()]);
      setDoses(given);
      setVaccines(catalogue);
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [personId]);

  const choose = (code: string) => {
    setVaccine(code);
    const chosen = vaccines.find((one) => one.code === code);
    const next = chosen && doses ? nextDose(chosen, doses) : null;
    setNumber(String(next ?? 1));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      await vaccinationApi.record({
        id: uuidv7(),
        personId,
        vaccineCode: vaccine,
        doseNumber: Number.parseInt(number, 10) || 0,
        givenOn,
        lot: lot.trim() || undefined,
      });
      setVaccine('');
      setLot('');
      await load();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card vaccination" data-testid="vaccinations">
      <h2>{t('vaccination.title')}</h2>
      {doses && doses.length === 0 && <p class="empty">{t('vaccination.none')}</p>}
      {doses && doses.length > 0 && (
        <div class="table-scroll">
          <table class="summary-table" data-testid="doses">
            <thead>
              <tr>
                <th>{t('vaccination.vaccine')}</th>
                <th>{t('vaccination.dose')}</th>
                <th>{t('vaccination.givenOn')}</th>
                <th>{t('vaccination.lot')}</th>
                <th>{t('vaccination.givenBy')}</th>
              </tr>
            </thead>
            <tbody>
              {doses.map((dose) => (
                <tr key={dose.id}>
                  <td>{vaccineName(vaccines, dose.vaccineCode, language)}</td>
                  <td>{dose.doseNumber}</td>
                  <td>{dose.givenOn}</td>
                  <td>{dose.lot ?? t('app.none')}</td>
                  <td>{dose.givenBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError problem={problem} />
      {hasRole(session, 'CLINICIAN') && (
        <form class="vaccination-form" onSubmit={submit} noValidate>
          <div class="field">
            <label for="dose-vaccine">{t('vaccination.vaccine')}</label>
            <select id="dose-vaccine" value={vaccine} onChange={(event) => choose(event.currentTarget.value)} data-testid="dose-vaccine">
              <option value="">{t('app.choose')}</option>
              {vaccines.map((one) => (
                <option key={one.code} value={one.code}>
                  {one.names[language] ?? one.code}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="dose-number">{t('vaccination.dose')}</label>
            <input id="dose-number" type="number" min={1} inputMode="numeric" value={number} onInput={(event) => setNumber(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="dose-date">{t('vaccination.givenOn')}</label>
            <input id="dose-date" type="date" value={givenOn} max={today()} onInput={(event) => setGivenOn(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="dose-lot">
              {t('vaccination.lot')} <span class="hint">({t('app.optional')})</span>
            </label>
            <input id="dose-lot" value={lot} maxLength={60} onInput={(event) => setLot(event.currentTarget.value)} />
          </div>
          <button type="submit" class="button primary" disabled={busy || !vaccine} data-testid="record-dose">
            {t('vaccination.record')}
          </button>
        </form>
      )}
    </section>
  );
}
