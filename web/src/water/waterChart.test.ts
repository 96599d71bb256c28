import { describe, expect, it } from 'vitest';
import { chlorinePoints } from './waterChart';

describe('chlorinePoints', () => {
  it('places the readings oldest first across the width, on a scale up to the highest value', () => {
    const points = chlorinePoints(
      [
        { measuredAt: '2026-12-07T10:00:00Z', chlorine: 4 },
        { measuredAt: '2026-12-06T10:00:00Z', chlorine: 1 },
        { measuredAt: '2026-12-05T10:00:00Z', chlorine: null },
      ],
      100,
      50,
      3,
    );
    expect(points).toEqual([
      { x: 0, y: 37.5, value: 1, at: '2026-12-06T10:00:00Z' },
      { x: 100, y: 0, value: 4, at: '2026-12-07T10:00:00Z' },
    ]);
  });
});
