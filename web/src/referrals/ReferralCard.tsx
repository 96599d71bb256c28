import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, today } from '../format';
import { enumKey, LANGUAGES, type Language } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { referralsApi, type Referral } from './referralsApi';
import { nextStatuses, OUTCOMES, TRANSPORTS } from './referralsModel';

/** Saves the letter the server made, as a click on a download link would; the browser opens it to print. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface Props {
  referral: Referral;
  summaryLanguage: Language;
  onChanged: () => void;
}

/** One referral: its steps, the next step, an accompaniment, and the letter to print. */
export function ReferralCard({ referral, summaryLanguage, onChanged }: Props) {
  const { t, language } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const [on, setOn] = useState(today());
  const [letterLanguage, setLetterLanguage] = useState<Language>(summaryLanguage);
  const [accompanying, setAccompanying] = useState(false);
  const next = nextStatuses(referral.status);

  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  const recordStep = (event: Event) => {
    event.preventDefault();
    act(() => referralsApi.step(referral.id, { version: referral.version, status: status as never, occurredOn: on }));
  };
  const printLetter = () =>
    act(async () => {
      const file = await referralsApi.letter(referral.id, letterLanguage);
      save(file.blob, file.fileName);
    });

  return (
    <li class={`referral ${referral.overdue ? 'overdue' : ''}`} data-testid="referral">
      <div>
        <strong dir="auto">{referral.serviceName}</strong> · {t(enumKey('referrals.status', referral.status))}
        {referral.overdue && <span class="flag danger"> {t('referrals.overdue')}</span>}
      </div>
      <div class="muted" dir="auto">
        {referral.reason}
      </div>
      <ol class="plain-list muted">
        {referral.steps.map((step, index) => (
          <li key={index}>
            {formatDate(step.occurredOn, language)} · {t(enumKey('referrals.status', step.status))} · {step.recordedBy}
          </li>
        ))}
        {referral.accompaniments.map((one) => (
          <li key={one.id}>
            {formatDate(one.occurredOn, language)} · {t('referrals.accompaniment')}: <span dir="auto">{one.companions}</span> ·{' '}
            {t(enumKey('referrals.transports', one.transport))} · {one.minutes} min · {t(enumKey('referrals.outcomes', one.outcome))}
          </li>
        ))}
      </ol>
      <FormError problem={problem} />
      {next.length > 0 && (
        <form class="field-row" onSubmit={recordStep}>
          <div class="field">
            <label for={`step-${referral.id}`}>{t('referrals.nextStep')}</label>
            <select id={`step-${referral.id}`} value={status} onChange={(event) => setStatus(event.currentTarget.value)} data-testid="referral-next">
              <option value="">{t('app.choose')}</option>
              {next.map((one) => (
                <option key={one} value={one}>
                  {t(enumKey('referrals.status', one))}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`step-on-${referral.id}`}>{t('referrals.date')}</label>
            <input id={`step-on-${referral.id}`} type="date" value={on} onInput={(event) => setOn(event.currentTarget.value)} />
          </div>
          <button type="submit" class="button secondary" disabled={!status} data-testid="referral-step-save">
            {t('referrals.recordStep')}
          </button>
        </form>
      )}
      <div class="actions">
        <label for={`letter-${referral.id}`}>{t('referrals.summaryLanguage')}</label>
        <select id={`letter-${referral.id}`} value={letterLanguage} onChange={(event) => setLetterLanguage(event.currentTarget.value as Language)} data-testid="letter-language">
          {LANGUAGES.map((one) => (
            <option key={one} value={one}>
              {t(enumKey('lang', one))}
            </option>
          ))}
        </select>
        <button type="button" class="button secondary" onClick={printLetter} data-testid="referral-letter">
          {t('referrals.letter')}
        </button>
        <button type="button" class="button link" onClick={() => setAccompanying(!accompanying)} data-testid="referral-accompany">
          {t('referrals.accompany')}
        </button>
      </div>
      {accompanying && <AccompanimentForm referralId={referral.id} onRecorded={() => { setAccompanying(false); onChanged(); }} />}
    </li>
  );
}

function AccompanimentForm({ referralId, onRecorded }: { referralId: string; onRecorded: () => void }) {
  const { t } = useApp();
  const [companions, setCompanions] = useState('');
  const [transport, setTransport] = useState<(typeof TRANSPORTS)[number]>('WALK');
  const [minutes, setMinutes] = useState('60');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('SEEN');
  const [on, setOn] = useState(today());
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await referralsApi.accompany(referralId, {
        id: uuidv7(),
        occurredOn: on,
        companions,
        transport,
        minutes: Number.parseInt(minutes, 10),
        outcome,
      });
      onRecorded();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form class="accompaniment-form" onSubmit={submit} data-testid="accompaniment-form">
      <FormError problem={problem} />
      <div class="field">
        <label for={`companions-${referralId}`}>{t('referrals.companions')}</label>
        <input id={`companions-${referralId}`} value={companions} onInput={(event) => setCompanions(event.currentTarget.value)} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`transport-${referralId}`}>{t('referrals.transport')}</label>
          <select id={`transport-${referralId}`} value={transport} onChange={(event) => setTransport(event.currentTarget.value as typeof transport)}>
            {TRANSPORTS.map((one) => (
              <option key={one} value={one}>
                {t(enumKey('referrals.transports', one))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`minutes-${referralId}`}>{t('referrals.minutes')}</label>
          <input id={`minutes-${referralId}`} type="number" min={1} max={1440} value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`outcome-${referralId}`}>{t('referrals.outcome')}</label>
          <select id={`outcome-${referralId}`} value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as typeof outcome)}>
            {OUTCOMES.map((one) => (
              <option key={one} value={one}>
                {t(enumKey('referrals.outcomes', one))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`accompanied-on-${referralId}`}>{t('referrals.date')}</label>
          <input id={`accompanied-on-${referralId}`} type="date" value={on} onInput={(event) => setOn(event.currentTarget.value)} />
        </div>
      </div>
      <button type="submit" class="button secondary" disabled={!companions.trim()}>
        {t('referrals.recordAccompaniment')}
      </button>
    </form>
  );
}
