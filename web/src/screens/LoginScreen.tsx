import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { toProblem } from '../problems';
import { navigate } from '../router';
import type { Problem } from '../types';

export function LoginScreen() {
  const { setSession, t } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await api.login(username.trim(), password);
      setPassword('');
      setSession(session);
      navigate(session.currentSite ? '/' : '/sites', { replace: true });
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card narrow">
      <h1>{t('login.title')}</h1>
      <p class="intro">{t('login.intro')}</p>
      <form onSubmit={submit} noValidate>
        {problem && (
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
        )}
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
    </section>
  );
}
