import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, setUnauthenticatedHandler } from './api';
import { AppContext, type AppState } from './appContext';
import { Header } from './components/Header';
import { LoadFailed, Loading } from './components/Loading';
import { applyLanguage, storedLanguage, translator, type Language } from './i18n';
import { forgetEverything } from './memory';
import { toProblem } from './problems';
import { matchRoute, navigate, usePath, type Route } from './router';
import { AccountScreen } from './screens/AccountScreen';
import { AdminScreen } from './screens/AdminScreen';
import { LoginScreen } from './screens/LoginScreen';
import { NewConsultationScreen } from './screens/NewConsultationScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { PersonFormScreen } from './screens/PersonFormScreen';
import { PersonScreen } from './screens/PersonScreen';
import { SearchScreen } from './screens/SearchScreen';
import { SitesScreen } from './screens/SitesScreen';
import { SummaryScreen } from './screens/SummaryScreen';
import type { Problem, Session } from './types';

/** Screens that can be used before a site is chosen. */
const WITHOUT_SITE: Route['screen'][] = ['sites', 'admin', 'summary', 'account', 'notFound'];

export function App() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [session, setSession] = useState<Session | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const path = usePath();
  const route = matchRoute(path);
  const t = useMemo(() => translator(language), [language]);

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => applyLanguage(language), []);

  const loadSession = useCallback(async () => {
    setLoadProblem(null);
    try {
      setSession(await api.session());
      setLoaded(true);
    } catch (error) {
      setLoadProblem(toProblem(error, translator(language)));
    }
  }, [language]);

  useEffect(() => {
    loadSession();
    setUnauthenticatedHandler(() => {
      forgetEverything();
      setSession(null);
    });
  }, []);

  // Send people where they can work: to log in, then to choose a site.
  useEffect(() => {
    if (!loaded) return;
    if (!session && route.screen !== 'login') {
      navigate('/login', { replace: true });
    } else if (session && route.screen === 'login') {
      navigate(session.currentSite ? '/' : '/sites', { replace: true });
    } else if (session && !session.currentSite && !WITHOUT_SITE.includes(route.screen)) {
      navigate('/sites', { replace: true });
    }
  }, [loaded, session, route.screen]);

  const state: AppState = { session, setSession, language, setLanguage, t };

  return (
    <AppContext.Provider value={state}>
      <Header />
      <main class="app-main" id="main">
        {loadProblem ? (
          <LoadFailed problem={loadProblem} onRetry={loadSession} />
        ) : !loaded ? (
          <Loading />
        ) : (
          <Screen route={route} session={session} />
        )}
      </main>
    </AppContext.Provider>
  );
}

function Screen({ route, session }: { route: Route; session: Session | null }) {
  if (route.screen === 'login' || !session) {
    return <LoginScreen />;
  }
  switch (route.screen) {
    case 'sites':
      return <SitesScreen />;
    case 'search':
      return <SearchScreen />;
    case 'newPerson':
      return <PersonFormScreen />;
    case 'editPerson':
      return <PersonFormScreen key={route.personId} personId={route.personId} />;
    case 'person':
      return <PersonScreen key={route.personId} personId={route.personId} />;
    case 'newConsultation':
      return <NewConsultationScreen key={route.personId} personId={route.personId} />;
    case 'summary':
      return <SummaryScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'account':
      return <AccountScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}
