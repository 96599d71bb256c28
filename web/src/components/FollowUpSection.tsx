// A person's follow-up programmes: where each stands, the next visit, enrolment and closing.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { formatDate, today } from '../format';
import {
  CLOSED_REASONS,
  followUpsApi,
  PROGRAMME_COMPARTMENT,
  PROGRAMMES,
  RISK_FLAGS,
  type ClosedReason,
  type FollowUp,
  type Programme,
} from '../forms/followUps';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { FieldErrors } from './FieldErrors';
import { FormError } from './FormError';

export function StandingBadge({ followUp }: { followUp: FollowUp }) {
  const { t, language } = useApp();
  return (
    <span class={`badge standing-${followUp.standing.toLowerCase()}`} data-testid="follow-up-standing">
      {t(enumKey('followUp.standing', followUp.standing))}
      {followUp.nextVisitOn && followUp.standing !== 'CLOSED' && ` · ${formatDate(followUp.nextVisitOn, language)}`}
    </span>
  );
}

export function FollowUpSection({ personId }: { personId: string }) {
  const { t, language, session } = useApp();
  const [followUps, setFollowUps] = useState<FollowUp[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const opened = new Set(session?.user.roles.flatMap((role) => ROLE_COMPARTMENTS[role] ?? []) ?? []);
  const offered = PROGRAMMES.filter((programme) => opened.has(PROGRAMME_COMPARTMENT[programme]));

  const load = async () => {
    try {
      setFollowUps(await followUpsApi.ofPerson(personId));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [personId]);

  if (!followUps) return problem ? <FormError problem={problem} /> : null;
  const active = new Set(followUps.filter((f) => f.status === 'ACTIVE').map((f) => f.programme));

  return (
    <section class="card" data-testid="follow-ups">
      <h2>{t('followUp.title')}</h2>
      <FormError problem={problem} />
      {followUps.length === 0 && <p class="empty">{t('followUp.none')}</p>}
      <ul class="plain-list">
        {followUps.map((followUp) => (
          <li key={followUp.id} class="follow-up" data-testid={`follow-up-${followUp.programme}`}>
            <p>
              <strong>{t(enumKey('followUp.programme', followUp.programme))}</strong> <StandingBadge followUp={followUp} />
            </p>
            <p class="hint">
              {t('followUp.since', { date: formatDate(followUp.startedOn, language) })}
              {followUp.lastVisitOn && ` · ${t('followUp.lastVisit', { date: formatDate(followUp.lastVisitOn, language) })}`}
              {followUp.dueDate && ` · ${t('followUp.dueDate', { date: formatDate(followUp.dueDate, language) })}`}
              {followUp.conditionCode && ` · ${followUp.conditionCode}`}
            </p>
            {followUp.riskFlags.length > 0 && (
              <p class="risk-flags">
                {followUp.riskFlags.map((flag) => (
                  <span key={flag} class="badge risk-badge">
                    {t(enumKey('followUp.risk', flag))}
                  </span>
                ))}
              </p>
            )}
            {followUp.status === 'ACTIVE' && <FollowUpActions followUp={followUp} onChanged={load} />}
          </li>
        ))}
      </ul>
      {enrolling ? (
        <EnrolForm
          personId={personId}
          programmes={offered.filter((programme) => !active.has(programme))}
          onDone={() => {
            setEnrolling(false);
            load();
          }}
        />
      ) : (
        offered.some((programme) => !active.has(programme)) && (
          <button type="button" class="button secondary" data-testid="follow-up-enrol" onClick={() => setEnrolling(true)}>
            {t('followUp.enrol')}
          </button>
        )
      )}
    </section>
  );
}

/** The compartments each role opens (Role.java). */
const ROLE_COMPARTMENTS: Record<string, string[]> = {
  CLINICIAN: ['GENERAL', 'SGBV'],
  PSYCHOLOGIST: ['GENERAL', 'MENTAL_HEALTH', 'SGBV'],
  SOCIAL_LEGAL_WORKER: ['GENERAL', 'LEGAL'],
  COORDINATOR: ['GENERAL'],
};

function EnrolForm({ personId, programmes, onDone }: { personId: string; programmes: Programme[]; onDone: () => void }) {
  const { t } = useApp();
  const [programme, setProgramme] = useState<Programme>(programmes[0] ?? 'PREGNANCY');
  const [nextVisitOn, setNextVisitOn] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [conditionCode, setConditionCode] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await followUpsApi.enrol(personId, {
        programme,
        startedOn: today(),
        nextVisitOn: nextVisitOn || undefined,
        dueDate: programme === 'PREGNANCY' && dueDate ? dueDate : undefined,
        conditionCode: programme === 'CHRONIC' ? conditionCode.trim().toUpperCase() || undefined : undefined,
        riskFlags: flags,
      });
      onDone();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form onSubmit={submit} noValidate class="enrol-form">
      <FormError problem={problem} placed={['nextVisitOn', 'dueDate', 'conditionCode']} />
      <div class="field">
        <label for="follow-up-programme">{t('followUp.programmeLabel')}</label>
        <select
          id="follow-up-programme"
          data-testid="follow-up-programme"
          value={programme}
          onChange={(event) => {
            setProgramme(event.currentTarget.value as Programme);
            setFlags([]);
          }}
        >
          {programmes.map((value) => (
            <option key={value} value={value}>
              {t(enumKey('followUp.programme', value))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="follow-up-next">{t('followUp.nextVisit')}</label>
        <input id="follow-up-next" type="date" data-testid="follow-up-next" value={nextVisitOn} onInput={(event) => setNextVisitOn(event.currentTarget.value)} />
        <FieldErrors problem={problem} path="nextVisitOn" />
      </div>
      {programme === 'PREGNANCY' && (
        <div class="field">
          <label for="follow-up-due">{t('followUp.dueDateLabel')}</label>
          <input id="follow-up-due" type="date" value={dueDate} onInput={(event) => setDueDate(event.currentTarget.value)} />
          <FieldErrors problem={problem} path="dueDate" />
        </div>
      )}
      {programme === 'CHRONIC' && (
        <div class="field">
          <label for="follow-up-condition">{t('followUp.condition')}</label>
          <input id="follow-up-condition" data-testid="follow-up-condition" placeholder="I10" value={conditionCode} onInput={(event) => setConditionCode(event.currentTarget.value)} />
          <FieldErrors problem={problem} path="conditionCode" />
        </div>
      )}
      <fieldset class="field choice-field">
        <legend>{t('followUp.risks')}</legend>
        <div class="choice-options">
          {RISK_FLAGS[programme].map((flag) => (
            <label key={flag} class="checkbox">
              <input
                type="checkbox"
                checked={flags.includes(flag)}
                data-testid={`follow-up-risk-${flag}`}
                onChange={(event) =>
                  setFlags(event.currentTarget.checked ? [...flags, flag] : flags.filter((f) => f !== flag))
                }
              />
              {t(enumKey('followUp.risk', flag))}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" class="button secondary" onClick={onDone}>
          {t('app.cancel')}
        </button>
        <button type="submit" class="button primary" data-testid="follow-up-save">
          {t('followUp.enrol')}
        </button>
      </div>
    </form>
  );
}

function FollowUpActions({ followUp, onChanged }: { followUp: FollowUp; onChanged: () => void }) {
  const { t } = useApp();
  const [nextVisitOn, setNextVisitOn] = useState(followUp.nextVisitOn ?? '');
  const [reason, setReason] = useState<ClosedReason | ''>('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  return (
    <div class="follow-up-actions">
      <FormError problem={problem} />
      <div class="inline-input">
        <label class="visually-hidden" for={`next-${followUp.id}`}>
          {t('followUp.nextVisit')}
        </label>
        <input id={`next-${followUp.id}`} type="date" value={nextVisitOn} onInput={(event) => setNextVisitOn(event.currentTarget.value)} />
        <button
          type="button"
          class="button secondary"
          onClick={() =>
            act(() =>
              followUpsApi.change(followUp.id, {
                version: followUp.version,
                nextVisitOn: nextVisitOn || null,
                dueDate: followUp.dueDate,
                conditionCode: followUp.conditionCode,
                riskFlags: followUp.riskFlags,
              }),
            )
          }
        >
          {t('followUp.plan')}
        </button>
      </div>
      <div class="inline-input">
        <select aria-label={t('followUp.closeReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value as ClosedReason)}>
          <option value="">{t('followUp.closeReason')}</option>
          {CLOSED_REASONS.map((value) => (
            <option key={value} value={value}>
              {t(enumKey('followUp.closed', value))}
            </option>
          ))}
        </select>
        <button type="button" class="button secondary" disabled={!reason} onClick={() => reason && act(() => followUpsApi.close(followUp.id, followUp.version, reason))}>
          {t('followUp.close')}
        </button>
      </div>
    </div>
  );
}
