import { useState } from 'preact/hooks';
import { api, ApiError, NETWORK_FAILURE } from '../api';
import { keepsStockOnly, mustEnrolSecondFactor, useApp } from '../appContext';
import { toProblem } from '../problems';
import { signInOffline, unlockAtSignIn } from '../offline/device';
import { deviceUnlocked } from '../offline/deviceSession';
import type { OfflineSession } from '../offline/OfflineScreen';
import { navigate } from '../router';
import type { Problem, Session } from '../types';

/** Where a user goes once logged in: to set up a required second factor, else to work. */
export function landingPath(session: Session): string {
  if (mustEnrolSecondFactor(session)) return '/account';
  if (!session.currentSite) return '/sites';
  return keepsStockOnly(session) ? '/stock' : '/';
}

/** Password first; then, for a user with two-step verification, the code from their app. */
interface LoginScreenProps {
  pending?: Session | null;
  /** Without network, an enrolled device signs the user in on its own. */
  onOffline?: (session: OfflineSession) => void;
  /** How many revoked enrolments the device wiped at its last contact. */
  wipedHere?: number;
}

export function LoginScreen({ pending: pendingAtLoad = null, onOffline, wipedHere = 0 }: LoginScreenProps) {
  const { setSession, t } = useApp();
  const [pending, setPending] = useState<Session | null>(pendingAtLoad);
  const [problem, setProblem] = useState<Problem | null>(null);

  const enter = (next: Session) => {
    setSession(next);
    navigate(landingPath(next), { replace: true });
  };

  const startOver = () => {
    api.logout().catch(() => {});
    setProblem(null);
    setPending(null);
    setSession(null);
  };

  return (
    <section class="card narrow">
      <h1>{pending ? t('login.codeTitle') : t('login.title')}</h1>
      {wipedHere > 0 && <p role="status" data-testid="device-wiped">{t.plural('devices.wiped', wipedHere)}</p>}
      {problem && <LoginError problem={problem} />}
      {pending ? (
        <CodeForm onVerified={enter} onProblem={setProblem} onStartOver={startOver} />
      ) : (
        <PasswordForm
          onProblem={setProblem}
          onOffline={onOffline}
          onLoggedIn={(next) => (next.secondFactorRequired ? setPending(next) : enter(next))}
        />
      )}
    </section>
  );
}

function LoginError({ problem }: { problem: Problem }) {
  const { t } = useApp();
  return (
    <div class="form-error" role="alert" data-testid="login-error">
      <p>{problem.detail}</p>
      {problem.code === 'too-many-attempts' && problem.retryAfterSeconds !== undefined && (
        <p data-testid="login-retry-after">
          {t('login.retryAfter', { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) })}
        </p>
      )}
      {problem.fieldErrors?.map((error) => (
        <p key={error.field}>{error.message}</p>
      ))}
    </div>
  );
}

interface PasswordFormProps {
  onLoggedIn: (session: Session) => void;
  onProblem: (problem: Problem | null) => void;
  onOffline?: (session: OfflineSession) => void;
}

/** An enrolled device unlocks with the password of an online sign-in, and starts syncing its copy. */
function unlockDevice(username: string, password: string): void {
  unlockAtSignIn(username, password, Date.now())
    .then((unlocked) => unlocked && deviceUnlocked(unlocked))
    .catch(() => {}); // no usable store here (private browsing): online work goes on without it
}

/** The offline sign-in's refusal, as a problem shown like the server's. */
function offlineProblem(message: string): Problem {
  return { status: 401, code: 'offline-sign-in', detail: message };
}

function PasswordForm({ onLoggedIn, onProblem, onOffline }: PasswordFormProps) {
  const { t } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const offlineSignIn = async () => {
    const result = await signInOffline(username, password, Date.now());
    setPassword('');
    switch (result.outcome) {
      case 'signed-in':
        onOffline?.({ enrolmentId: result.enrolmentId, keys: result.keys, profile: result.profile });
        return;
      case 'wrong-password':
        onProblem(offlineProblem(t.plural('login.offlineWrongPassword', result.attemptsLeft)));
        return;
      case 'not-enrolled':
        onProblem(offlineProblem(t('login.offlineNotEnrolled')));
        return;
      case 'expired':
        onProblem(offlineProblem(t('login.offlineExpired')));
        return;
      case 'wiped':
        onProblem(offlineProblem(t('login.offlineWiped')));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    onProblem(null);
    try {
      const session = await api.login(username.trim(), password);
      setPassword('');
      onLoggedIn(session);
      unlockDevice(username, password);
    } catch (error) {
      if (onOffline && error instanceof ApiError && error.status === NETWORK_FAILURE) {
        await offlineSignIn();
      } else {
        onProblem(toProblem(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="intro">{t('login.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
            data-testid="login-username"
          />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            data-testid="login-password"
          />
        </div>
        <button type="submit" class="button primary" disabled={busy} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}

interface CodeFormProps {
  onVerified: (session: Session) => void;
  onProblem: (problem: Problem | null) => void;
  onStartOver: () => void;
}

function CodeForm({ onVerified, onProblem, onStartOver }: CodeFormProps) {
  const { t } = useApp();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    onProblem(null);
    try {
      const session = await api.verifySecondFactor(code.trim());
      onVerified(session);
    } catch (error) {
      setCode('');
      onProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const switchMode = () => {
    setRecovery(!recovery);
    setCode('');
    onProblem(null);
  };

  return (
    <>
      <p class="intro">{recovery ? t('login.recoveryIntro') : t('login.codeIntro')}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-code">{recovery ? t('login.recoveryCode') : t('login.code')}</label>
          <input
            id="login-code"
            name="code"
            class="mono"
            inputMode={recovery ? 'text' : 'numeric'}
            pattern={recovery ? undefined : '[0-9]*'}
            maxLength={recovery ? 32 : 6}
            autocomplete="one-time-code"
            autocapitalize="none"
            spellcheck={false}
            required
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
            data-testid="login-code"
          />
        </div>
        <button type="submit" class="button primary" disabled={busy} data-testid="login-code-submit">
          {busy ? t('login.codeSubmitting') : t('login.codeSubmit')}
        </button>
      </form>
      <p>
        <button type="button" class="button link" onClick={switchMode} data-testid="login-use-recovery">
          {recovery ? t('login.useCode') : t('login.useRecovery')}
        </button>
      </p>
      <p>
        <button type="button" class="button link" onClick={onStartOver} data-testid="login-start-over">
          {t('login.startOver')}
        </button>
      </p>
    </>
  );
}
