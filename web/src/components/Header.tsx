import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { caresForPeople, hasRole, reviewsEmergencyAccess, useApp } from '../appContext';
import { forgetEverything } from '../memory';
import { navigate, usePath } from '../router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Link } from './Link';

/**
 * The bar on every screen: the app, where you work, who you are, navigation and language. On a
 * phone, where you work, who you are, the navigation and the language fold behind a menu button so
 * that the screen's own content starts near the top; wider screens show them all.
 */
export function Header() {
  const { session, setSession, t } = useApp();
  const path = usePath();
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path, session]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      menuButton.current?.focus();
    }
  };

  const logout = async () => {
    try {
      await api.logout();
    } catch {
      // Even if the server cannot be reached, forget everything on this device.
    }
    forgetEverything();
    setSession(null);
    navigate('/login', { replace: true });
  };

  return (
    <header class="app-header">
      <div class="header-top">
        <Link href={session ? '/' : '/login'} class="brand" testId="brand">
          <img src="/icons/icon.svg" alt="" class="brand-icon" width={32} height={32} />
          <span>{t('app.name')}</span>
        </Link>
        {session ? (
          <button
            type="button"
            ref={menuButton}
            class="menu-button"
            aria-expanded={open}
            aria-controls="app-menu"
            data-testid="menu-button"
            onClick={() => setOpen(!open)}
          >
            <span class="menu-icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
        ) : (
          <LanguageSwitcher />
        )}
      </div>
      {session && (
        <div id="app-menu" class={open ? 'header-session open' : 'header-session'} onKeyDown={closeOnEscape}>
          <p class="session-info">
            <Link href="/account" class="session-user" testId="nav-account">
              <span class="visually-hidden">{t('nav.account')} </span>
              <span data-testid="current-user">{session.user.displayName || t('nav.account')}</span>
            </Link>
            <span class="session-site">
              <span class="visually-hidden">{t('nav.currentSite')} </span>
              <span data-testid="current-site">{session.currentSite?.name ?? t('nav.noSite')}</span>
            </span>
          </p>
          <nav class="main-nav" aria-label={t('nav.main')}>
            <Link href="/" class="nav-link" testId="nav-search">
              {t('nav.search')}
            </Link>
            <Link href="/summary" class="nav-link" testId="nav-summary">
              {t('nav.summary')}
            </Link>
            {hasRole(session, 'LOGISTICIAN', 'COORDINATOR', 'ADMINISTRATOR') && (
              <Link href="/stock" class="nav-link" testId="nav-stock">
                {t('nav.stock')}
              </Link>
            )}
            {hasRole(session, 'COORDINATOR', 'DATA_OFFICER') && (
              <Link href="/imports" class="nav-link" testId="nav-imports">
                {t('nav.imports')}
              </Link>
            )}
            {(caresForPeople(session) || hasRole(session, 'LOGISTICIAN')) && (
              <Link href="/stock/distribute" class="nav-link" testId="nav-distribute">
                {t('distribute.title')}
              </Link>
            )}
            {caresForPeople(session) && session.currentSite?.kind === 'SHELTER' && (
              <Link href="/shelter" class="nav-link" testId="nav-shelter">
                {t('nav.shelter')}
              </Link>
            )}
            {caresForPeople(session) && session.currentSite?.kind === 'MOBILE_TEAM' && (
              <Link href="/outreach" class="nav-link" testId="nav-outreach">
                {t('nav.outreach')}
              </Link>
            )}
            <Link href="/map" class="nav-link" testId="nav-map">
              {t('nav.map')}
            </Link>
            {hasRole(session, 'CLINICIAN', 'COORDINATOR', 'DATA_OFFICER') && (
              <Link href="/outbreaks" class="nav-link" testId="nav-outbreaks">
                {t('nav.outbreaks')}
              </Link>
            )}
            {caresForPeople(session) && (
              <Link href="/vaccination" class="nav-link" testId="nav-vaccination">
                {t('nav.vaccination')}
              </Link>
            )}
            <Link href="/water" class="nav-link" testId="nav-water">
              {t('nav.water')}
            </Link>
            {caresForPeople(session) && (
              <Link href="/group-sessions/new" class="nav-link" testId="nav-group-session">
                {t('nav.groupSession')}
              </Link>
            )}
            {caresForPeople(session) && (
              <Link href="/referrals" class="nav-link" testId="nav-referrals">
                {t('nav.referrals')}
              </Link>
            )}
            {hasRole(session, 'SOCIAL_LEGAL_WORKER', 'COORDINATOR', 'ADMINISTRATOR') && (
              <Link href="/pass-de-ville" class="nav-link" testId="nav-pass-de-ville">
                {t('nav.passDeVille')}
              </Link>
            )}
            {caresForPeople(session) && (
              <Link href="/follow-ups" class="nav-link" testId="nav-due">
                {t('nav.due')}
              </Link>
            )}
            {hasRole(session, 'COORDINATOR', 'ADMINISTRATOR') && (
              <Link href="/forms" class="nav-link" testId="nav-forms">
                {t('nav.forms')}
              </Link>
            )}
            {hasRole(session, 'COORDINATOR', 'DATA_OFFICER', 'ADMINISTRATOR') && (
              <Link href="/reports" class="nav-link" testId="nav-reports">
                {t('nav.reports')}
              </Link>
            )}
            {reviewsEmergencyAccess(session) && (
              <Link href="/emergency-access" class="nav-link" testId="nav-emergency-access">
                {t('nav.emergencyAccess')}
              </Link>
            )}
            {caresForPeople(session) && (
              <Link href="/diagnoses" class="nav-link" testId="nav-diagnoses">
                {t('nav.diagnoses')}
              </Link>
            )}
            {hasRole(session, 'DATA_OFFICER') && (
              <Link href="/duplicates" class="nav-link" testId="nav-duplicates">
                {t('nav.duplicates')}
              </Link>
            )}
            {hasRole(session, 'DATA_OFFICER') && (
              <Link href="/conflicts" class="nav-link" testId="nav-conflicts">
                {t('nav.conflicts')}
              </Link>
            )}
            {hasRole(session, 'ADMINISTRATOR') && (
              <Link href="/admin" class="nav-link" testId="nav-admin">
                {t('nav.admin')}
              </Link>
            )}
            <button type="button" class="nav-button" data-testid="switch-site" onClick={() => navigate('/sites')}>
              {t('nav.switchSite')}
            </button>
            <button type="button" class="nav-button" data-testid="logout" onClick={logout}>
              {t('nav.logout')}
            </button>
          </nav>
          <LanguageSwitcher />
        </div>
      )}
    </header>
  );
}
