import { describe, expect, it } from 'vitest';
import { summaryGrid } from './summaryTable';

describe('the summary table', () => {
  it('has one row per site and totals per discipline', () => {
    const grid = summaryGrid([
      { siteId: 's2', siteName: 'Pantin', discipline: 'MENTAL_HEALTH', consultations: 4 },
      { siteId: 's1', siteName: 'Calais', discipline: 'MEDICAL', consultations: 10 },
      { siteId: 's1', siteName: 'Calais', discipline: 'NURSING', consultations: 3 },
      { siteId: 's2', siteName: 'Pantin', discipline: 'MEDICAL', consultations: 2 },
    ]);
    expect(grid.rows.map((row) => [row.siteName, row.total])).toEqual([
      ['Calais', 13],
      ['Pantin', 6],
    ]);
    expect(grid.columnTotals.MEDICAL).toBe(12);
    expect(grid.columnTotals.LEGAL).toBe(0);
    expect(grid.total).toBe(19);
  });
});
