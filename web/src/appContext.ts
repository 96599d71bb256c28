// What every screen needs: the session, the UI language and its translate function.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language, Translate } from './i18n';
import type { Role, Session } from './types';

export interface AppState {
  session: Session | null;
  setSession: (session: Session | null) => void;
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) {
    throw new Error('useApp outside <AppContext.Provider>');
  }
  return state;
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.user.roles.some((role) => roles.includes(role));
}

/** A user whose role requires a second factor and who has none yet may only set one up. */
export function mustEnrolSecondFactor(session: Session): boolean {
  return !!session.secondFactor?.required && !session.secondFactor.enrolled;
}

/** Users who meet the people served: they record care and read the compartments their roles open. */
export function caresForPeople(session: Session | null): boolean {
  return hasRole(session, 'CLINICIAN', 'PSYCHOLOGIST', 'SOCIAL_LEGAL_WORKER', 'COORDINATOR');
}

/** Logisticians who do not meet the people served: their home is the stock of their places, not the search. */
export function keepsStockOnly(session: Session | null): boolean {
  return hasRole(session, 'LOGISTICIAN') && !caresForPeople(session);
}

/** Users who review break-the-glass grants. */
export function reviewsEmergencyAccess(session: Session | null): boolean {
  return hasRole(session, 'DATA_OFFICER', 'COORDINATOR', 'ADMINISTRATOR');
}
