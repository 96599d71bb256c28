// The map's layers, from every module that serves the shared map-points shape. A module that is
// absent (404) or closed to the user (403) is left out; the others are drawn.
import { ApiError, call } from '../api';

export type MapPoint = {
  id: string;
  layer: string;
  lat: number;
  lon: number;
  label: string;
  status: string;
  at?: string | null;
};

/** The modules asked for points, in drawing order (the last on top). */
export const SOURCES = ['water', 'outbreaks', 'outreach'] as const;

/** The points of every module that answers; a module that is absent or closed to the user adds none. */
export async function loadPoints(
  fetchPoints: (module: string) => Promise<{ points: MapPoint[] }> = (module) =>
    call<{ points: MapPoint[] }>('GET', `/api/${module}/map-points`),
): Promise<MapPoint[]> {
  const answers = await Promise.all(
    SOURCES.map(async (module) => {
      try {
        return (await fetchPoints(module)).points.filter(isDrawable);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
          return [];
        }
        throw error;
      }
    }),
  );
  return answers.flat();
}

function isDrawable(point: MapPoint): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180 &&
    typeof point.layer === 'string'
  );
}

/** The layers present among the points, in the order first met. */
export function layersOf(points: MapPoint[]): string[] {
  return [...new Set(points.map((point) => point.layer))];
}

const PALETTE = ['#1f6fb2', '#b23a1f', '#2e7d32', '#7b1fa2', '#ef6c00', '#00838f', '#5d4037'];

/** A colour per layer, stable for a given list of layers. */
export function layerColour(layer: string, layers: string[]): string {
  const index = layers.indexOf(layer);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length] ?? '#1f6fb2';
}
