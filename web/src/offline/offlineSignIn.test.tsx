import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { LoginScreen } from '../screens/LoginScreen';
import { click, mount, settle, typeInto } from '../test/render';
import { signInOffline } from './device';
import { OutboxIndicator } from './OfflineScreen';

vi.mock('./device', () => ({ signInOffline: vi.fn() }));

describe('signing in without network', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const offline = vi.mocked(signInOffline);

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    document.cookie = 'XSRF-TOKEN=token';
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    offline.mockReset();
    document.body.innerHTML = '';
  });

  const submit = async (language: 'fr' | 'en' | 'ar', onOffline = vi.fn()) => {
    const screen = mount(<LoginScreen onOffline={onOffline} />, language, null);
    typeInto(screen.byTestId('login-username'), 'amina');
    typeInto(screen.byTestId('login-password'), 'correct-horse-battery');
    click(screen.byTestId('login-submit'));
    await settle();
    await settle();
    return screen;
  };

  it('unlocks the enrolled device when the server cannot be reached', async () => {
    const session = { outcome: 'signed-in', enrolmentId: 'e1', keys: {}, profile: { displayName: 'Amina' } };
    offline.mockResolvedValue(session as unknown as Awaited<ReturnType<typeof signInOffline>>);
    const onOffline = vi.fn();

    await submit('fr', onOffline);

    expect(offline).toHaveBeenCalledWith('amina', 'correct-horse-battery', expect.any(Number));
    expect(onOffline).toHaveBeenCalledWith({ enrolmentId: 'e1', keys: {}, profile: { displayName: 'Amina' } });
  });

  it('says how many tries are left before the wipe, in each language', async () => {
    offline.mockResolvedValue({ outcome: 'wrong-password', attemptsLeft: 3 });
    expect((await submit('fr')).byTestId('login-error')?.textContent).toContain('Encore 3 essais');
    document.body.innerHTML = '';
    expect((await submit('en')).byTestId('login-error')?.textContent).toContain('3 more tries');
    document.body.innerHTML = '';
    expect((await submit('ar')).byTestId('login-error')?.textContent).toContain('تبقى 3 محاولات');
  });

  it('says the device is not enrolled for this user', async () => {
    offline.mockResolvedValue({ outcome: 'not-enrolled' });
    expect((await submit('fr')).byTestId('login-error')?.textContent).toContain('pas enrôlé');
  });
});

describe('the outbox indicator', () => {
  it('says what waits to sync, in each language', () => {
    const fr = mount(<OutboxIndicator count={2} />, 'fr', null);
    expect(fr.byTestId('outbox-indicator')?.textContent).toBe('2 modifications attendent la synchronisation');
    document.body.innerHTML = '';
    const ar = mount(<OutboxIndicator count={1} />, 'ar', null);
    expect(ar.byTestId('outbox-indicator')?.textContent).toBe('تعديل واحد ينتظر المزامنة');
    document.body.innerHTML = '';
    expect(mount(<OutboxIndicator count={0} />, 'en', null).byTestId('outbox-indicator')?.textContent).toBe('Nothing waits to sync');
  });
});
