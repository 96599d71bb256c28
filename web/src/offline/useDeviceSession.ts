// The App's hold on the unlocked device: opened at each unlock (online sign-in with the password,
// enrolment, offline sign-in), closed at logout, wiped once revoked; the offline screens shown when
// the network is lost, and left once the server answers again.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { navigate } from '../router';
import type { Session } from '../types';
import { wipe, type UnlockedDevice } from './device';
import { closeDevice, deviceUnlocked, onDeviceUnlocked, openDevice, WORK_SITE, type DeviceSession } from './deviceSession';

export function useDeviceSession(session: Session | null, setSession: (session: Session | null) => void) {
  const [device, setDevice] = useState<DeviceSession | null>(null);
  const [workOffline, setWorkOffline] = useState(false);
  const [signedInOffline, setSignedInOffline] = useState(false);

  const forget = useCallback(() => {
    setDevice((open) => {
      if (open) closeDevice(open);
      return null;
    });
    setWorkOffline(false);
    setSignedInOffline(false);
  }, []);

  useEffect(() => {
    onDeviceUnlocked((unlocked: UnlockedDevice) => {
      setDevice((open) => {
        if (open?.enrolmentId === unlocked.enrolmentId) return open;
        if (open) closeDevice(open);
        const opened = openDevice(unlocked, () => {
          void wipe(unlocked.enrolmentId);
          forget();
        });
        void opened.engine.start();
        return opened;
      });
    });
  }, []);

  // signed out online: the keys leave memory
  useEffect(() => {
    if (!session && !signedInOffline && device) forget();
  }, [session, signedInOffline, device]);

  // offline work is recorded at the site last chosen online
  useEffect(() => {
    const site = session?.currentSite?.id;
    if (device && site) void device.store.setMeta(WORK_SITE, site);
  }, [device, session?.currentSite?.id]);

  // the network lost: work on the device; back: sync at once
  useEffect(() => {
    if (!device) return undefined;
    const lost = () => {
      device.engine.lost();
      setWorkOffline(true);
    };
    const back = () => void device.engine.syncNow();
    if (!navigator.onLine) lost();
    const unsubscribe = device.engine.subscribe((state) => {
      if (!state.reachable) setWorkOffline(true);
    });
    window.addEventListener('offline', lost);
    window.addEventListener('online', back);
    return () => {
      unsubscribe();
      window.removeEventListener('offline', lost);
      window.removeEventListener('online', back);
    };
  }, [device]);

  const signInOffline = useCallback((unlocked: UnlockedDevice) => {
    setSignedInOffline(true);
    setWorkOffline(true);
    deviceUnlocked(unlocked);
  }, []);

  /** Back to the online screens: with the server's session if it still holds, else through the login. */
  const backOnline = useCallback(async () => {
    const current = await api.session().catch(() => null);
    setSignedInOffline(false);
    setWorkOffline(false);
    setSession(current);
    if (!current) navigate('/login', { replace: true });
  }, []);

  const signOutOffline = useCallback(() => {
    forget();
    setSession(null);
    navigate('/login', { replace: true });
  }, []);

  return { device, workOffline, signedInOffline, signInOffline, backOnline, signOutOffline };
}
