import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { Link } from '../components/Link';
import { waterApi, type WaterPoint } from './waterApi';

/** The water points in alert at the user's sites, for the dashboard; nothing when none is (or on failure). */
export function WaterAlerts() {
  const { t } = useApp();
  const [alerts, setAlerts] = useState<WaterPoint[]>([]);
  useEffect(() => {
    waterApi.alerts().then(setAlerts, () => setAlerts([]));
  }, []);
  if (alerts.length === 0) return null;
  return (
    <div class="notice water-alerts" role="status" data-testid="water-alerts">
      <Link href="/water">{t('water.alerts', { count: alerts.length })}</Link>
      <ul>
        {alerts.map((point) => (
          <li key={point.id}>
            {point.name}: {point.latest?.chlorine ?? t('app.none')} mg/L, {point.latest?.turbidity ?? t('app.none')} NTU
          </li>
        ))}
      </ul>
    </div>
  );
}
