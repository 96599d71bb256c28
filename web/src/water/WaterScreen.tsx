import { useEffect, useState } from 'preact/hooks';
import { hasRole, useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { Loading } from '../components/Loading';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { ChlorineChart } from './ChlorineChart';
import { PointForm } from './PointForm';
import { ReadingForm } from './ReadingForm';
import { waterApi, type WaterHistory, type WaterPoint } from './waterApi';
import './water.css';

/** The water points of the user's sites, those in alert first, and one point's history and readings. */
export function WaterScreen() {
  const { t, session } = useApp();
  const [points, setPoints] = useState<WaterPoint[] | null>(null);
  const [history, setHistory] = useState<WaterHistory | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async () => {
    try {
      const all = await waterApi.points();
      setPoints([...all].sort((a, b) => Number(b.status === 'ALERT') - Number(a.status === 'ALERT')));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, []);

  const open = async (point: string) => {
    try {
      setHistory(await waterApi.history(point));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  if (!points) return <Loading />;
  return (
    <section class="card water" data-testid="water">
      <h1>{t('water.title')}</h1>
      <FormError problem={problem} />
      {points.length === 0 && <p class="empty">{t('water.none')}</p>}
      <ul class="water-points">
        {points.map((point) => (
          <li key={point.id} data-testid="water-point">
            <button type="button" class="link-button" onClick={() => open(point.id)}>
              {point.name}
            </button>
            <span>{t(`water.kind.${point.kind}`)}</span>
            <span class={point.status === 'ALERT' ? 'water-status-alert' : ''} data-testid="water-status">
              {t(`water.status.${point.status}`)}
            </span>
          </li>
        ))}
      </ul>
      {history && (
        <section class="water-history" data-testid="water-history">
          <h2>{history.point.name}</h2>
          <p class="hint">
            {t('water.range', {
              min: String(history.range.chlorineMin),
              max: String(history.range.chlorineMax),
              turbidity: String(history.range.turbidityMax),
            })}
          </p>
          <ChlorineChart history={history} />
          {hasRole(session, 'LOGISTICIAN', 'COORDINATOR', 'CLINICIAN') && (
            <ReadingForm
              pointId={history.point.id}
              onRecorded={() => {
                open(history.point.id);
                load();
              }}
            />
          )}
          <div class="table-scroll">
            <table class="summary-table">
              <thead>
                <tr>
                  <th>{t('water.measuredAt')}</th>
                  <th>{t('water.chlorine')}</th>
                  <th>{t('water.turbidity')}</th>
                  <th>{t('water.volume')}</th>
                  <th>{t('water.by')}</th>
                </tr>
              </thead>
              <tbody>
                {history.readings.map((reading) => (
                  <tr key={reading.id} class={reading.inRange ? '' : 'water-status-alert'}>
                    <td>{new Date(reading.measuredAt).toLocaleString()}</td>
                    <td>{reading.chlorine ?? t('app.none')}</td>
                    <td>{reading.turbidity ?? t('app.none')}</td>
                    <td>{reading.volumeLitres ?? t('app.none')}</td>
                    <td>{reading.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {hasRole(session, 'LOGISTICIAN', 'COORDINATOR', 'ADMINISTRATOR') && <PointForm onAdded={load} />}
    </section>
  );
}
