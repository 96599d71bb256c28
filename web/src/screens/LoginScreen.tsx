import { useState } from 'preact/hooks';
import { api } from '../api';
import { mustEnrolSecondFactor, useApp } from '../appContext';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem, Session } from '../types';

/** Where a user goes once logged in: to set up a required second factor, else to work. */
export function landingPath(session: Session): string {
  if (mustEnrolSecondFactor(session)) return '/account';
  return session.currentSite ? '/' : '/sites';
}

/** Password first; then, for a user with two-step verification, the code from their app. */
export function LoginScreen({ pending: pendingAtLoad = null }: { pending?: Session | null }) {
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
      {problem && <LoginError problem={problem} />}
      {pending ? (
        <CodeForm onVerified={enter} onProblem={setProblem} onStartOver={startOver} />
      ) : (
        <PasswordForm
          onProblem={setProblem}
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
}

function PasswordForm({ onLoggedIn, onProblem }: PasswordFormProps) {
  const { t } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    onProblem(null);
    try {
      const session = await api.login(username.trim(), password);
      setPassword('');
      onLoggedIn(session);
    } catch (error) {
      onProblem(toProblem(error, t));
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
