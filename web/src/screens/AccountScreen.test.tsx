import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { AccountScreen } from './AccountScreen';

describe('the account screen', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  const fill = (screen: ReturnType<typeof mount>, current: string, next: string, repeat: string) => {
    typeInto(screen.byTestId('account-current-password'), current);
    typeInto(screen.byTestId('account-new-password'), next);
    typeInto(screen.byTestId('account-repeat-password'), repeat);
  };

  const fieldError = (screen: ReturnType<typeof mount>, field: string) =>
    screen.container.querySelector<HTMLElement>(`[data-testid="field-error"][data-field="${field}"]`);

  it('shows who the user is, with translated roles', () => {
    const screen = mount(<AccountScreen />, 'en');
    expect(screen.byTestId('account-display-name')?.textContent).toBe('Amina');
    expect(screen.byTestId('account-username')?.textContent).toBe('amina');
    expect(screen.byTestId('account-roles')?.textContent).toBe('Clinician');
  });

  it('refuses new passwords that differ, without calling the server', () => {
    const screen = mount(<AccountScreen />);
    fill(screen, 'ancien mot de passe', 'trois mots simples', 'trois mots simplex');

    click(screen.byTestId('account-save'));

    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.allByTestId('field-error').map((error) => error.dataset.field)).toEqual(['repeatPassword']);
    const error = fieldError(screen, 'repeatPassword');
    expect(error?.textContent).toBe('Les deux nouveaux mots de passe ne sont pas identiques.');
    expect(error?.closest('.field')?.querySelector('[data-testid="account-repeat-password"]')).not.toBeNull();
    expect(screen.byTestId('account-saved')).toBeNull();
  });

  it('refuses a new password shorter than 12 characters, without calling the server', () => {
    const screen = mount(<AccountScreen />);
    fill(screen, 'ancien mot de passe', 'court', 'court');

    click(screen.byTestId('account-save'));

    expect(fetchMock).not.toHaveBeenCalled();
    const error = fieldError(screen, 'newPassword');
    expect(error?.closest('.field')?.querySelector('[data-testid="account-new-password"]')).not.toBeNull();
  });

  it('shows a wrong current password next to that field', async () => {
    const message = 'Le mot de passe actuel n’est pas correct.';
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        {
          status: 400,
          code: 'wrong-password',
          detail: message,
          fieldErrors: [{ field: 'currentPassword', code: 'wrong-password', message }],
        },
        400,
      ),
    );
    const screen = mount(<AccountScreen />);
    fill(screen, 'pas le bon', 'trois mots simples', 'trois mots simples');

    click(screen.byTestId('account-save'));
    await settle();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init?.method} ${url}`).toBe('PUT /api/session/password');
    expect(JSON.parse(init?.body as string)).toEqual({ currentPassword: 'pas le bon', newPassword: 'trois mots simples' });
    const error = fieldError(screen, 'currentPassword');
    expect(error?.textContent).toBe(message);
    expect(error?.closest('.field')?.querySelector('[data-testid="account-current-password"]')).not.toBeNull();
    expect(screen.byTestId('form-error')?.textContent).toContain(message);
    expect(screen.byTestId('account-saved')).toBeNull();
  });

  it('puts the server’s password policy errors under the new password', async () => {
    const message = 'Ce mot de passe fait partie des plus courants.';
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        {
          status: 400,
          code: 'password-too-common',
          detail: message,
          fieldErrors: [{ field: 'password', code: 'password-too-common', message }],
        },
        400,
      ),
    );
    const screen = mount(<AccountScreen />);
    fill(screen, 'ancien mot de passe', 'motdepasse123', 'motdepasse123');

    click(screen.byTestId('account-save'));
    await settle();

    const error = fieldError(screen, 'newPassword');
    expect(error?.textContent).toBe(message);
    expect(error?.closest('.field')?.querySelector('[data-testid="account-new-password"]')).not.toBeNull();
  });

  it('confirms the change and clears the form', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    const screen = mount(<AccountScreen />);
    fill(screen, 'ancien mot de passe', 'trois mots simples', 'trois mots simples');

    click(screen.byTestId('account-save'));
    await settle();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.byTestId('account-saved')?.textContent).toBe('Mot de passe changé. Vos autres sessions ont été fermées.');
    for (const id of ['account-current-password', 'account-new-password', 'account-repeat-password']) {
      expect((screen.byTestId(id) as HTMLInputElement).value).toBe('');
    }
    expect(screen.allByTestId('field-error')).toEqual([]);
    expect(screen.byTestId('form-error')).toBeNull();
  });

  it('sets up two-step verification: QR code and key, a first code, then the recovery codes once', async () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ secret, uri: `otpauth://totp/Test:amina?secret=${secret}&issuer=Passerelle` }),
    );
    fetchMock.mockResolvedValueOnce(jsonResponse({ recoveryCodes: ['k7dmq-x3tfa', 'abcde-fghjk'] }));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...SESSION, secondFactor: { enrolled: true, required: false } }));
    const screen = mount(<AccountScreen />, 'en', { ...SESSION, secondFactor: { enrolled: false, required: false } });
    expect(screen.byTestId('totp-required')).toBeNull();

    click(screen.byTestId('totp-enrol'));
    await settle();

    expect(screen.byTestId('totp-secret')?.textContent).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
    await vi.waitFor(() => expect(screen.byTestId('totp-qr')).not.toBeNull());
    expect(screen.byTestId('totp-qr')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/);
    typeInto(screen.byTestId('totp-code'), '287082');
    click(screen.byTestId('totp-confirm'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(`${init?.method} ${url}`).toBe('PUT /api/session/second-factor/enrolment');
    expect(JSON.parse(init?.body as string)).toEqual({ code: '287082' });
    expect(screen.allByTestId('totp-recovery-codes')[0]?.textContent).toContain('k7dmq-x3tfa');
    expect(screen.byTestId('totp-recovery')?.textContent).toContain('they will never be shown again');
    click(screen.byTestId('totp-recovery-done'));
    expect(screen.byTestId('totp-recovery')).toBeNull();
  });

  it('explains that the role requires two-step verification', () => {
    const screen = mount(<AccountScreen />, 'fr', { ...SESSION, secondFactor: { enrolled: false, required: true } });
    expect(screen.byTestId('totp-required')?.textContent).toContain('Votre rôle exige la validation en deux étapes');
  });

  describe('with two-step verification on', () => {
    const ENROLLED = { ...SESSION, secondFactor: { enrolled: true, required: false } };

    const prove = (screen: ReturnType<typeof mount>, password: string, code: string) => {
      typeInto(screen.byTestId('second-factor-password'), password);
      typeInto(screen.byTestId('second-factor-code'), code);
      click(screen.byTestId('second-factor-proof-submit'));
    };

    it('creates new recovery codes with the password and a code, and shows them once', async () => {
      fetchMock.mockResolvedValueOnce(jsonResponse({ recoveryCodes: ['mnpqr-stuvw', 'xyz23-45678'] }));
      const screen = mount(<AccountScreen />, 'en', ENROLLED);

      click(screen.byTestId('second-factor-new-codes'));
      expect(screen.byTestId('second-factor-code')?.closest('.field')?.textContent).toContain('Code shown by the app');
      prove(screen, 'my password', ' 287 082 ');
      await settle();

      const [url, init] = fetchMock.mock.calls[0]!;
      expect(`${init?.method} ${url}`).toBe('POST /api/session/second-factor/recovery-codes');
      expect(JSON.parse(init?.body as string)).toEqual({ password: 'my password', code: '287 082' });
      expect(screen.byTestId('totp-recovery-codes')?.textContent).toContain('mnpqr-stuvw');
      expect(screen.byTestId('second-factor-outcome')?.textContent).toContain('old ones no longer work');
      click(screen.byTestId('totp-recovery-done'));
      expect(screen.byTestId('totp-recovery')).toBeNull();
      expect(screen.byTestId('second-factor-new-codes')).not.toBeNull();
    });

    it('shows a wrong code next to the code field and keeps the form', async () => {
      const message = 'Type the 6-digit code your authentication app shows now.';
      fetchMock.mockResolvedValueOnce(
        jsonResponse(
          {
            status: 400,
            code: 'totp-code-required',
            detail: message,
            fieldErrors: [{ field: 'code', code: 'totp-code-required', message }],
          },
          400,
        ),
      );
      const screen = mount(<AccountScreen />, 'en', ENROLLED);

      click(screen.byTestId('second-factor-new-codes'));
      prove(screen, 'my password', 'k7dmq-x3tfa');
      await settle();

      const error = fieldError(screen, 'code');
      expect(error?.textContent).toBe(message);
      expect(error?.closest('.field')?.querySelector('[data-testid="second-factor-code"]')).not.toBeNull();
      expect(screen.byTestId('second-factor-proof')).not.toBeNull();
      expect(screen.byTestId('totp-recovery')).toBeNull();
      expect(screen.byTestId('second-factor-outcome')).toBeNull();
    });

    it('replaces the authentication app: proof, new QR code and key, a first code, new recovery codes', async () => {
      const secret = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
      fetchMock.mockResolvedValueOnce(jsonResponse({ secret, uri: `otpauth://totp/Test:amina?secret=${secret}` }));
      fetchMock.mockResolvedValueOnce(jsonResponse({ recoveryCodes: ['abcde-fghjk'] }));
      const screen = mount(<AccountScreen />, 'en', ENROLLED);

      click(screen.byTestId('second-factor-replace'));
      expect(screen.byTestId('second-factor-code')?.closest('.field')?.textContent).toContain('or a recovery code');
      prove(screen, 'my password', 'k7dmq-x3tfa');
      await settle();
      expect(screen.byTestId('totp-secret')?.textContent).toBe('MFRG GZDF MZTW Q2LK NNWG 23TP OBYX E43U');
      typeInto(screen.byTestId('totp-code'), '123456');
      click(screen.byTestId('totp-confirm'));
      await settle();

      const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url} ${init?.body}`);
      expect(calls).toEqual([
        'POST /api/session/second-factor/replacement {"password":"my password","code":"k7dmq-x3tfa"}',
        'PUT /api/session/second-factor/replacement {"code":"123456"}',
      ]);
      expect(screen.byTestId('totp-recovery-codes')?.textContent).toContain('abcde-fghjk');
      expect(screen.byTestId('second-factor-outcome')?.textContent).toContain('other sessions were closed');
    });

    it('turns two-step verification off when the role allows it', async () => {
      fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
      fetchMock.mockResolvedValueOnce(jsonResponse({ ...SESSION, secondFactor: { enrolled: false, required: false } }));
      const screen = mount(<AccountScreen />, 'en', ENROLLED);

      click(screen.byTestId('second-factor-remove'));
      prove(screen, 'my password', '287082');
      await settle();

      const [url, init] = fetchMock.mock.calls[0]!;
      expect(`${init?.method} ${url}`).toBe('POST /api/session/second-factor/removal');
      expect(screen.byTestId('second-factor-outcome')?.textContent).toContain('turned off');
      expect(screen.byTestId('second-factor-proof')).toBeNull();
    });

    it('offers no way to turn off a second factor the role requires', () => {
      const screen = mount(<AccountScreen />, 'en', { ...SESSION, secondFactor: { enrolled: true, required: true } });

      expect(screen.byTestId('second-factor-new-codes')).not.toBeNull();
      expect(screen.byTestId('second-factor-replace')).not.toBeNull();
      expect(screen.byTestId('second-factor-remove')).toBeNull();
    });
  });
});
