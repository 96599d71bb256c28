import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, NETWORK_FAILURE, setUnauthenticatedHandler } from './api';
import { AppContext, keepsStockOnly, mustEnrolSecondFactor, type AppState } from './appContext';
import { Header } from './components/Header';
import { LoadFailed, Loading } from './components/Loading';
import { applyLanguage, storedLanguage, translator, type Language } from './i18n';
import { forgetEverything } from './memory';
import { contactForEnrolments } from './offline/contact';
import { useDeviceSession } from './offline/useDeviceSession';
import { DeviceContext } from './offline/deviceSession';
import { OfflineScreen, type OfflineSession } from './offline/OfflineScreen';
import { SyncStatus } from './offline/SyncStatus';
import { toProblem } from './problems';
import { matchRoute, navigate, usePath, type Route } from './router';
import { AccountScreen } from './screens/AccountScreen';
import { AdminScreen } from './screens/AdminScreen';
import { DiagnosesScreen } from './screens/DiagnosesScreen';
import { DuplicatesScreen } from './screens/DuplicatesScreen';
import { ConflictsScreen } from './screens/ConflictsScreen';
import { EmergencyAccessScreen } from './screens/EmergencyAccessScreen';
import { landingPath, LoginScreen } from './screens/LoginScreen';
import { EncounterScreen, NewEncounterScreen } from './screens/EncounterScreens';
import { FormsScreen } from './screens/FormsScreen';
import { DueScreen } from './screens/DueScreen';
import { NewConsultationScreen } from './screens/NewConsultationScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { PersonFormScreen } from './screens/PersonFormScreen';
import { PersonScreen } from './screens/PersonScreen';
import { SearchScreen } from './screens/SearchScreen';
import { SitesScreen } from './screens/SitesScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { SummaryScreen } from './screens/SummaryScreen';
import { StockHome } from './stock/StockHome';
import { ImportScreen } from './imports/ImportScreen';
import { DistributionScreen } from './stock/DistributionScreen';
import { DirectoryScreen } from './referrals/DirectoryScreen';
import { PassDeVilleScreen } from './passdeville/PassDeVilleScreen';
import { ToFollowScreen } from './referrals/ToFollowScreen';
import { BedBoardScreen } from './shelters/BedBoardScreen';
import { DayPlanScreen } from './outreach/DayPlanScreen';
import { SessionScreen } from './outreach/SessionScreen';
import { MapScreen } from './map/MapScreen';
import { LineListScreen } from './outbreaks/LineListScreen';
import { RingsScreen } from './outbreaks/RingsScreen';
import { CampaignScreen } from './vaccination/CampaignScreen';
import { WaterScreen } from './water/WaterScreen';
import type { Problem, Session } from './types';

/** Screens that can be used before a site is chosen. */
const WITHOUT_SITE: Route['screen'][] = ['sites', 'admin', 'summary', 'reports', 'account', 'emergencyAccess', 'forms', 'notFound'];

export function App() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [session, setSession] = useState<Session | null>(null);
  // A login awaiting its second-factor code is not a session yet: only the login screen sees it.
  const pendingLogin = session?.secondFactorRequired ? session : null;
  const loggedIn = pendingLogin ? null : session;
  const [loaded, setLoaded] = useState(false);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [wipedHere, setWipedHere] = useState(0);
  const path = usePath();
  const route = matchRoute(path);
  const t = useMemo(() => translator(language), [language]);
  const { device, workOffline, signedInOffline, signInOffline, backOnline, signOutOffline } = useDeviceSession(session, setSession);
  const offline = workOffline && device;

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
      // the server answers: a device revoked meanwhile wipes itself now
      setWipedHere(await contactForEnrolments());
    } catch (error) {
      if (error instanceof ApiError && error.status === NETWORK_FAILURE) {
        // no network: the login screen offers the offline sign-in of an enrolled device
        setLoaded(true);
      } else {
        setLoadProblem(toProblem(error, translator(language)));
      }
    }
  }, [language]);

  useEffect(() => {
    loadSession();
    setUnauthenticatedHandler(() => {
      forgetEverything();
      setSession(null);
    });
  }, []);

  // Send people where they can work: to log in, to set up a required second factor, then to choose a site.
  useEffect(() => {
    if (!loaded || offline) return;
    if (!loggedIn && route.screen !== 'login') {
      navigate('/login', { replace: true });
    } else if (loggedIn && route.screen === 'login') {
      navigate(landingPath(loggedIn), { replace: true });
    } else if (loggedIn && mustEnrolSecondFactor(loggedIn) && route.screen !== 'account') {
      navigate('/account', { replace: true });
    } else if (loggedIn && !loggedIn.currentSite && !WITHOUT_SITE.includes(route.screen)) {
      navigate('/sites', { replace: true });
    } else if (loggedIn?.currentSite && route.screen === 'search' && keepsStockOnly(loggedIn)) {
      navigate('/stock', { replace: true });
    }
  }, [loaded, loggedIn, offline, route.screen]);

  const state: AppState = { session: loggedIn, setSession, language, setLanguage, t };

  return (
    <AppContext.Provider value={state}>
      <Header />
      <main class="app-main" id="main">
        {loadProblem ? (
          <LoadFailed problem={loadProblem} onRetry={loadSession} />
        ) : !loaded ? (
          <Loading />
        ) : (
          <DeviceContext.Provider value={device}>
            {loggedIn || offline ? <SyncStatus /> : null}
            {offline ? (
              <OfflineScreen signedInOffline={signedInOffline} onSignOut={signOutOffline} onBackOnline={backOnline} />
            ) : (
              <Screen route={route} session={loggedIn} pendingLogin={pendingLogin} onOffline={signInOffline} wipedHere={wipedHere} />
            )}
          </DeviceContext.Provider>
        )}
      </main>
    </AppContext.Provider>
  );
}

interface ScreenProps {
  route: Route;
  session: Session | null;
  pendingLogin: Session | null;
  onOffline: (session: OfflineSession) => void;
  wipedHere: number;
}

function Screen({ route, session, pendingLogin, onOffline, wipedHere }: ScreenProps) {
  if (route.screen === 'login' || !session) {
    return <LoginScreen pending={pendingLogin} onOffline={onOffline} wipedHere={wipedHere} />;
  }
  if (mustEnrolSecondFactor(session)) {
    return <AccountScreen />;
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
    case 'newEncounter':
      return <NewEncounterScreen key={route.personId} personId={route.personId} />;
    case 'encounter':
      return <EncounterScreen key={route.encounterId} encounterId={route.encounterId} />;
    case 'newGroupSession':
      return <NewEncounterScreen key="group" />;
    case 'forms':
      return <FormsScreen />;
    case 'due':
      return <DueScreen />;
    case 'summary':
      return <SummaryScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'account':
      return <AccountScreen />;
    case 'emergencyAccess':
      return <EmergencyAccessScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'diagnoses':
      return <DiagnosesScreen />;
    case 'stock':
      return <StockHome />;
    case 'imports':
      return <ImportScreen />;
    case 'distribute':
      return <DistributionScreen />;
    case 'referrals':
      return <ToFollowScreen />;
    case 'directory':
      return <DirectoryScreen />;
    case 'passDeVille':
      return <PassDeVilleScreen />;
    case 'shelter':
      return <BedBoardScreen />;
    case 'outreach':
      return <DayPlanScreen />;
    case 'outreachSession':
      return <SessionScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'map':
      return <MapScreen />;
    case 'outbreaks':
      return <LineListScreen />;
    case 'rings':
      return <RingsScreen />;
    case 'campaign':
      return <CampaignScreen />;
    case 'water':
      return <WaterScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}
