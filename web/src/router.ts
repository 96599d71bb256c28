// A tiny router over the history API. Paths carry record UUIDs only, never personal data.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { screen: 'login' }
  | { screen: 'sites' }
  | { screen: 'search' }
  | { screen: 'newPerson' }
  | { screen: 'person'; personId: string }
  | { screen: 'editPerson'; personId: string }
  | { screen: 'newConsultation'; personId: string }
  | { screen: 'newEncounter'; personId: string }
  | { screen: 'encounter'; encounterId: string }
  | { screen: 'newGroupSession' }
  | { screen: 'forms' }
  | { screen: 'due' }
  | { screen: 'summary' }
  | { screen: 'reports' }
  | { screen: 'admin' }
  | { screen: 'account' }
  | { screen: 'emergencyAccess' }
  | { screen: 'duplicates' }
  | { screen: 'conflicts' }
  | { screen: 'diagnoses' }
  | { screen: 'stock' }
  | { screen: 'imports' }
  | { screen: 'distribute' }
  | { screen: 'referrals' }
  | { screen: 'directory' }
  | { screen: 'passDeVille' }
  | { screen: 'shelter' }
  | { screen: 'outreach' }
  | { screen: 'outreachSession'; sessionId: string }
  | { screen: 'map' }
  | { screen: 'outbreaks' }
  | { screen: 'rings' }
  | { screen: 'campaign' }
  | { screen: 'water' }
  | { screen: 'notFound' };

const UUID = '([0-9a-fA-F-]{36})';

const PATTERNS: Array<[RegExp, (id: string) => Route]> = [
  [new RegExp(`^/people/${UUID}$`), (personId) => ({ screen: 'person', personId })],
  [new RegExp(`^/people/${UUID}/edit$`), (personId) => ({ screen: 'editPerson', personId })],
  [new RegExp(`^/people/${UUID}/consultations/new$`), (personId) => ({ screen: 'newConsultation', personId })],
  [new RegExp(`^/people/${UUID}/encounters/new$`), (personId) => ({ screen: 'newEncounter', personId })],
  [new RegExp(`^/encounters/${UUID}$`), (encounterId) => ({ screen: 'encounter', encounterId })],
  [new RegExp(`^/outreach/sessions/${UUID}$`), (sessionId) => ({ screen: 'outreachSession', sessionId })],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case '/':
    case '/index.html':
      return { screen: 'search' };
    case '/login':
      return { screen: 'login' };
    case '/sites':
      return { screen: 'sites' };
    case '/new-person':
      return { screen: 'newPerson' };
    case '/summary':
      return { screen: 'summary' };
    case '/reports':
      return { screen: 'reports' };
    case '/account':
      return { screen: 'account' };
    case '/emergency-access':
      return { screen: 'emergencyAccess' };
    case '/duplicates':
      return { screen: 'duplicates' };
    case '/conflicts':
      return { screen: 'conflicts' };
    case '/group-sessions/new':
      return { screen: 'newGroupSession' };
    case '/forms':
      return { screen: 'forms' };
    case '/follow-ups':
      return { screen: 'due' };
    case '/diagnoses':
      return { screen: 'diagnoses' };
    case '/stock':
      return { screen: 'stock' };
    case '/imports':
      return { screen: 'imports' };
    case '/stock/distribute':
      return { screen: 'distribute' };
    case '/referrals':
      return { screen: 'referrals' };
    case '/directory':
      return { screen: 'directory' };
    case '/pass-de-ville':
      return { screen: 'passDeVille' };
    case '/shelter':
      return { screen: 'shelter' };
    case '/outreach':
      return { screen: 'outreach' };
    case '/map':
      return { screen: 'map' };
    case '/outbreaks':
      return { screen: 'outbreaks' };
    case '/outbreaks/rings':
      return { screen: 'rings' };
    case '/vaccination':
      return { screen: 'campaign' };
    case '/water':
      return { screen: 'water' };
  }
  if (path === '/admin' || path.startsWith('/admin/')) {
    return { screen: 'admin' };
  }
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(path);
    if (match?.[1]) return route(match[1]);
  }
  return { screen: 'notFound' };
}

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) {
    return;
  }
  if (options.replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  listeners.forEach((listener) => listener());
  window.scrollTo?.(0, 0);
}

/** The current path; re-renders on navigate() and on the browser's back and forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** Follows an in-app link without reloading the page (ctrl/middle clicks still open a new tab). */
export function followLink(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(path);
}
