import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { navigate } from '../router';
import { click, mount } from '../test/render';
import { Header } from './Header';

describe('the header', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('folds the session, navigation and language behind a menu button that says whether it is open', () => {
    const screen = mount(<Header />, 'ar');
    const button = screen.byTestId('menu-button')!;
    const menu = screen.container.querySelector('#app-menu')!;

    expect(button.textContent).toBe('القائمة');
    expect(button.getAttribute('aria-controls')).toBe('app-menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu.classList.contains('open')).toBe(false);
    expect(menu.contains(screen.byTestId('nav-search'))).toBe(true);
    expect(menu.contains(screen.byTestId('lang-fr'))).toBe(true);
    expect(menu.contains(screen.byTestId('current-site'))).toBe(true);

    click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu.classList.contains('open')).toBe(true);

    screen.byTestId('nav-search')!.focus();
    act(() => {
      screen.byTestId('nav-search')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes the menu when the user goes to another screen', () => {
    const screen = mount(<Header />);
    click(screen.byTestId('menu-button'));
    expect(screen.byTestId('menu-button')!.getAttribute('aria-expanded')).toBe('true');

    act(() => navigate('/summary'));
    expect(screen.byTestId('menu-button')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the language buttons themselves before anyone is logged in', () => {
    const screen = mount(<Header />, 'fr', null);
    expect(screen.byTestId('menu-button')).toBeNull();
    expect(screen.byTestId('lang-ar')).not.toBeNull();
  });
});
