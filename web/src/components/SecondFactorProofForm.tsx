import { useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useSubmit } from '../admin/useSubmit';
import { useApp } from '../appContext';
import { FormError } from './FormError';

/** A change to the user's own second factor, each proven with the password and a code. */
export type SecondFactorChange = 'codes' | 'replace' | 'remove';

interface Props {
  change: SecondFactorChange;
  /** Sends the password and code; rejects with the server's problem when they are wrong. */
  onSubmit: (password: string, code: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * Asks for the password and a code before a change to the second factor. New recovery codes need
 * a code from the app; replacing the app or turning it off also accepts a recovery code, for a
 * lost phone.
 */
export function SecondFactorProofForm({ change, onSubmit, onCancel }: Props) {
  const { t } = useApp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { problem, busy, run } = useSubmit();

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(() => onSubmit(password, code.trim()));
  };

  return (
    <form onSubmit={submit} noValidate class="form totp-proof" data-testid="second-factor-proof">
      <h3>{t(`totp.${change}.title`)}</h3>
      <p class="hint">{t(`totp.${change}.explanation`)}</p>
      <FormError problem={problem} placed={['password', 'code']} />
      <TextField
        id="second-factor-password"
        label={t('login.password')}
        type="password"
        value={password}
        onInput={setPassword}
        problem={problem}
        path="password"
        autocomplete="current-password"
      />
      <TextField
        id="second-factor-code"
        label={change === 'codes' ? t('totp.code') : t('totp.codeOrRecoveryCode')}
        value={code}
        onInput={setCode}
        problem={problem}
        path="code"
        autocomplete="one-time-code"
      />
      <div class="actions">
        <button
          type="submit"
          class={change === 'remove' ? 'button danger' : 'button primary'}
          disabled={busy || !password || !code.trim()}
          data-testid="second-factor-proof-submit"
        >
          {busy ? t('totp.confirming') : t(`totp.${change}.submit`)}
        </button>
        <button type="button" class="button" onClick={onCancel} data-testid="second-factor-proof-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
