import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { bars, seriesPoints } from '../reportCharts';
import type { Report } from '../types';

const WIDTH = 560;
const HEIGHT = 160;
const BAR = 22;

/** A bar chart by site (a bar drills down to its site) and a time series by month, drawn in SVG. */
export function ReportCharts({ report, nameOf, onSite }: { report: Report; nameOf: (code: string) => string; onSite: (siteId: string) => void }) {
  const { t } = useApp();
  const [code, setCode] = useState(report.figures[0]?.code ?? '');
  const figures = report.figures.find((f) => f.code === code) ?? report.figures[0];
  if (!figures) return null;
  const siteBars = bars(
    report.sites.map((site) => ({ key: site.id, label: site.name, value: figures.by.SITE?.[site.id] ?? 0 })),
    WIDTH - 220,
  );
  const points = seriesPoints(figures.months, WIDTH - 40, HEIGHT - 30);
  return (
    <div class="report-charts">
      <div class="field narrow-field">
        <label for="chart-indicator">{t('reports.chartIndicator')}</label>
        <select id="chart-indicator" data-testid="chart-indicator" value={figures.code} onChange={(e) => setCode(e.currentTarget.value)}>
          {report.figures.map((f) => (
            <option key={f.code} value={f.code}>
              {nameOf(f.code)}
            </option>
          ))}
        </select>
      </div>
      {figures.by.SITE && report.sites.length > 1 && (
        <svg class="chart" role="img" aria-label={t('reports.bySite')} width={WIDTH} height={siteBars.length * (BAR + 6) + 10}
          viewBox={`0 0 ${WIDTH} ${siteBars.length * (BAR + 6) + 10}`} data-testid="chart-sites">
          {siteBars.map((bar, index) => (
            <g key={bar.key} class="chart-bar" data-testid="chart-bar" onClick={() => onSite(bar.key)}>
              <title>{`${bar.label}: ${bar.value}`}</title>
              <text x={0} y={index * (BAR + 6) + 16} class="chart-label">{bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}</text>
              <rect x={200} y={index * (BAR + 6)} width={Math.max(1, bar.width)} height={BAR} class="chart-rect" />
              <text x={206 + bar.width} y={index * (BAR + 6) + 16} class="chart-value">{bar.value}</text>
            </g>
          ))}
        </svg>
      )}
      {points.length > 1 && (
        <svg class="chart" role="img" aria-label={t('reports.byMonth')} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="chart-months">
          <polyline class="chart-line" fill="none" points={points.map((p) => `${p.x + 20},${p.y + 10}`).join(' ')} />
          {points.map((p) => (
            <g key={p.month}>
              <circle cx={p.x + 20} cy={p.y + 10} r={3} class="chart-point">
                <title>{`${p.month}: ${p.value}`}</title>
              </circle>
              <text x={p.x + 20} y={HEIGHT - 4} class="chart-axis" text-anchor="middle">{p.month.slice(5)}</text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
