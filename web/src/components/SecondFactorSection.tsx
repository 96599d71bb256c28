import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useSubmit } from '../admin/useSubmit';
import { api } from '../api';
import { mustEnrolSecondFactor, useApp } from '../appContext';
import type { SecondFactorEnrolment } from '../types';
import { FormError } from './FormError';

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

/**
 * Two-step verification on the account screen: its state, enrolment (QR code or key, then a first
 * code) and the recovery codes, shown once.
 */
export function SecondFactorSection() {
  const { session, setSession, t } = useApp();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useSubmit();
  if (!session) return null;
  const enrolled = !!session.secondFactor?.enrolled;

  const begin = () =>
    start.run(async () => {
      setEnrolment(await api.startSecondFactorEnrolment());
    });

  const confirmed = async (codes: string[]) => {
    setEnrolment(null);
    setRecoveryCodes(codes);
    const updated = await api.session().catch(() => null);
    if (updated) setSession(updated);
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
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : enrolled ? (
        <>
          <p class="success" data-testid="totp-status">
            {t('totp.enabled')}
          </p>
          <p class="hint">{t('totp.lostPhone')}</p>
        </>
      ) : enrolment ? (
        <EnrolmentForm enrolment={enrolment} onConfirmed={confirmed} />
      ) : (
        <>
          <p data-testid="totp-status">{t('totp.disabled')}</p>
          <FormError problem={start.problem} />
          <button type="button" class="button primary" disabled={start.busy} onClick={begin} data-testid="totp-enrol">
            {start.busy ? t('totp.starting') : t('totp.enrol')}
          </button>
        </>
      )}
    </section>
  );
}

interface EnrolmentProps {
  enrolment: SecondFactorEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
}

function EnrolmentForm({ enrolment, onConfirmed }: EnrolmentProps) {
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

  const confirm = async (event: Event) => {
    event.preventDefault();
    let codes: string[] = [];
    const ok = await run(async () => {
      codes = (await api.confirmSecondFactorEnrolment(code.trim())).recoveryCodes;
    });
    if (ok) onConfirmed(codes);
  };

  return (
    <form onSubmit={confirm} noValidate class="totp-enrolment">
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
      <button type="submit" class="button primary" disabled={busy} data-testid="totp-confirm">
        {busy ? t('totp.confirming') : t('totp.confirm')}
      </button>
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
