import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { toProblem } from '../problems';
import { navigate } from '../router';
import { ERASURE_REASONS, type ErasureReason, type Problem } from '../types';
import { ConfirmIdentity, needsReauthentication } from './ConfirmIdentity';
import { FormError } from './FormError';

/**
 * Erasure of a person's record, for data officers and administrators: a reason, an optional note
 * that must not name the person, a confirmation, then the user's password (and code) again when the
 * server asks for it. Nothing of the person can be read afterwards.
 */
export function ErasePerson({ personId }: { personId: string }) {
  const { t } = useApp();
  const [reason, setReason] = useState<ErasureReason | ''>('');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingIdentity, setConfirmingIdentity] = useState(false);

  const erase = async () => {
    if (!reason || !confirmed) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.erasePerson(personId, reason, note.trim() || undefined);
      navigate('/', { replace: true });
    } catch (error) {
      setConfirmingIdentity(needsReauthentication(error));
      if (!needsReauthentication(error)) setProblem(toProblem(error, t));
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    erase();
  };

  return (
    <details class="erase-person" data-testid="erase-person">
      <summary>{t('erasure.title')}</summary>
      <form onSubmit={submit} class="form">
        <p class="muted">{t('erasure.explanation')}</p>
        <FormError problem={problem} />
        <label for="erasure-reason">{t('erasure.reason')}</label>
        <select
          id="erasure-reason"
          value={reason}
          required
          data-testid="erasure-reason"
          onChange={(event) => setReason((event.currentTarget).value as ErasureReason)}
        >
          <option value="">{t('erasure.chooseReason')}</option>
          {ERASURE_REASONS.map((value) => (
            <option key={value} value={value}>
              {t(`erasure.reason.${value}`)}
            </option>
          ))}
        </select>
        <label for="erasure-note">{t('erasure.note')}</label>
        <textarea
          id="erasure-note"
          maxLength={500}
          value={note}
          data-testid="erasure-note"
          onInput={(event) => setNote((event.currentTarget).value)}
        />
        <p class="hint">{t('erasure.noteHint')}</p>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            data-testid="erasure-confirm"
            onChange={(event) => setConfirmed((event.currentTarget).checked)}
          />
          {t('erasure.confirm')}
        </label>
        <button
          type="submit"
          class="button danger"
          disabled={!reason || !confirmed || busy || confirmingIdentity}
          data-testid="erasure-submit"
        >
          {t('erasure.submit')}
        </button>
      </form>
      {confirmingIdentity && (
        <ConfirmIdentity
          onConfirmed={() => {
            setConfirmingIdentity(false);
            erase();
          }}
          onCancel={() => setConfirmingIdentity(false)}
        />
      )}
    </details>
  );
}
