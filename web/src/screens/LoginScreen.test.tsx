import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, settle, typeInto } from '../test/render';
import type { Session } from '../types';
import { LoginScreen } from './LoginScreen';

describe('the login screen', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=token';
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('shows the server’s message when there were too many attempts', async () => {
    const detail = 'Trop de tentatives échouées. Patientez un moment, puis réessayez.';
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 429, code: 'too-many-attempts', detail, retryAfterSeconds: 90 }, 429),
    );
    const screen = mount(<LoginScreen />, 'fr', null);
    typeInto(screen.byTestId('login-username'), 'amina');
    typeInto(screen.byTestId('login-password'), 'mauvais');

    click(screen.byTestId('login-submit'));
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe('/api/session');
    expect(screen.byTestId('login-error')?.textContent).toContain(detail);
    expect(screen.byTestId('login-retry-after')?.textContent).toBe('Vous pourrez réessayer dans 2 min.');
  });

  it('has its own text when the server sends none', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 429, code: 'too-many-attempts' }, 429));
    const screen = mount(<LoginScreen />, 'en', null);
    typeInto(screen.byTestId('login-username'), 'amina');
    typeInto(screen.byTestId('login-password'), 'wrong');

    click(screen.byTestId('login-submit'));
    await settle();

    expect(screen.byTestId('login-error')?.textContent).toContain('Too many failed attempts.');
    expect(screen.byTestId('login-retry-after')).toBeNull();
  });

  const pendingSession: Session = {
    organisation: 'Test',
    user: { id: '0190f1c2-0000-7000-8000-0000000000bb', username: 'amina', displayName: 'Amina', roles: ['ADMINISTRATOR'] },
    sites: [],
    currentSite: null,
    secondFactor: { enrolled: true, required: true },
    secondFactorRequired: true,
  };

  it('asks for the code from the app after the password, then sends it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(pendingSession));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...pendingSession, secondFactorRequired: false }));
    const screen = mount(<LoginScreen />, 'en', null);
    typeInto(screen.byTestId('login-username'), 'amina');
    typeInto(screen.byTestId('login-password'), 'quiet river under stone');

    click(screen.byTestId('login-submit'));
    await settle();

    expect(screen.byTestId('login-password')).toBeNull();
    expect(screen.container.textContent).toContain('Enter the 6-digit code shown by your authentication app.');
    typeInto(screen.byTestId('login-code'), ' 287082 ');
    click(screen.byTestId('login-code-submit'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(`${init?.method} ${url}`).toBe('POST /api/session/second-factor');
    expect(JSON.parse(init?.body as string)).toEqual({ code: '287082' });
  });

  it('takes a recovery code instead, and shows a refused code', async () => {
    const detail = 'Ce code n’est pas correct, ou a déjà servi.';
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 401, code: 'invalid-code', detail }, 401));
    const screen = mount(<LoginScreen pending={pendingSession} />, 'fr', null);

    click(screen.byTestId('login-use-recovery'));
    expect(screen.container.querySelector('label[for="login-code"]')?.textContent).toBe('Code de secours');
    typeInto(screen.byTestId('login-code'), 'k7dmq-x3tfa');
    click(screen.byTestId('login-code-submit'));
    await settle();

    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toEqual({ code: 'k7dmq-x3tfa' });
    expect(screen.byTestId('login-error')?.textContent).toContain(detail);
    expect((screen.byTestId('login-code') as HTMLInputElement).value).toBe('');
  });
});
