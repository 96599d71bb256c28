import { useState } from 'preact/hooks';
import { api } from '../api';
import { caresForPeople, useApp } from '../appContext';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { ConfirmIdentity, needsReauthentication } from './ConfirmIdentity';
import { FieldErrors } from './FieldErrors';
import { FormError } from './FormError';

/**
 * What a carer sees of a person followed only at other sites: the two ways in. Taking them into
 * care here is the everyday one, when the person comes to this site; break-the-glass is for
 * emergencies, opens the whole file for a few hours, and is reviewed.
 */
export function OutsideScope({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t, session } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  if (!caresForPeople(session)) {
    return (
      <section class="card" data-testid="outside-scope">
        <p>{t('scope.outside')}</p>
      </section>
    );
  }

  const takeIntoCare = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.takeIntoCare(personId);
      onOpened();
    } catch (error) {
      setProblem(toProblem(error, t));
      setBusy(false);
    }
  };

  return (
    <section class="card outside-scope" data-testid="outside-scope">
      <h1>{t('scope.title')}</h1>
      <p>{t('scope.outside')}</p>
      <FormError problem={problem} />
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={busy || !session?.currentSite}
          onClick={takeIntoCare}
          data-testid="take-into-care"
        >
          {t('scope.takeIntoCare', { site: session?.currentSite?.name ?? '' })}
        </button>
      </div>
      <p class="hint">{t('scope.takeIntoCareHint')}</p>
      <EmergencyAccessForm personId={personId} onOpened={onOpened} />
    </section>
  );
}

/**
 * Break-the-glass: a typed reason, then the user's password (and code) again; opens the whole
 * file, every compartment, for reading, for a few hours. Reviewed afterwards.
 */
export function EmergencyAccessForm({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const openFile = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.openEmergencyAccess(personId, reason.trim());
      onOpened();
    } catch (error) {
      if (needsReauthentication(error)) {
        setConfirming(true);
      } else {
        setProblem(toProblem(error, t));
      }
      setBusy(false);
    }
  };

  return (
    <details class="emergency-access" data-testid="emergency-access">
      <summary>{t('emergency.title')}</summary>
      {confirming ? (
        <ConfirmIdentity
          onConfirmed={() => {
            setConfirming(false);
            openFile();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <form
          class="form"
          onSubmit={(event) => {
            event.preventDefault();
            openFile();
          }}
        >
          <p class="muted">{t('emergency.explanation')}</p>
          <FormError problem={problem} placed={['reason']} />
          <label for="emergency-reason">{t('emergency.reason')}</label>
          <textarea
            id="emergency-reason"
            required
            minLength={10}
            maxLength={500}
            value={reason}
            data-testid="emergency-reason"
            onInput={(event) => setReason((event.currentTarget).value)}
          />
          <FieldErrors problem={problem} path="reason" />
          <button
            type="submit"
            class="button danger"
            disabled={busy || reason.trim().length < 10}
            data-testid="emergency-submit"
          >
            {t('emergency.submit')}
          </button>
        </form>
      )}
    </details>
  );
}
