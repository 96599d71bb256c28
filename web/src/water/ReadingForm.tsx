import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { RefusedHere } from '../outbreaks/offlineCreation';
import { waterApi, type NewWaterReading } from './waterApi';

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/** A reading at a point now: free residual chlorine, turbidity and volume, any of them. */
export function ReadingForm({ pointId, onRecorded, save = waterApi.record }: {
  pointId: string;
  onRecorded: () => void;
  /** How the reading is kept: sent to the server by default, queued on the device offline. */
  save?: (reading: NewWaterReading) => Promise<unknown>;
}) {
  const { t } = useApp();
  const [chlorine, setChlorine] = useState('');
  const [turbidity, setTurbidity] = useState('');
  const [volume, setVolume] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      const litres = number(volume);
      await save({
        id: uuidv7(),
        pointId,
        chlorine: number(chlorine),
        turbidity: number(turbidity),
        volumeLitres: litres === undefined ? undefined : Math.round(litres),
      });
      setChlorine('');
      setTurbidity('');
      setVolume('');
      onRecorded();
    } catch (error) {
      setProblem(error instanceof RefusedHere ? error.problem(t) : toProblem(error, t));
    }
  };

  return (
    <form class="water-form" onSubmit={submit} noValidate>
      <FormError problem={problem} />
      <div class="field">
        <label for="reading-chlorine">{t('water.chlorine')}</label>
        <input id="reading-chlorine" data-testid="reading-chlorine" inputMode="decimal" value={chlorine} onInput={(event) => setChlorine(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="reading-turbidity">{t('water.turbidity')}</label>
        <input id="reading-turbidity" inputMode="decimal" value={turbidity} onInput={(event) => setTurbidity(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="reading-volume">{t('water.volume')}</label>
        <input id="reading-volume" inputMode="numeric" value={volume} onInput={(event) => setVolume(event.currentTarget.value)} />
      </div>
      <button type="submit" class="button primary" data-testid="record-reading">
        {t('water.record')}
      </button>
    </form>
  );
}
