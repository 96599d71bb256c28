import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { outbreaksApi, type Household, type Ring, type RingFigures } from './outbreaksApi';
import './outbreaks.css';

const RECEIVED = ['waterTreatment', 'soap', 'jerrycan', 'disinfection', 'healthPromotion'] as const;
type Received = (typeof RECEIVED)[number];

/**
 * The case-area response at the user's site, made for a phone: the rings around cholera cases with
 * the time from the case to the first household visited, and for the ring chosen, its anonymous
 * households (a marker, how many people, what they received, the free residual chlorine).
 */
export function RingsScreen() {
  const { t, session } = useApp();
  const siteId = session?.currentSite?.id;
  const [rings, setRings] = useState<Ring[] | null>(null);
  const [figures, setFigures] = useState<RingFigures | null>(null);
  const [chosen, setChosen] = useState<Ring | null>(null);
  const [households, setHouseholds] = useState<Household[]>([]);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);

  const load = async () => {
    setLoadProblem(null);
    try {
      const [all, numbers] = await Promise.all([outbreaksApi.rings(siteId), outbreaksApi.ringFigures(siteId)]);
      setRings(all);
      setFigures(numbers);
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, [siteId]);

  const open = async (ring: Ring) => {
    setChosen(ring);
    setHouseholds(await outbreaksApi.households(ring.id));
  };

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!rings) return <Loading />;
  return (
    <section class="outbreaks" data-testid="rings-screen">
      <h1>{t('outbreaks.rings')}</h1>
      {figures && (
        <p data-testid="rings-48h">{t('outbreaks.answered48h', { answered: String(figures.answeredWithin48Hours), rings: String(figures.rings) })}</p>
      )}
      <ul class="ring-list">
        {rings.map((ring) => (
          <li key={ring.id}>
            <button type="button" class={chosen?.id === ring.id ? 'button' : 'button secondary'} data-testid="ring" onClick={() => open(ring)}>
              {ring.caseNumber} · {ring.radiusMetres} m · {ring.households} {t('outbreaks.households')} ·{' '}
              {ring.responseMinutes == null ? t('outbreaks.waiting') : t('outbreaks.respondedIn', { hours: String(Math.round(ring.responseMinutes / 60)) })}
            </button>
          </li>
        ))}
      </ul>
      {rings.length === 0 && <p class="hint">{t('outbreaks.noRings')}</p>}
      {chosen && (
        <>
          <HouseholdForm ring={chosen} onDone={async () => { await open(chosen); await load(); }} />
          <ul class="households" data-testid="households">
            {households.map((h) => (
              <li key={h.id} data-testid="household">
                <strong>{h.marker}</strong> · {h.people} · {RECEIVED.filter((r) => h[r]).map((r) => t(`outbreaks.received.${r}`)).join(', ')}
                {h.chlorineAtVisit != null && ` · ${t('outbreaks.chlorine')} ${h.chlorineAtVisit} mg/L`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function HouseholdForm({ ring, onDone }: { ring: Ring; onDone: () => void }) {
  const { t } = useApp();
  const [marker, setMarker] = useState('');
  const [people, setPeople] = useState('');
  const [chlorine, setChlorine] = useState('');
  const [received, setReceived] = useState<Record<Received, boolean>>({
    waterTreatment: false, soap: false, jerrycan: false, disinfection: false, healthPromotion: false,
  });
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await outbreaksApi.visit(ring.id, {
        id: uuidv7(), marker, people: Number(people), ...received, chlorineAtVisit: chlorine.trim() === '' ? null : Number(chlorine),
      });
      setMarker('');
      setPeople('');
      setChlorine('');
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form class="card" data-testid="household-form" onSubmit={submit} noValidate>
      <h2>{t('outbreaks.addHousehold')}</h2>
      <FormError problem={problem} />
      <div class="field">
        <label for="household-marker">{t('outbreaks.marker')}</label>
        <input id="household-marker" data-testid="household-marker" maxLength={40} value={marker} onInput={(e) => setMarker(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="household-people">{t('outbreaks.people')}</label>
        <input id="household-people" data-testid="household-people" type="number" min={1} max={100} inputMode="numeric" value={people}
          onInput={(e) => setPeople(e.currentTarget.value)} />
      </div>
      <fieldset class="household-received">
        <legend>{t('outbreaks.received')}</legend>
        {RECEIVED.map((r) => (
          <label key={r}>
            <input type="checkbox" data-testid={`received-${r}`} checked={received[r]} onChange={(e) => setReceived({ ...received, [r]: e.currentTarget.checked })} />{' '}
            {t(`outbreaks.received.${r}`)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="household-chlorine">{t('outbreaks.chlorine')} (mg/L)</label>
        <input id="household-chlorine" data-testid="household-chlorine" inputMode="decimal" dir="ltr" value={chlorine} onInput={(e) => setChlorine(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button" data-testid="save-household">{t('outbreaks.save')}</button>
    </form>
  );
}
