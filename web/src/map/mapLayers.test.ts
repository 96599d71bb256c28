import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { layersOf, loadPoints, type MapPoint } from './mapLayers';

const point = (layer: string, lat = 48.85, lon = 2.35): MapPoint => ({
  id: layer + lat,
  layer,
  lat,
  lon,
  label: layer,
  status: 'ok',
  at: null,
});

describe('map layers', () => {
  it('draws the modules that answer and leaves out those absent or closed', async () => {
    const points = await loadPoints(async (module) => {
      if (module === 'water') throw new ApiError({ status: 404, code: 'not-found' });
      if (module === 'outbreaks') throw new ApiError({ status: 403, code: 'role-not-allowed' });
      return { points: [point('outreach-location'), point('outreach-session')] };
    });
    expect(layersOf(points)).toEqual(['outreach-location', 'outreach-session']);
  });

  it('fails when a module fails otherwise, rather than showing a map silently missing a layer', async () => {
    await expect(
      loadPoints(async () => {
        throw new ApiError({ status: 500, code: 'internal-error' });
      }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('leaves out a point whose coordinates cannot be drawn', async () => {
    const points = await loadPoints(async (module) =>
      module === 'outreach' ? { points: [point('a', 91), point('b', 10, 200), point('c', 43.3, 5.4)] } : { points: [] },
    );
    expect(points.map((p) => p.layer)).toEqual(['c']);
  });
});
