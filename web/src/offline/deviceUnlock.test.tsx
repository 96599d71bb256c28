import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, mount, settle, typeInto } from '../test/render';
import { enrolmentOf, signInOffline, type StoredEnrolment } from './device';
import { deviceUnlocked } from './deviceSession';
import { SyncStatus } from './SyncStatus';

vi.mock('./device', () => ({ signInOffline: vi.fn(), enrolmentOf: vi.fn() }));
vi.mock('./deviceSession', async (original) => ({ ...(await original<object>()), deviceUnlocked: vi.fn() }));

describe('unlocking the device after a reload', () => {
  const offline = vi.mocked(signInOffline);
  const enrolment = vi.mocked(enrolmentOf);
  const unlocked = vi.mocked(deviceUnlocked);

  afterEach(() => {
    offline.mockReset();
    enrolment.mockReset();
    unlocked.mockReset();
    document.body.innerHTML = '';
  });

  const unlock = async (language: 'fr' | 'en' | 'ar', password = 'correct-horse-battery') => {
    const screen = mount(<SyncStatus />, language);
    await settle();
    typeInto(screen.byTestId('device-unlock-password'), password);
    click(screen.byTestId('device-unlock-submit'));
    await settle();
    return screen;
  };

  it('asks the enrolled user for her password, checked on the device, and opens the store', async () => {
    enrolment.mockResolvedValue({ id: 'e1' } as StoredEnrolment);
    offline.mockResolvedValue({ outcome: 'signed-in', enrolmentId: 'e1', keys: {} as never, profile: {} as never });

    const screen = await unlock('fr');

    expect(enrolment).toHaveBeenCalledWith('amina');
    expect(offline).toHaveBeenCalledWith('amina', 'correct-horse-battery', expect.any(Number));
    expect(unlocked).toHaveBeenCalledWith({ enrolmentId: 'e1', keys: {}, profile: {} });
    expect(screen.byTestId('device-unlock-error')).toBeNull();
  });

  it('says a wrong password and how many tries are left, in each language', async () => {
    enrolment.mockResolvedValue({ id: 'e1' } as StoredEnrolment);
    offline.mockResolvedValue({ outcome: 'wrong-password', attemptsLeft: 4 });
    expect((await unlock('fr', 'guess')).byTestId('device-unlock-error')?.textContent).toContain('Encore 4 essais');
    document.body.innerHTML = '';
    expect((await unlock('en', 'guess')).byTestId('device-unlock-error')?.textContent).toContain('4 more tries');
    document.body.innerHTML = '';
    expect((await unlock('ar', 'guess')).byTestId('device-unlock-error')?.textContent).toContain('تبقى 4 محاولات');
    expect(unlocked).not.toHaveBeenCalled();
  });

  it('says the data was wiped after the last wrong password, and asks no more', async () => {
    enrolment.mockResolvedValue({ id: 'e1' } as StoredEnrolment);
    offline.mockResolvedValue({ outcome: 'wiped' });

    const screen = await unlock('en', 'guess');

    expect(screen.byTestId('device-unlock-error')?.textContent).toContain('wiped');
    expect(screen.byTestId('device-unlock-password')).toBeNull();
  });

  it('shows nothing to a user not enrolled on this device', async () => {
    enrolment.mockResolvedValue(undefined);
    const screen = mount(<SyncStatus />, 'fr');
    await settle();
    expect(screen.byTestId('device-unlock')).toBeNull();
  });
});
