import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useSubmit } from '../admin/useSubmit';
import { api } from '../api';
import { mustEnrolSecondFactor, useApp } from '../appContext';
import type { SecondFactorEnrolment } from '../types';
import { ConfirmIdentity, needsReauthentication } from './ConfirmIdentity';
import { FormError } from './FormError';
import { SecondFactorProofForm, type SecondFactorChange } from './SecondFactorProofForm';

/** The Base32 secret in groups of four, easier to type into an app by hand. */
export function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * The otpauth:// URI as a QR code image (an SVG data: URL, which the CSP allows for images). The
 * generator is loaded only here, not with the rest of the app.
 */
async function qrCode(uri: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** What the section shows after a change to an active second factor. */
type Outcome = 'codesRenewed' | 'replaced' | 'removed';

/**
 * Two-step verification on the account screen: its state, enrolment (QR code or key, then a first
 * code) and the recovery codes, shown once. Once it is on: new recovery codes, a new
 * authenticator app, and turning it off where the role does not require it, each confirmed with
 * the password and a code.
 */
export function SecondFactorSection() {
  const { session, setSession, t } = useApp();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [replacement, setReplacement] = useState<SecondFactorEnrolment | null>(null);
  const [change, setChange] = useState<SecondFactorChange | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const start = useSubmit();
  const [confirming, setConfirming] = useState(false);
  if (!session) return null;
  const enrolled = !!session.secondFactor?.enrolled;
  const mandatory = !!session.secondFactor?.required;

  const begin = () =>
    start.run(async () => {
      try {
        setEnrolment(await api.startSecondFactorEnrolment());
      } catch (error) {
        if (!needsReauthentication(error)) throw error;
        setConfirming(true);
      }
    });

  const refreshSession = async () => {
    const updated = await api.session().catch(() => null);
    if (updated) setSession(updated);
  };

  const confirmed = async (codes: string[]) => {
    setEnrolment(null);
    setRecoveryCodes(codes);
    await refreshSession();
  };

  const choose = (next: SecondFactorChange) => {
    setOutcome(null);
    setChange(next);
  };

  const proven = async (password: string, code: string) => {
    if (change === 'codes') {
      setRecoveryCodes((await api.renewRecoveryCodes(password, code)).recoveryCodes);
      setOutcome('codesRenewed');
    } else if (change === 'replace') {
      setReplacement(await api.startSecondFactorReplacement(password, code));
    } else if (change === 'remove') {
      await api.removeSecondFactor(password, code);
      setOutcome('removed');
      await refreshSession();
    }
    setChange(null);
  };

  const replaced = (codes: string[]) => {
    setReplacement(null);
    setRecoveryCodes(codes);
    setOutcome('replaced');
  };

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('totp.title')}</h2>
      {mustEnrolSecondFactor(session) && (
        <p class="notice" role="alert" data-testid="totp-required">
          {t('totp.requiredNotice')}
        </p>
      )}
      <p class="hint">{t('totp.intro')}</p>
      {outcome && (
        <p class="success" role="status" data-testid="second-factor-outcome">
          {t(`totp.outcome.${outcome}`)}
        </p>
      )}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : replacement ? (
        <EnrolmentForm
          enrolment={replacement}
          confirm={async (code) => (await api.confirmSecondFactorReplacement(code)).recoveryCodes}
          onConfirmed={replaced}
          onCancel={() => setReplacement(null)}
        />
      ) : change ? (
        <SecondFactorProofForm change={change} onSubmit={proven} onCancel={() => setChange(null)} />
      ) : enrolled ? (
        <>
          <p class="success" data-testid="totp-status">
            {t('totp.enabled')}
          </p>
          <p class="hint">{t('totp.lostPhone')}</p>
          <div class="actions">
            <button
              type="button"
              class="button secondary"
              onClick={() => choose('codes')}
              data-testid="second-factor-new-codes"
            >
              {t('totp.codes.start')}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={() => choose('replace')}
              data-testid="second-factor-replace"
            >
              {t('totp.replace.start')}
            </button>
            {!mandatory && (
              <button
                type="button"
                class="button danger"
                onClick={() => choose('remove')}
                data-testid="second-factor-remove"
              >
                {t('totp.remove.start')}
              </button>
            )}
          </div>
        </>
      ) : enrolment ? (
        <EnrolmentForm
          enrolment={enrolment}
          confirm={async (code) => (await api.confirmSecondFactorEnrolment(code)).recoveryCodes}
          onConfirmed={confirmed}
        />
      ) : (
        <>
          <p data-testid="totp-status">{t('totp.disabled')}</p>
          <FormError problem={start.problem} />
          {confirming ? (
            <ConfirmIdentity
              onConfirmed={() => {
                setConfirming(false);
                begin();
              }}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button type="button" class="button primary" disabled={start.busy} onClick={begin} data-testid="totp-enrol">
              {start.busy ? t('totp.starting') : t('totp.enrol')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

interface EnrolmentProps {
  enrolment: SecondFactorEnrolment;
  /** Sends the first code from the app; resolves to the new recovery codes. */
  confirm: (code: string) => Promise<string[]>;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel?: () => void;
}

function EnrolmentForm({ enrolment, confirm, onConfirmed, onCancel }: EnrolmentProps) {
  const { t } = useApp();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const { problem, busy, run } = useSubmit();

  useEffect(() => {
    let current = true;
    qrCode(enrolment.uri)
      .then((url) => current && setQr(url))
      .catch(() => current && setQr(null));
    return () => {
      current = false;
    };
  }, [enrolment.uri]);

  const submit = async (event: Event) => {
    event.preventDefault();
    let codes: string[] = [];
    const ok = await run(async () => {
      codes = await confirm(code.trim());
    });
    if (ok) onConfirmed(codes);
  };

  return (
    <form onSubmit={submit} noValidate class="totp-enrolment">
      <p>{t('totp.scan')}</p>
      {qr && <img class="totp-qr" src={qr} alt={t('totp.qrAlt')} width={200} height={200} data-testid="totp-qr" />}
      <p>
        {t('totp.secret')}{' '}
        <code class="mono totp-secret" data-testid="totp-secret">
          {groupsOfFour(enrolment.secret)}
        </code>
      </p>
      <FormError problem={problem} placed={['code']} />
      <TextField
        id="totp-code"
        label={t('totp.code')}
        value={code}
        onInput={setCode}
        problem={problem}
        path="code"
        autocomplete="one-time-code"
      />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="totp-confirm">
          {busy ? t('totp.confirming') : t('totp.confirm')}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel} data-testid="totp-cancel">
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useApp();
  return (
    <div class="recovery-codes" data-testid="totp-recovery">
      <h3>{t('totp.recoveryTitle')}</h3>
      <p class="notice" role="alert">
        <strong>{t('totp.recoveryWarning')}</strong>
      </p>
      <ol class="mono" data-testid="totp-recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" class="button secondary" onClick={onDone} data-testid="totp-recovery-done">
        {t('totp.recoveryDone')}
      </button>
    </div>
  );
}
