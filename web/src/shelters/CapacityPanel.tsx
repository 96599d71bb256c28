import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { formatDate } from '../format';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { lastNights, occupancyRate } from './shelterFigures';
import { sheltersApi, type BedBoard, type NightOccupancy } from './sheltersApi';

/**
 * For the coordinator: open the emergency beds from tonight with one tap, and the occupancy of the
 * last seven nights, night by night and as a rate.
 */
export function CapacityPanel({ board, onChanged }: { board: BedBoard; onChanged: () => void }) {
  const { t, language } = useApp();
  const [nights, setNights] = useState<NightOccupancy[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const { from, until } = lastNights(board.night, 7);
    sheltersApi
      .occupancy(board.siteId, from, until)
      .then(setNights)
      .catch((error) => setProblem(toProblem(error, t)));
  }, [board.siteId, board.night, board.capacity, board.occupied]);

  const open = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await sheltersApi.openEmergency(board.siteId, board.night);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setSaving(false);
    }
  };

  const rate = nights ? occupancyRate(nights) : null;
  return (
    <section class="bed-board-room" data-testid="shelter-capacity">
      <h2>{t('shelter.occupancy')}</h2>
      {!board.emergencyOpen && (
        <button type="button" class="mark" disabled={saving} data-testid="open-emergency" onClick={open}>
          {t('shelter.openEmergency')}
        </button>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem.detail ?? problem.title}
        </p>
      )}
      {rate != null && (
        <p data-testid="occupancy-rate">{t('shelter.occupancyRate', { rate })}</p>
      )}
      {nights && (
        <table class="bed-board-occupancy">
          <thead>
            <tr>
              <th>{t('shelter.night')}</th>
              <th>{t('shelter.capacity')}</th>
              <th>{t('shelter.slept')}</th>
            </tr>
          </thead>
          <tbody>
            {nights.map((night) => (
              <tr key={night.night} data-testid="occupancy-night">
                <td>
                  {formatDate(night.night, language)}
                  {night.emergencyOpen && <span class="bed-board-tag">{t('shelter.emergency')}</span>}
                </td>
                <td>{night.capacity}</td>
                <td>{night.slept}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
