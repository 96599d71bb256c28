// Turns the API's flat counts into a table: one row per site, one column per discipline.
import { DISCIPLINES, type Discipline, type SiteDisciplineCount } from './types';

export interface SummaryRow {
  siteId: string;
  siteName: string;
  counts: Record<Discipline, number>;
  total: number;
}

export interface SummaryGrid {
  rows: SummaryRow[];
  columnTotals: Record<Discipline, number>;
  total: number;
}

function zeros(): Record<Discipline, number> {
  return Object.fromEntries(DISCIPLINES.map((discipline) => [discipline, 0])) as Record<Discipline, number>;
}

export function summaryGrid(counts: SiteDisciplineCount[]): SummaryGrid {
  const rows = new Map<string, SummaryRow>();
  const columnTotals = zeros();
  let total = 0;
  for (const count of counts) {
    const row = rows.get(count.siteId) ?? { siteId: count.siteId, siteName: count.siteName, counts: zeros(), total: 0 };
    row.counts[count.discipline] += count.consultations;
    row.total += count.consultations;
    columnTotals[count.discipline] += count.consultations;
    total += count.consultations;
    rows.set(count.siteId, row);
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.siteName.localeCompare(b.siteName)),
    columnTotals,
    total,
  };
}
