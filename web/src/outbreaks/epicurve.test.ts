import { describe, expect, it } from 'vitest';
import { weekBars } from './epicurve';

describe('weekBars', () => {
  it('stacks each week by classification, scaled to the tallest week, leaving discarded cases out', () => {
    const bars = weekBars(
      {
        disease: 'cholera',
        weeks: [
          { week: '2026-W45', weekStart: '2026-11-02', counts: { SUSPECTED: 1, PROBABLE: 0, CONFIRMED: 1, DISCARDED: 0 } },
          { week: '2026-W46', weekStart: '2026-11-09', counts: { SUSPECTED: 0, PROBABLE: 1, CONFIRMED: 0, DISCARDED: 3 } },
          { week: '2026-W47', weekStart: '2026-11-16', counts: { SUSPECTED: 3, PROBABLE: 0, CONFIRMED: 1, DISCARDED: 0 } },
        ],
      },
      300,
      100,
    );
    expect(bars.map((bar) => bar.total)).toEqual([2, 1, 4]);
    expect(bars.map((bar) => bar.x)).toEqual([0, 100, 200]);
    expect(bars[2]?.segments).toEqual([
      { classification: 'CONFIRMED', count: 1, y: 75, height: 25 },
      { classification: 'SUSPECTED', count: 3, y: 0, height: 75 },
    ]);
    expect(bars[1]?.segments.map((s) => s.classification)).toEqual(['PROBABLE']);
  });
});
