import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { useApp } from '../appContext';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { FieldErrors } from './FieldErrors';
import { FormError } from './FormError';

/** The code a sensitive action answers when the user must first confirm who they are. */
export const REAUTHENTICATION_REQUIRED = 'reauthentication-required';

export function needsReauthentication(error: unknown): boolean {
  return error instanceof ApiError && error.code === REAUTHENTICATION_REQUIRED;
}

interface Props {
  /** Called once the server accepted the password (and code): retry the action. */
  onConfirmed: () => void;
  onCancel: () => void;
}

/**
 * Asks for the password again, and the two-step verification code when the user has one, before
 * an export or an emergency access. The confirmation holds for a few minutes in this session.
 */
export function ConfirmIdentity({ onConfirmed, onCancel }: Props) {
  const { t, session } = useApp();
  const withCode = !!session?.secondFactor?.enrolled;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.reauthenticate(password, withCode ? code.trim() : undefined);
      onConfirmed();
    } catch (error) {
      setProblem(toProblem(error, t));
      setBusy(false);
    }
  };

  return (
    <form class="form confirm-identity" onSubmit={submit} data-testid="confirm-identity">
      <h3>{t('reauthentication.title')}</h3>
      <p class="muted">{t('reauthentication.explanation')}</p>
      <FormError problem={problem} placed={['password', 'code']} />
      <label for="confirm-password">{t('login.password')}</label>
      <input
        id="confirm-password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        data-testid="confirm-password"
        onInput={(event) => setPassword((event.currentTarget).value)}
      />
      <FieldErrors problem={problem} path="password" />
      {withCode && (
        <>
          <label for="confirm-code">{t('reauthentication.code')}</label>
          <input
            id="confirm-code"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
            maxLength={32}
            value={code}
            data-testid="confirm-code"
            onInput={(event) => setCode((event.currentTarget).value)}
          />
          <FieldErrors problem={problem} path="code" />
        </>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || !password} data-testid="confirm-submit">
          {t('reauthentication.submit')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A sensitive action (a purge, a rotation of the keys...) that the server may refuse until the user
 * confirms who they are: `run` performs it and hands its result to `onDone`; a refusal for that reason
 * shows `confirmation` (the identity check), after which the action runs again; any other error is
 * `problem`. While `confirmation` is set, a screen shows it instead of its own content.
 */
export function useReauthenticatedAction<T>(action: () => Promise<T>, onDone: (result: T) => void | Promise<void>) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmingIdentity, setConfirmingIdentity] = useState(false);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onDone(await action());
    } catch (error) {
      if (needsReauthentication(error)) {
        setConfirmingIdentity(true);
      } else {
        setProblem(toProblem(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirmation = confirmingIdentity ? (
    <ConfirmIdentity
      onConfirmed={() => {
        setConfirmingIdentity(false);
        run();
      }}
      onCancel={() => setConfirmingIdentity(false)}
    />
  ) : null;

  return { run, busy, problem, confirmation };
}
