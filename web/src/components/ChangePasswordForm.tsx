import { useMemo, useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useSubmit } from '../admin/useSubmit';
import { api } from '../api';
import { useApp } from '../appContext';
import type { Translate } from '../i18n';
import { localProblem } from '../problems';
import type { FieldProblem, Problem } from '../types';
import { FormError } from './FormError';

/** The server's policy; it checks again, and refuses very common passwords. */
export const MIN_PASSWORD_LENGTH = 12;

const PLACED = ['currentPassword', 'newPassword', 'repeatPassword'];

/**
 * The server names the new password `password` for its policy errors and `newPassword` for
 * validation errors: both go under the new-password input.
 */
export function placePasswordProblem(problem: Problem | null): Problem | null {
  if (!problem?.fieldErrors) return problem;
  return {
    ...problem,
    fieldErrors: problem.fieldErrors.map((error) => (error.field === 'password' ? { ...error, field: 'newPassword' } : error)),
  };
}

function checkLocally(current: string, next: string, repeat: string, t: Translate): Problem | null {
  const errors: FieldProblem[] = [];
  if (current === '') {
    errors.push({ field: 'currentPassword', code: 'required', message: t('account.currentRequired') });
  }
  if ([...next].length < MIN_PASSWORD_LENGTH) {
    errors.push({ field: 'newPassword', code: 'password-too-short', message: t('account.tooShort') });
  }
  if (next !== repeat) {
    errors.push({ field: 'repeatPassword', code: 'mismatch', message: t('account.mismatch') });
  }
  return errors.length > 0 ? localProblem(errors) : null;
}

/** Current password, new password twice; on success the server ends the user's other sessions. */
export function ChangePasswordForm() {
  const { t } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<Problem | null>(null);
  const { problem: serverProblem, busy, done, run } = useSubmit();
  const problem = useMemo(() => localError ?? placePasswordProblem(serverProblem), [localError, serverProblem]);

  const save = async (event: Event) => {
    event.preventDefault();
    const invalid = checkLocally(current, next, repeat, t);
    setLocalError(invalid);
    if (invalid) return;
    if (await run(() => api.changePassword(current, next))) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  };

  return (
    <section class="card" aria-labelledby="account-password-title">
      <h2 id="account-password-title">{t('account.passwordTitle')}</h2>
      <form onSubmit={save} noValidate class="account-form">
        <FormError problem={problem} placed={PLACED} />
        <TextField
          id="account-current-password"
          type="password"
          autocomplete="current-password"
          label={t('account.currentPassword')}
          value={current}
          onInput={setCurrent}
          problem={problem}
          path="currentPassword"
        />
        <TextField
          id="account-new-password"
          type="password"
          autocomplete="new-password"
          label={t('account.newPassword')}
          hint={t('account.passwordPolicy')}
          value={next}
          onInput={setNext}
          problem={problem}
          path="newPassword"
        />
        <TextField
          id="account-repeat-password"
          type="password"
          autocomplete="new-password"
          label={t('account.repeatPassword')}
          value={repeat}
          onInput={setRepeat}
          problem={problem}
          path="repeatPassword"
        />
        <p class="hint">{t('account.otherSessions')}</p>
        <button type="submit" class="button primary" disabled={busy} data-testid="account-save">
          {busy ? t('account.saving') : t('account.save')}
        </button>
        {done && !localError && (
          <p class="success" role="status" data-testid="account-saved">
            {t('account.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
