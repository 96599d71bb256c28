import { describe, expect, it } from 'vitest';
import { fit, MAX_LATITUDE, pan, project, toScreen, unproject, zoom } from './projection';

describe('Web-Mercator projection', () => {
  it('puts the equator and the prime meridian in the middle of the world square', () => {
    expect(project({ lon: 0, lat: 0 })).toEqual({ x: 0.5, y: 0.5 });
    expect(project({ lon: -180, lat: 0 }).x).toBe(0);
    expect(project({ lon: 180, lat: 0 }).x).toBe(1);
  });

  it('matches the tile maths of Paris, worked by hand', () => {
    // y = 0.5 - ln(tan(pi/4 + lat/2)) / (2 pi); for 48.8566° N, ln(tan(69.4283°)) = 0.979998, so y = 0.5 - 0.155972
    const paris = project({ lon: 2.3522, lat: 48.8566 });
    expect(paris.x).toBeCloseTo(0.506534, 6);
    expect(paris.y).toBeCloseTo(0.344028, 6);
  });

  it('puts Mayotte south of the equator, below the middle', () => {
    const mamoudzou = project({ lon: 45.2279, lat: -12.7806 });
    expect(mamoudzou.y).toBeGreaterThan(0.5);
    expect(mamoudzou.x).toBeCloseTo(0.625633, 5);
  });

  it('clamps the poles, which Web-Mercator cannot draw', () => {
    expect(project({ lon: 0, lat: 90 }).y).toBeCloseTo(0, 6);
    expect(project({ lon: 0, lat: -90 }).y).toBeCloseTo(1, 6);
    expect(unproject({ x: 0.5, y: 0 }).lat).toBeCloseTo(MAX_LATITUDE, 5);
  });

  it('comes back to the same place through its inverse', () => {
    const back = unproject(project({ lon: 1.8587, lat: 50.9513 }));
    expect(back.lon).toBeCloseTo(1.8587, 9);
    expect(back.lat).toBeCloseTo(50.9513, 9);
  });
});

describe('the view', () => {
  const calais = { lon: 1.8587, lat: 50.9513 };
  const grandeSynthe = { lon: 2.3, lat: 51.0139 };

  it('fits every place inside the viewport with its margin', () => {
    const view = fit([calais, grandeSynthe], 400, 300);
    for (const place of [calais, grandeSynthe]) {
      const p = toScreen(view, place, 400, 300);
      expect(p.x).toBeGreaterThanOrEqual(40 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(360 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(300);
    }
    // the wider span (east-west) fills the usable width exactly
    const left = toScreen(view, calais, 400, 300);
    const right = toScreen(view, grandeSynthe, 400, 300);
    expect(right.x - left.x).toBeCloseTo(320, 6);
  });

  it('keeps the place under the finger still when zooming there', () => {
    const view = fit([calais, grandeSynthe], 400, 300);
    const before = toScreen(view, calais, 400, 300);
    const after = toScreen(zoom(view, 2, 400, 300, before), calais, 400, 300);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
  });

  it('doubles the distances on screen when zooming in by two', () => {
    const view = fit([calais, grandeSynthe], 400, 300);
    const zoomed = zoom(view, 2, 400, 300);
    const d = (v: typeof view) => toScreen(v, grandeSynthe, 400, 300).x - toScreen(v, calais, 400, 300).x;
    expect(d(zoomed)).toBeCloseTo(2 * d(view), 6);
  });

  it('moves the map with a drag', () => {
    const view = fit([calais], 400, 300);
    const before = toScreen(view, calais, 400, 300);
    const after = toScreen(pan(view, 30, -20), calais, 400, 300);
    expect(after.x - before.x).toBeCloseTo(30, 6);
    expect(after.y - before.y).toBeCloseTo(-20, 6);
  });
});
