import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, settle, typeInto } from '../test/render';
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
});
