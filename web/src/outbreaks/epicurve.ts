// Geometry of the epidemic curve: one stacked bar per ISO week, classifications stacked in the
// order of the case definitions (discarded cases left out), scaled to the tallest week.
import type { Epicurve } from './outbreaksApi';

export const STACKED = ['CONFIRMED', 'PROBABLE', 'SUSPECTED'] as const;

export interface Segment {
  classification: string;
  count: number;
  y: number;
  height: number;
}

export interface WeekBar {
  week: string;
  x: number;
  width: number;
  total: number;
  segments: Segment[];
}

/** The bars of a curve drawn in width × height, a gap of one fifth of a bar between weeks. */
export function weekBars(curve: Epicurve, width: number, height: number): WeekBar[] {
  const totals = curve.weeks.map((week) => STACKED.reduce((sum, c) => sum + (week.counts[c] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = curve.weeks.length > 0 ? width / curve.weeks.length : width;
  return curve.weeks.map((week, index) => {
    let top = height;
    const segments = STACKED.map((classification) => {
      const count = week.counts[classification] ?? 0;
      const segmentHeight = (count / max) * height;
      top -= segmentHeight;
      return { classification, count, y: top, height: segmentHeight };
    }).filter((segment) => segment.count > 0);
    return { week: week.week, x: index * slot, width: slot * 0.8, total: totals[index] ?? 0, segments };
  });
}
