import { useApp } from '../appContext';
import { formatDose, TIMES_OF_DAY, type TimeOfDay } from '../coding';

const COLOURS: Record<TimeOfDay, string> = {
  morning: '#f2a900',
  noon: '#e8b800',
  evening: '#d95d1e',
  night: '#2e3f86',
};
const NONE = '#c8c8c8';

/**
 * The moon: a disc (centre 46,54, radius 30) less another (centre 63,44, radius 26), drawn as one
 * path between the two points where their circles cross, so that no mask id repeats in the page.
 */
const CRESCENT = (() => {
  const [x0, y0, r0, x1, y1, r1] = [46, 54, 30, 63, 44, 26];
  const d = Math.hypot(x1 - x0, y1 - y0);
  const a = (r0 * r0 - r1 * r1 + d * d) / (2 * d);
  const h = Math.sqrt(r0 * r0 - a * a);
  const mx = x0 + (a * (x1 - x0)) / d;
  const my = y0 + (a * (y1 - y0)) / d;
  const px = (h * (y1 - y0)) / d;
  const py = (h * (x1 - x0)) / d;
  const [ax, ay, bx, by] = [mx + px, my - py, mx - px, my + py].map((n) => n.toFixed(1));
  return `M${ax} ${ay} A${r0} ${r0} 0 1 0 ${bx} ${by} A${r1} ${r1} 0 0 1 ${ax} ${ay} Z`;
})();

/** Rays around a sun centred at (cx, cy), every 45° from `from` to `to` degrees. */
function rays(cx: number, cy: number, inner: number, outer: number, from: number, to: number): string {
  const parts: string[] = [];
  for (let angle = from; angle <= to && angle < 360; angle += 45) {
    const radians = (angle * Math.PI) / 180;
    const x1 = cx + Math.cos(radians) * inner;
    const y1 = cy - Math.sin(radians) * inner;
    const x2 = cx + Math.cos(radians) * outer;
    const y2 = cy - Math.sin(radians) * outer;
    parts.push(`M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`);
  }
  return parts.join('');
}

/**
 * The pictogram of a time of day, as on the printed sheet: the sun rising (arrow up), the sun high,
 * the sun setting (arrow down), the moon with a star. Without a dose it is pale and crossed out.
 */
export function TimeOfDayPictogram({ time, taken = true, size = 32 }: { time: TimeOfDay; taken?: boolean; size?: number }) {
  const { t } = useApp();
  const colour = taken ? COLOURS[time] : NONE;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 100 100"
      role="img"
      aria-label={t(`dosage.${time}`)}
      class={`pictogram pictogram-${time}${taken ? '' : ' pictogram-none'}`}
      data-testid={`pictogram-${time}`}
      data-taken={taken ? 'true' : 'false'}
    >
      {(time === 'morning' || time === 'evening') && (
        <g>
          <path d="M30 70 A20 20 0 0 1 70 70 Z" fill={colour} />
          <path d={rays(50, 70, 26, 36, 0, 180)} stroke={colour} stroke-width="4" />
          <path d="M5 70 L95 70" stroke={taken ? '#555' : NONE} stroke-width="4" />
          {time === 'morning' ? (
            <path d="M86 98 L86 80 M80 87 L86 78 L92 87" stroke={colour} stroke-width="4" fill="none" />
          ) : (
            <path d="M86 78 L86 96 M80 89 L86 98 L92 89" stroke={colour} stroke-width="4" fill="none" />
          )}
        </g>
      )}
      {time === 'noon' && (
        <g>
          <circle cx="50" cy="50" r="18" fill={colour} />
          <path d={rays(50, 50, 24, 34, 0, 360)} stroke={colour} stroke-width="4" />
        </g>
      )}
      {time === 'night' && (
        <g>
          <path d={CRESCENT} fill={colour} />
          <path d="M80 10 L83 19 L92 22 L83 25 L80 34 L77 25 L68 22 L77 19 Z" fill={colour} />
        </g>
      )}
      {!taken && <path d="M12 88 L88 12" stroke="#999" stroke-width="6" />}
    </svg>
  );
}

export interface DosagePictogramsProps {
  morning: number;
  noon: number;
  evening: number;
  night: number;
  /** The unit after each dose (tablets, ml...), if wanted. */
  unit?: (amount: number) => string;
  size?: number;
}

/** A dose at the four times of day, each under its pictogram: how a prescription line reads at a glance. */
export function DosagePictograms(props: DosagePictogramsProps) {
  const { t } = useApp();
  return (
    <ol class="dosage-pictograms" data-testid="dosage-pictograms">
      {TIMES_OF_DAY.map((time) => {
        const amount = props[time];
        return (
          <li key={time} data-testid={`dosage-${time}`}>
            <TimeOfDayPictogram time={time} taken={amount > 0} size={props.size} />
            <span class="dose-amount">
              {amount > 0 ? formatDose(amount) : <span class="visually-hidden">{t('dosage.none')}</span>}
            </span>
            {amount > 0 && props.unit && <span class="dose-unit">{props.unit(amount)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
