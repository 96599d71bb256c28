import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDateTime } from '../format';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { layerColour, layersOf, loadPoints, type MapPoint } from './mapLayers';
import { fit, pan, ringsPath, toScreen, zoom, type View } from './projection';
import { loadOutline, type Outline } from './outline';
import './map.css';

const WIDTH = 360;
const HEIGHT = 300;

/**
 * The map, drawn here from coordinates (Web-Mercator, SVG), with no tile server so that it works
 * offline: an outline of metropolitan France and Mayotte under the points of every module that
 * answers, a legend with a switch per layer, zoom and pan by buttons, drag and wheel, a tap on a point
 * to read its label, and every point listed in a table below for those who do not use the drawing.
 */
export function MapScreen() {
  const { t, language } = useApp();
  const [points, setPoints] = useState<MapPoint[] | null>(null);
  const [outline, setOutline] = useState<Outline>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<MapPoint | null>(null);
  const [view, setView] = useState<View | null>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  const load = async () => {
    setProblem(null);
    try {
      const loaded = await loadPoints();
      setPoints(loaded);
      setView(fit(loaded, WIDTH, HEIGHT));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
    setOutline(await loadOutline());
  };

  useEffect(() => {
    load();
  }, []);

  const layers = useMemo(() => layersOf(points ?? []), [points]);
  const shown = (points ?? []).filter((point) => !hidden.has(point.layer));

  if (problem) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!points || !view) return <Loading />;

  const toggle = (layer: string) => {
    const next = new Set(hidden);
    if (next.has(layer)) next.delete(layer);
    else next.add(layer);
    setHidden(next);
  };
  const zoomBy = (factor: number) => setView(zoom(view, factor, WIDTH, HEIGHT));
  const layerName = (layer: string) => {
    const key = `map.layer.${layer}`;
    const named = t(key as never);
    return named === key ? layer : named;
  };

  return (
    <section class="card map-screen" data-testid="map-screen">
      <h1>{t('map.title')}</h1>
      <div class="map-frame">
        <svg
          class="map-drawing"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={t('map.drawing')}
          data-testid="map-drawing"
          onPointerDown={(event) => {
            drag.current = { x: event.clientX, y: event.clientY };
            (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
          }}
          onPointerMove={(event) => {
            if (!drag.current) return;
            const box = (event.currentTarget as Element).getBoundingClientRect();
            const ratio = box.width > 0 ? WIDTH / box.width : 1;
            setView(pan(view, (event.clientX - drag.current.x) * ratio, (event.clientY - drag.current.y) * ratio));
            drag.current = { x: event.clientX, y: event.clientY };
          }}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onWheel={(event) => {
            event.preventDefault();
            zoomBy(event.deltaY < 0 ? 1.25 : 0.8);
          }}
        >
          <rect x="0" y="0" width={WIDTH} height={HEIGHT} class="map-sea" />
          {outline.map((rings, index) => (
            <path key={index} d={ringsPath(rings, view, WIDTH, HEIGHT)} class="map-land" />
          ))}
          {shown.map((point) => {
            const at = toScreen(view, point, WIDTH, HEIGHT);
            return (
              <circle
                key={point.layer + point.id}
                cx={at.x}
                cy={at.y}
                r={chosen?.id === point.id ? 8 : 6}
                fill={layerColour(point.layer, layers)}
                class={`map-point map-status-${point.status}`}
                data-testid={`map-point-${point.id}`}
                onPointerDown={(event) => event.stopPropagation()}
                onClick={() => setChosen(point)}
              >
                <title>{point.label}</title>
              </circle>
            );
          })}
        </svg>
        <div class="map-zoom" role="group" aria-label={t('map.zoom')}>
          <button type="button" class="secondary" onClick={() => zoomBy(2)} data-testid="map-zoom-in">
            +<span class="visually-hidden"> {t('map.zoomIn')}</span>
          </button>
          <button type="button" class="secondary" onClick={() => zoomBy(0.5)} data-testid="map-zoom-out">
            −<span class="visually-hidden"> {t('map.zoomOut')}</span>
          </button>
          <button type="button" class="secondary" onClick={() => setView(fit(shown, WIDTH, HEIGHT))}>
            {t('map.fit')}
          </button>
        </div>
      </div>
      {chosen && (
        <p class="map-chosen" role="status" data-testid="map-chosen">
          <strong>{chosen.label}</strong> · {layerName(chosen.layer)} · {t(`map.status.${chosen.status}` as never)}
        </p>
      )}
      <fieldset class="map-legend" data-testid="map-legend">
        <legend>{t('map.layers')}</legend>
        {layers.length === 0 && <p class="empty">{t('map.noPoints')}</p>}
        {layers.map((layer) => (
          <label key={layer} class="map-legend-item">
            <input type="checkbox" checked={!hidden.has(layer)} onChange={() => toggle(layer)} />
            <svg class="map-swatch" viewBox="0 0 10 10" aria-hidden="true">
              <circle cx="5" cy="5" r="5" fill={layerColour(layer, layers)} />
            </svg>
            {layerName(layer)}
          </label>
        ))}
      </fieldset>
      <table class="map-table" data-testid="map-table">
        <caption>{t('map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.col.label')}</th>
            <th scope="col">{t('map.col.layer')}</th>
            <th scope="col">{t('map.col.status')}</th>
            <th scope="col">{t('map.col.at')}</th>
            <th scope="col">{t('map.col.coordinates')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((point) => (
            <tr key={point.layer + point.id} data-testid={`map-row-${point.id}`}>
              <td>{point.label}</td>
              <td>{layerName(point.layer)}</td>
              <td>{t(`map.status.${point.status}` as never)}</td>
              <td>{point.at ? formatDateTime(point.at, language) : t('app.none')}</td>
              <td dir="ltr">
                {point.lat.toFixed(4)}, {point.lon.toFixed(4)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
