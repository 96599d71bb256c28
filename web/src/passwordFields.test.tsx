import { afterEach, describe, expect, it } from 'vitest';
import { ChangePasswordForm } from './components/ChangePasswordForm';
import { ConfirmIdentity } from './components/ConfirmIdentity';
import { applyLanguage } from './i18n';
import { LoginScreen } from './screens/LoginScreen';
import { mount } from './test/render';

/** Passwords are masked, can be pasted and filled by a password manager. */
describe('password fields', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const forms = {
    login: () => mount(<LoginScreen pending={null} />, 'en', null),
    'password change': () => mount(<ChangePasswordForm />, 'en'),
    'identity confirmation': () => mount(<ConfirmIdentity onConfirmed={() => {}} onCancel={() => {}} />, 'en'),
  };

  for (const [name, render] of Object.entries(forms)) {
    it(`masks the ${name} passwords and lets a password manager fill them`, () => {
      applyLanguage('en');
      const screen = render();
      const fields = [...screen.container.querySelectorAll<HTMLInputElement>('input[autocomplete$="password"]')];
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(field.type).toBe('password');
        expect(field.getAttribute('onpaste')).toBeNull();
        expect(['current-password', 'new-password']).toContain(field.autocomplete);
      }
    });
  }
});
