// Web-Mercator maths in a few lines, so that the map draws from coordinates alone, offline, with no
// tile server: longitude and latitude (degrees) to x and y in a world square of side 1, and a view
// (centre and zoom) that fits points into an SVG viewport and moves by buttons and gestures.

export type LonLat = { lon: number; lat: number };
export type Point = { x: number; y: number };

/** Beyond this latitude Web-Mercator runs to infinity; points are clamped to it. */
export const MAX_LATITUDE = 85.05112878;

/** Longitude and latitude to the unit square: x from 0 (180° W) to 1 (180° E), y from 0 (north) to 1. */
export function project({ lon, lat }: LonLat): Point {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return {
    x: (lon + 180) / 360,
    y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
  };
}

/** The inverse of {@link project}. */
export function unproject({ x, y }: Point): LonLat {
  const n = Math.PI - 2 * Math.PI * y;
  return { lon: x * 360 - 180, lat: (180 / Math.PI) * Math.atan(Math.sinh(n)) };
}

/** What the map shows: the unit-square point at the centre and the scale (pixels per unit square). */
export type View = { centre: Point; scale: number };

export const MIN_SCALE = 256;
export const MAX_SCALE = 256 * 2 ** 19;

/** Where a place falls in a viewport of this width and height, in pixels. */
export function toScreen(view: View, place: LonLat, width: number, height: number): Point {
  const p = project(place);
  return {
    x: width / 2 + (p.x - view.centre.x) * view.scale,
    y: height / 2 + (p.y - view.centre.y) * view.scale,
  };
}

/** The view that shows all these places with a margin (a fraction of the viewport) around them. */
export function fit(places: LonLat[], width: number, height: number, margin = 0.1): View {
  if (places.length === 0) {
    // metropolitan France
    return { centre: project({ lon: 2.5, lat: 46.5 }), scale: 256 * 2 ** 5 };
  }
  const points = places.map(project);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const usable = 1 - 2 * margin;
  const scale = Math.min((width * usable) / spanX, (height * usable) / spanY, 256 * 2 ** 16);
  return { centre: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, scale: clampScale(scale) };
}

/** Zooms by a factor, keeping the place under the screen point `at` (the centre by default) still. */
export function zoom(view: View, factor: number, width: number, height: number, at?: Point): View {
  const scale = clampScale(view.scale * factor);
  const focus = at ?? { x: width / 2, y: height / 2 };
  const dx = (focus.x - width / 2) / view.scale;
  const dy = (focus.y - height / 2) / view.scale;
  const world = { x: view.centre.x + dx, y: view.centre.y + dy };
  return {
    centre: { x: world.x - (focus.x - width / 2) / scale, y: world.y - (focus.y - height / 2) / scale },
    scale,
  };
}

/** Moves the view by a drag of (dx, dy) pixels: the map follows the finger. */
export function pan(view: View, dx: number, dy: number): View {
  return { centre: { x: view.centre.x - dx / view.scale, y: view.centre.y - dy / view.scale }, scale: view.scale };
}

function clampScale(scale: number): number {
  return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
}

/** An SVG path of GeoJSON rings (each a list of [lon, lat]) in the view. */
export function ringsPath(rings: number[][][], view: View, width: number, height: number): string {
  return rings
    .map((ring) =>
      ring
        .map(([lon = 0, lat = 0], i) => {
          const p = toScreen(view, { lon, lat }, width, height);
          return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
        })
        .join('') + 'Z',
    )
    .join('');
}
