import { useState } from 'preact/hooks';
import { api } from '../api';
import { caresForPeople, useApp } from '../appContext';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { formatPatientCode } from '../patientCode';
import { CardScanner } from './CardScanner';
import { ConfirmIdentity, needsReauthentication } from './ConfirmIdentity';
import { FieldErrors } from './FieldErrors';
import { FormError } from './FormError';

/**
 * What a carer sees of a person followed only at other sites: the two ways in. Taking them into
 * care here is the everyday one, when the person comes to this site with their card; break-the-glass
 * is for emergencies, opens the whole file for a few hours. Both are reviewed.
 */
export function OutsideScope({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t, session } = useApp();

  if (!caresForPeople(session)) {
    return (
      <section class="card" data-testid="outside-scope">
        <p>{t('scope.outside')}</p>
      </section>
    );
  }

  return (
    <section class="card outside-scope" data-testid="outside-scope">
      <h1>{t('scope.title')}</h1>
      <p>{t('scope.outside')}</p>
      <TakeIntoCareForm personId={personId} onOpened={onOpened} />
      <EmergencyAccessForm personId={personId} onOpened={onOpened} />
    </section>
  );
}

/**
 * Taking into care at the current site, when the person comes to it: a typed reason and the
 * patient code of the card the person shows, typed or scanned, which the server checks against
 * the person. Recorded and reviewed like an emergency access.
 */
export function TakeIntoCareForm({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t, session } = useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const site = session?.currentSite?.name ?? '';

  const takeIntoCare = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.takeIntoCare(personId, reason.trim(), code.trim());
      onOpened();
    } catch (error) {
      setProblem(toProblem(error, t));
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <>
        <div class="actions">
          <button
            type="button"
            class="button primary"
            disabled={!session?.currentSite}
            onClick={() => setOpen(true)}
            data-testid="take-into-care"
          >
            {t('scope.takeIntoCare', { site })}
          </button>
        </div>
        <p class="hint">{t('scope.takeIntoCareHint')}</p>
      </>
    );
  }

  return (
    <form class="form take-into-care" onSubmit={takeIntoCare} data-testid="take-into-care-form">
      <h2>{t('scope.takeIntoCare', { site })}</h2>
      <p class="muted">{t('scope.takeIntoCareExplanation')}</p>
      <FormError problem={problem} placed={['reason', 'patientCode']} />
      <label for="care-reason">{t('scope.reason')}</label>
      <textarea
        id="care-reason"
        required
        minLength={10}
        maxLength={500}
        value={reason}
        data-testid="care-reason"
        onInput={(event) => setReason((event.currentTarget).value)}
      />
      <FieldErrors problem={problem} path="reason" />
      <label for="care-patient-code">{t('scope.patientCode')}</label>
      <input
        id="care-patient-code"
        dir="ltr"
        autocomplete="off"
        autocapitalize="characters"
        required
        maxLength={32}
        value={code}
        data-testid="care-patient-code"
        onInput={(event) => setCode((event.currentTarget).value)}
      />
      <FieldErrors problem={problem} path="patientCode" />
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => setScanning(!scanning)}
          aria-expanded={scanning}
          data-testid="care-scan"
        >
          {t('scan.open')}
        </button>
      </div>
      {scanning && (
        <CardScanner
          onCode={(scanned) => {
            setScanning(false);
            setCode(formatPatientCode(scanned));
          }}
          onClose={() => setScanning(false)}
        />
      )}
      <div class="actions">
        <button
          type="submit"
          class="button primary"
          disabled={busy || reason.trim().length < 10 || !code.trim()}
          data-testid="care-submit"
        >
          {t('scope.takeIntoCareSubmit')}
        </button>
        <button type="button" class="button" onClick={() => setOpen(false)} data-testid="care-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
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
