import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { outbreaksApi, type OutbreakAlert } from './outbreaksApi';

/** The outbreak thresholds crossed in the last four weeks in the user's scope; nothing when none. */
export function OutbreakAlerts({ siteId }: { siteId?: string }) {
  const { t, language } = useApp();
  const [alerts, setAlerts] = useState<OutbreakAlert[]>([]);
  useEffect(() => {
    outbreaksApi.alerts(siteId).then(setAlerts).catch(() => setAlerts([]));
  }, [siteId]);
  if (alerts.length === 0) return null;
  return (
    <section class="card outbreak-alerts" role="alert" data-testid="outbreak-alerts">
      <h3>{t('outbreaks.alerts')}</h3>
      <ul>
        {alerts.map((alert) => (
          <li key={`${alert.threshold}-${alert.placeId}-${alert.week}`} data-testid="outbreak-alert">
            <strong>{alert.names[language] ?? alert.threshold}</strong> — {t('outbreaks.alertWeek', { week: alert.week, cases: String(alert.cases) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
