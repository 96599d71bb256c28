// The optional outline under the points: a small GeoJSON of metropolitan France and Mayotte shipped
// with the client (france-mayotte.json, from Natural Earth, public domain: see OUTLINE.md), built
// into a chunk of its own that the service worker caches like the rest. Without it the map still
// draws its points.

/** Polygons, each a list of rings of [longitude, latitude]. */
export type Outline = number[][][][];

type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export async function loadOutline(): Promise<Outline> {
  try {
    const outline = (await import('./france-mayotte.json')).default as { features?: Array<{ geometry?: Geometry }> };
    return polygons(outline);
  } catch {
    return [];
  }
}

export function polygons(collection: { features?: Array<{ geometry?: Geometry }> }): Outline {
  const found: Outline = [];
  for (const feature of collection.features ?? []) {
    const geometry = feature.geometry;
    if (geometry?.type === 'Polygon') found.push(geometry.coordinates);
    if (geometry?.type === 'MultiPolygon') found.push(...geometry.coordinates);
  }
  return found;
}
