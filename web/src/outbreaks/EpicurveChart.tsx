import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import { weekBars } from './epicurve';
import type { Epicurve } from './outbreaksApi';

const WIDTH = 560;
const HEIGHT = 160;

/** The weekly epidemic curve: one bar per ISO week of onset, stacked by classification, in SVG. */
export function EpicurveChart({ curve }: { curve: Epicurve }) {
  const { t } = useApp();
  const bars = weekBars(curve, WIDTH, HEIGHT - 24);
  return (
    <figure class="epicurve">
      <svg class="chart" role="img" aria-label={t('outbreaks.epicurve')} width="100%" height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        data-testid="epicurve" dir="ltr">
        {bars.map((bar) => (
          <g key={bar.week} data-testid="epicurve-week" data-week={bar.week} data-total={bar.total}>
            <title>{`${bar.week}: ${bar.total}`}</title>
            {bar.segments.map((segment) => (
              <rect key={segment.classification} x={bar.x} y={segment.y} width={Math.max(1, bar.width)} height={segment.height}
                class={`epicurve-${segment.classification.toLowerCase()}`} />
            ))}
            <text x={bar.x + bar.width / 2} y={HEIGHT - 6} class="chart-axis" text-anchor="middle">{bar.week.slice(6)}</text>
          </g>
        ))}
      </svg>
      <figcaption class="epicurve-legend">
        {(['CONFIRMED', 'PROBABLE', 'SUSPECTED'] as const).map((c) => (
          <span key={c} class={`legend epicurve-${c.toLowerCase()}`}>{t(enumKey('outbreaks.classification', c))}</span>
        ))}
      </figcaption>
    </figure>
  );
}
