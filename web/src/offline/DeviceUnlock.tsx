// After a reload the server's session may still hold while the device's keys, kept in memory only,
// are gone: the enrolled device is locked. The user unlocks it with her password, checked on the
// device alone (the wrapped keys are the verifier, as at an offline sign-in): it works without
// network, counts the wrong passwords and wipes the user's data after the last one allowed.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { enrolmentOf, signInOffline } from './device';
import { deviceUnlocked } from './deviceSession';

export function DeviceUnlock({ username }: { username: string }) {
  const { t } = useApp();
  const [enrolled, setEnrolled] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    let current = true;
    enrolmentOf(username).then((enrolment) => current && setEnrolled(enrolment !== undefined)).catch(() => {});
    return () => {
      current = false;
    };
  }, [username]);

  useEffect(() => {
    const follow = () => setOnline(navigator.onLine);
    window.addEventListener('online', follow);
    window.addEventListener('offline', follow);
    return () => {
      window.removeEventListener('online', follow);
      window.removeEventListener('offline', follow);
    };
  }, []);

  if (!enrolled && !message) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = await signInOffline(username, password, Date.now());
      setPassword('');
      switch (result.outcome) {
        case 'signed-in':
          deviceUnlocked({ enrolmentId: result.enrolmentId, keys: result.keys, profile: result.profile });
          return;
        case 'wrong-password':
          setMessage(t.plural('login.offlineWrongPassword', result.attemptsLeft));
          return;
        case 'expired':
          setMessage(t('login.offlineExpired'));
          return;
        case 'not-enrolled':
        case 'wiped':
          setEnrolled(false);
          setMessage(t(result.outcome === 'wiped' ? 'login.offlineWiped' : 'login.offlineNotEnrolled'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sync-status device-unlock" data-testid="device-unlock" aria-label={t('deviceUnlock.title')}>
      {message && <p class="form-error" role="alert" data-testid="device-unlock-error">{message}</p>}
      {enrolled && (
        <form onSubmit={submit} noValidate>
          <p data-testid="device-unlock-explanation">{t(online ? 'deviceUnlock.locked' : 'deviceUnlock.lockedOffline')}</p>
          <div class="field">
            <label for="device-unlock-password">{t('login.password')}</label>
            <input id="device-unlock-password" type="password" autocomplete="current-password" value={password}
              onInput={(event) => setPassword(event.currentTarget.value)} data-testid="device-unlock-password" />
          </div>
          <button type="submit" class="button primary" disabled={busy || password === ''} data-testid="device-unlock-submit">
            {busy ? t('deviceUnlock.unlocking') : t('deviceUnlock.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
