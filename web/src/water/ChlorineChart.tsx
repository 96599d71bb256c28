import { useApp } from '../appContext';
import { chlorinePoints, yOf } from './waterChart';
import type { WaterHistory } from './waterApi';

const WIDTH = 300;
const HEIGHT = 100;

/** A small line of a point's free residual chlorine over time, over the band of the acceptable range. */
export function ChlorineChart({ history }: { history: WaterHistory }) {
  const { t } = useApp();
  const max = Number(history.range.chlorineMax) * 1.5;
  const points = chlorinePoints(history.readings, WIDTH, HEIGHT, max);
  if (points.length === 0) return null;
  const top = Math.max(max, ...points.map((point) => point.value));
  const bandTop = yOf(Number(history.range.chlorineMax), HEIGHT, top);
  const bandBottom = yOf(Number(history.range.chlorineMin), HEIGHT, top);
  return (
    <svg class="water-chart" viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 8}`} role="img" aria-label={t('water.chartLabel')}>
      <rect x={0} y={bandTop} width={WIDTH} height={bandBottom - bandTop} class="water-band" />
      <polyline points={points.map((point) => `${point.x},${point.y}`).join(' ')} class="water-line" fill="none" />
      {points.map((point) => (
        <circle key={point.at} cx={point.x} cy={point.y} r={3} class="water-dot">
          <title>{`${point.at.slice(0, 16).replace('T', ' ')} — ${point.value} mg/L`}</title>
        </circle>
      ))}
    </svg>
  );
}
