import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { Link } from '../components/Link';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDate, today } from '../format';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem } from '../types';
import './outreach.css';
import { instantAt, localTime, outreachApi, type DayPlan, type LocationPlan, type OutreachSession, type SessionKind } from './outreachApi';

/** Whether a session is planned, under way or held. */
export function statusOf(session: OutreachSession): 'planned' | 'ongoing' | 'held' {
  if (!session.actualStart) return 'planned';
  return session.actualEnd ? 'held' : 'ongoing';
}

/**
 * A mobile team's day, made for a phone: each outreach location with that day's sessions (when, who
 * goes, how it stands), and a short form to plan one more at a location.
 */
export function DayPlanScreen() {
  const { t, session, language } = useApp();
  const site = session?.currentSite;
  const [day, setDay] = useState(today());
  const [plan, setPlan] = useState<DayPlan | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    setProblem(null);
    try {
      setPlan(await outreachApi.day(day));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [site?.id, day]);

  if (!site || site.kind !== 'MOBILE_TEAM') {
    return (
      <section class="card" data-testid="outreach-not-mobile">
        <p class="empty">{t('outreach.notMobile')}</p>
      </section>
    );
  }
  if (problem && !plan) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!plan) return <Loading />;

  return (
    <section class="card outreach-day" data-testid="outreach-day">
      <h1>{t('outreach.dayTitle', { day: formatDate(plan.day, language) })}</h1>
      <div class="field">
        <label for="outreach-day">{t('outreach.day')}</label>
        <input id="outreach-day" type="date" value={day} onChange={(e) => setDay((e.target as HTMLInputElement).value)} />
      </div>
      {plan.locations.length === 0 && <p class="empty">{t('outreach.notMobile')}</p>}
      {plan.locations.map((location) => (
        <LocationCard key={location.locationId} location={location} day={plan.day} onPlanned={(id) => navigate(`/outreach/sessions/${id}`)} />
      ))}
    </section>
  );
}

function LocationCard({ location, day, onPlanned }: { location: LocationPlan; day: string; onPlanned: (id: string) => void }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  return (
    <article class="outreach-location" data-testid="outreach-location">
      <h2>{location.name}</h2>
      {location.sessions.length === 0 && <p class="empty">{t('outreach.noSession')}</p>}
      <ul class="outreach-sessions">
        {location.sessions.map((s) => (
          <li key={s.id} data-testid="outreach-session">
            <Link href={`/outreach/sessions/${s.id}`} class="outreach-session-link">
              {localTime(s.plannedStart)}–{localTime(s.plannedEnd)} · {t(enumKey('outreach.kind', s.kind))} ·{' '}
              {t(enumKey('outreach.status', statusOf(s)))}
            </Link>
            <span class="hint">
              {t('outreach.team')} : {s.team.map((m) => m.name).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {open ? (
        <PlanForm locationId={location.locationId} day={day} onPlanned={onPlanned} onCancel={() => setOpen(false)} />
      ) : (
        <button type="button" class="button" onClick={() => setOpen(true)} data-testid="outreach-plan">
          {t('outreach.plan')}
        </button>
      )}
    </article>
  );
}

function PlanForm(props: { locationId: string; day: string; onPlanned: (id: string) => void; onCancel: () => void }) {
  const { t } = useApp();
  const [kind, setKind] = useState<SessionKind>('MOBILE_CLINIC');
  const [start, setStart] = useState('19:00');
  const [end, setEnd] = useState('22:00');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const made = await outreachApi.plan({
        id: uuidv7(),
        locationId: props.locationId,
        kind,
        plannedStart: instantAt(props.day, start),
        plannedEnd: instantAt(props.day, end),
      });
      props.onPlanned(made.id);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="outreach-plan-form" onSubmit={submit} data-testid="outreach-plan-form">
      <div class="field">
        <label for={`kind-${props.locationId}`}>{t('outreach.kind')}</label>
        <select id={`kind-${props.locationId}`} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as SessionKind)}>
          <option value="MOBILE_CLINIC">{t('outreach.kind.MOBILE_CLINIC')}</option>
          <option value="NIGHT_ROUND">{t('outreach.kind.NIGHT_ROUND')}</option>
        </select>
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`start-${props.locationId}`}>{t('outreach.plannedStart')}</label>
          <input id={`start-${props.locationId}`} type="time" value={start} onInput={(e) => setStart((e.target as HTMLInputElement).value)} data-testid="outreach-planned-start" />
        </div>
        <div class="field">
          <label for={`end-${props.locationId}`}>{t('outreach.plannedEnd')}</label>
          <input id={`end-${props.locationId}`} type="time" value={end} onInput={(e) => setEnd((e.target as HTMLInputElement).value)} data-testid="outreach-planned-end" />
        </div>
      </div>
      {problem && (
        <p class="form-error" role="alert" data-testid="form-error">
          {problem.detail}
        </p>
      )}
      <div class="field-row">
        <button type="submit" class="button primary" disabled={busy} data-testid="outreach-plan-save">
          {t('outreach.plan')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
