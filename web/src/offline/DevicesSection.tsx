import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { useReauthenticatedAction } from '../components/ConfirmIdentity';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format';
import { toProblem } from '../problems';
import type { Device, Problem, Session } from '../types';
import { deviceUnlocked } from './deviceSession';
import { enrolmentOf, keepEnrolment, newEnrolmentRequest, type OfflineProfile } from './device';

/** Who the user is, as the device keeps it (sealed) to show them offline. */
function profileOf(session: Session): OfflineProfile {
  return {
    userId: session.user.id,
    username: session.user.username,
    displayName: session.user.displayName,
    roles: [...session.user.roles],
    sites: session.sites.map((site) => ({ id: site.id, name: site.name })),
    secondFactorRequired: !!session.secondFactor?.required,
  };
}

/**
 * On the account screen: enrol this device for offline work (the password typed here is checked by
 * the server, then stretched to wrap the device's keys), and the user's devices, each revocable.
 */
export function DevicesSection() {
  const { session, t } = useApp();
  const [enrolledHere, setEnrolledHere] = useState<{ id: string; days: number } | null>(null);
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const username = session?.user.username;

  const findHere = async () => {
    if (!username) return;
    // without IndexedDB (a private window of some browsers) the device cannot be enrolled
    const enrolment = await enrolmentOf(username).catch(() => undefined);
    setEnrolledHere(enrolment ? { id: enrolment.id, days: enrolment.offlineAccessDays } : null);
  };

  const loadDevices = async () => {
    setProblem(null);
    try {
      setDevices(await api.myDevices());
      await findHere();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    findHere();
  }, [username]);

  if (!session) return null;

  return (
    <section class="card" aria-labelledby="devices-title" data-testid="devices-section">
      <h2 id="devices-title">{t('devices.title')}</h2>
      <p class="muted">{t('devices.intro')}</p>
      <FormError problem={problem} />
      {enrolledHere ? (
        <p role="status" data-testid="device-enrolled">{t('devices.enrolledHere', { days: enrolledHere.days })}</p>
      ) : (
        <EnrolForm session={session} onEnrolled={findHere} />
      )}
      {devices ? (
        <DeviceList devices={devices} here={enrolledHere ? [enrolledHere.id] : []} onChanged={loadDevices} />
      ) : (
        <button type="button" class="button" onClick={loadDevices} data-testid="devices-show">
          {t('devices.mine')}
        </button>
      )}
    </section>
  );
}

function EnrolForm({ session, onEnrolled }: { session: Session; onEnrolled: () => void }) {
  const { t } = useApp();
  const withCode = !!session.secondFactor?.enrolled;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.reauthenticate(password, withCode ? code.trim() : undefined);
      const request = await newEnrolmentRequest(name.trim());
      const enrolled = await api.enrolDevice(request);
      const profile = profileOf(session);
      const keys = await keepEnrolment(request, password, profile, enrolled.offlineAccessDays, Date.now());
      deviceUnlocked({ enrolmentId: request.id, keys, profile });
      setPassword('');
      onEnrolled();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} data-testid="device-enrol">
      <FormError problem={problem} />
      <label for="device-name">{t('devices.name')}</label>
      <input id="device-name" required maxLength={80} value={name} data-testid="device-name"
        onInput={(event) => setName(event.currentTarget.value)} />
      <label for="device-password">{t('devices.password')}</label>
      <input id="device-password" type="password" autocomplete="current-password" required value={password}
        data-testid="device-password" onInput={(event) => setPassword(event.currentTarget.value)} />
      {withCode && (
        <>
          <label for="device-code">{t('devices.code')}</label>
          <input id="device-code" inputMode="numeric" autocomplete="one-time-code" required maxLength={32} value={code}
            data-testid="device-code" onInput={(event) => setCode(event.currentTarget.value)} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || !name.trim() || !password} data-testid="device-enrol-submit">
          {busy ? t('devices.enrolling') : t('devices.enrol')}
        </button>
      </div>
    </form>
  );
}

interface DeviceListProps {
  devices: Device[];
  here: string[];
  onChanged: () => void;
  /** Whether to show whose device each is (the administrators' list). */
  withUser?: boolean;
}

/** Devices with their state; an active one can be revoked after the user confirms who they are. */
export function DeviceList({ devices, here, onChanged, withUser = false }: DeviceListProps) {
  const { t } = useApp();
  if (devices.length === 0) return <p class="muted">{t('devices.none')}</p>;
  return (
    <table class="table" data-testid="device-list">
      <thead>
        <tr>
          <th scope="col">{t('devices.name')}</th>
          {withUser && <th scope="col">{t('devices.user')}</th>}
          <th scope="col">{t('devices.enrolledAt')}</th>
          <th scope="col">{t('devices.lastContact')}</th>
          <th scope="col">{t('devices.status')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <DeviceRow key={device.id} device={device} here={here.includes(device.id)} withUser={withUser} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

function DeviceRow({ device, here, withUser, onChanged }: { device: Device; here: boolean; withUser: boolean; onChanged: () => void }) {
  const { t, language } = useApp();
  const revoke = useReauthenticatedAction(() => api.revokeDevice(device.id), onChanged);
  return (
    <>
      <tr data-testid="device-row">
        <td>
          {device.name} {here && <span class="muted">{t('devices.thisDevice')}</span>}
        </td>
        {withUser && <td class="mono">{device.username}</td>}
        <td>{formatDateTime(device.enrolledAt, language)}</td>
        <td>{formatDateTime(device.lastContactAt, language)}</td>
        <td>
          {device.revokedAt ? (
            t('devices.revokedAt', { date: formatDateTime(device.revokedAt, language) })
          ) : (
            <>
              {t('devices.active')}{' '}
              <button type="button" class="button" disabled={revoke.busy} onClick={revoke.run} data-testid="device-revoke">
                {t('devices.revoke')}
              </button>
            </>
          )}
          <FormError problem={revoke.problem} />
        </td>
      </tr>
      {revoke.confirmation && (
        <tr>
          <td colSpan={withUser ? 5 : 4}>{revoke.confirmation}</td>
        </tr>
      )}
    </>
  );
}

/** Every enrolled device, for administrators. */
export function DevicesPanel() {
  const { t } = useApp();
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = async () => {
    try {
      setDevices(await api.allDevices());
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, []);
  return (
    <section class="card" aria-labelledby="admin-devices" data-testid="devices-panel">
      <h2 id="admin-devices">{t('devices.all')}</h2>
      <FormError problem={problem} />
      {devices && <DeviceList devices={devices} here={[]} withUser onChanged={load} />}
    </section>
  );
}
