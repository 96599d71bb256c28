import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { uuidv7 } from '../ids';
import type { DeviceSession } from '../offline/deviceSession';
import { workSite } from '../offline/offlineWork';
import { ReadingForm } from '../water/ReadingForm';
import { keptWaterPoints, queueReading } from '../water/offlineReadings';
import type { WaterPoint } from '../water/waterApi';
import { NewCaseForm } from './NewCaseForm';
import { OfflineCaseCourse } from './OfflineCaseCourse';
import { keptDiseases, queueCase } from './offlineCases';
import type { Disease } from './outbreaksApi';
import './outbreaks.css';

type Open = { what: 'none' } | { what: 'case'; disease: Disease } | { what: 'reading'; point: WaterPoint };

/**
 * Public-health work without network on the offline home: an anonymous line-list case of a disease
 * kept at the last sync, the course of an open case kept then, and a water reading at a point kept then. Each is checked here and kept in
 * the outbox, written at the next sync through the same rules as online.
 */
export function OfflinePublicHealth({ device }: { device: DeviceSession }) {
  const { t, language } = useApp();
  const [diseases, setDiseases] = useState<Disease[]>([]);
  const [points, setPoints] = useState<WaterPoint[]>([]);
  const [site, setSite] = useState<string | null>(null);
  const [chosenDisease, setChosenDisease] = useState('');
  const [chosenPoint, setChosenPoint] = useState('');
  const [open, setOpen] = useState<Open>({ what: 'none' });
  const [queued, setQueued] = useState(false);

  useEffect(() => {
    void Promise.all([keptDiseases(device.store), keptWaterPoints(device.store), workSite(device)]).then(([kept, held, here]) => {
      setDiseases(kept);
      setPoints(held);
      setSite(here);
      setChosenDisease(kept[0]?.code ?? '');
      setChosenPoint(held[0]?.id ?? '');
    });
  }, [device]);

  const recorder = device.profile.roles.includes('CLINICIAN');
  const reader = ['CLINICIAN', 'COORDINATOR', 'LOGISTICIAN'].some((role) => device.profile.roles.includes(role));
  const canCase = recorder && diseases.length > 0 && site !== null;
  const canRead = reader && points.length > 0;
  if (!canCase && !canRead) return null;
  const done = () => {
    setOpen({ what: 'none' });
    setQueued(true);
  };

  if (open.what === 'case' && site) {
    return (
      <NewCaseForm disease={open.disease} siteId={site} newId={() => uuidv7()} onDone={done}
        onCancel={() => setOpen({ what: 'none' })} save={(body) => queueCase(device, body)} />
    );
  }
  return (
    <section class="card" aria-labelledby="offline-health-title" data-testid="offline-public-health">
      <h2 id="offline-health-title">{t('offlineHealth.title')}</h2>
      {queued && <p class="success" role="status" data-testid="offline-health-queued">{t('offlineHealth.queued')}</p>}
      {canCase && (
        <div class="field-row">
          <div class="field">
            <label for="offline-case-disease">{t('outbreaks.disease')}</label>
            <select id="offline-case-disease" value={chosenDisease} onChange={(event) => setChosenDisease(event.currentTarget.value)}
              data-testid="offline-case-disease">
              {diseases.map((one) => <option key={one.code} value={one.code}>{one.names[language] ?? one.code}</option>)}
            </select>
          </div>
          <button type="button" class="button" data-testid="offline-add-case" onClick={() => {
            const disease = diseases.find((one) => one.code === chosenDisease);
            if (disease) {
              setQueued(false);
              setOpen({ what: 'case', disease });
            }
          }}>
            {t('outbreaks.addCase')}
          </button>
        </div>
      )}
      {recorder && <OfflineCaseCourse device={device} diseases={diseases} onQueued={() => setQueued(true)} />}
      {canRead && (
        <div class="field">
          <label for="offline-reading-point">{t('offlineHealth.point')}</label>
          <select id="offline-reading-point" value={chosenPoint} onChange={(event) => {
            setChosenPoint(event.currentTarget.value);
            setQueued(false);
          }} data-testid="offline-reading-point">
            {points.map((one) => <option key={one.id} value={one.id}>{one.name}</option>)}
          </select>
        </div>
      )}
      {canRead && chosenPoint && (
        <ReadingForm key={chosenPoint} pointId={chosenPoint} onRecorded={done}
          save={(reading) => queueReading(device, points.find((one) => one.id === reading.pointId), reading)} />
      )}
    </section>
  );
}
