import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { waterApi, type NewWaterPoint } from './waterApi';

const KINDS: Array<NewWaterPoint['kind']> = ['TAP_STAND', 'WELL', 'BOREHOLE', 'SPRING_CATCHMENT', 'TANK', 'BLADDER', 'TRUCKING', 'HOUSEHOLD'];

/** A new water point at the current site, with its coordinates (decimal degrees). */
export function PointForm({ onAdded }: { onAdded: () => void }) {
  const { t, session } = useApp();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NewWaterPoint['kind']>('TAP_STAND');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [capacity, setCapacity] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const site = session?.currentSite?.id;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!site) return;
    setProblem(null);
    try {
      await waterApi.addPoint({
        id: uuidv7(),
        siteId: site,
        kind,
        name,
        lat: Number(lat.replace(',', '.')),
        lon: Number(lon.replace(',', '.')),
        capacityLitres: capacity.trim() ? Number.parseInt(capacity, 10) : undefined,
      });
      setName('');
      onAdded();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <details class="water-new">
      <summary>{t('water.newPoint')}</summary>
      <form class="water-form" onSubmit={submit} noValidate>
        <FormError problem={problem} />
        <div class="field">
          <label for="point-name">{t('water.name')}</label>
          <input id="point-name" value={name} maxLength={80} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="point-kind">{t('water.kindLabel')}</label>
          <select id="point-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as NewWaterPoint['kind'])}>
            {KINDS.map((one) => (
              <option key={one} value={one}>
                {t(`water.kind.${one}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="point-lat">{t('water.lat')}</label>
          <input id="point-lat" inputMode="decimal" value={lat} onInput={(event) => setLat(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="point-lon">{t('water.lon')}</label>
          <input id="point-lon" inputMode="decimal" value={lon} onInput={(event) => setLon(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="point-capacity">
            {t('water.capacity')} <span class="hint">({t('app.optional')})</span>
          </label>
          <input id="point-capacity" inputMode="numeric" value={capacity} onInput={(event) => setCapacity(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" disabled={!site || !name.trim()}>
          {t('water.add')}
        </button>
      </form>
    </details>
  );
}
