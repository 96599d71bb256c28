// Pure helpers of the reports screen: periods, chart geometry and small-count suppression.
import type { Figures, ReportQuery } from './types';

export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR' | 'CUSTOM';

export interface PeriodChoice {
  kind: PeriodKind;
  month: string; // 2026-03
  quarter: string; // 2026-Q1
  year: string; // 2026
  from: string;
  to: string;
}

/** The report query of a scope and a period choice. */
export function queryOf(scope: { programme?: string; site?: string }, period: PeriodChoice): ReportQuery {
  const base: ReportQuery = {};
  if (scope.site) base.site = scope.site;
  else if (scope.programme) base.programme = scope.programme;
  switch (period.kind) {
    case 'MONTH':
      return { ...base, period: period.month };
    case 'QUARTER':
      return { ...base, period: period.quarter };
    case 'YEAR':
      return { ...base, period: period.year };
    case 'CUSTOM':
      return { ...base, from: period.from, to: period.to };
  }
}

/** The period choice of today: this month, its quarter and year; custom from the first of the month. */
export function defaultPeriod(today: Date = new Date()): PeriodChoice {
  const year = today.getFullYear();
  const month = String(today.getMonth() + 1).padStart(2, '0');
  const quarter = Math.floor(today.getMonth() / 3) + 1;
  const iso = today.toISOString().slice(0, 10);
  return {
    kind: 'MONTH',
    month: `${year}-${month}`,
    quarter: `${year}-Q${quarter}`,
    year: String(year),
    from: `${year}-${month}-01`,
    to: iso,
  };
}

/** A count as it may leave the organisation: small counts hidden as "<threshold". */
export function suppressed(count: number, threshold: number): string {
  return count > 0 && count < threshold ? `<${threshold}` : String(count);
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  x: number;
  width: number;
  height: number;
}

/** Horizontal bars scaled to the largest value, one per item, in the order given. */
export function bars(items: Array<{ key: string; label: string; value: number }>, width: number): Bar[] {
  const max = Math.max(1, ...items.map((item) => item.value));
  return items.map((item) => ({ ...item, x: 0, width: Math.round((item.value / max) * width), height: 0 }));
}

/** The points of a time series as an SVG polyline, months in order, scaled into width × height. */
export function seriesPoints(months: Record<string, number>, width: number, height: number): Array<{ month: string; value: number; x: number; y: number }> {
  const keys = Object.keys(months).sort();
  const max = Math.max(1, ...keys.map((key) => months[key] ?? 0));
  const step = keys.length > 1 ? width / (keys.length - 1) : 0;
  return keys.map((month, index) => {
    const value = months[month] ?? 0;
    return { month, value, x: Math.round(index * step), y: Math.round(height - (value / max) * height) };
  });
}

/** The figures of one indicator, or none. */
export function figuresOf(figures: Figures[], code: string): Figures | undefined {
  return figures.find((f) => f.code === code);
}

/** Categories of a disaggregation in their natural order, then any others found. */
export const CATEGORIES: Record<string, string[]> = {
  SEX: ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'],
  AGE_GROUP: ['00-04', '05-14', '15-17', '18+', 'unknown'],
  DISCIPLINE: ['MEDICAL', 'NURSING', 'MENTAL_HEALTH', 'SOCIAL', 'LEGAL'],
  VISIT: ['NEW', 'REPEAT', 'GROUP'],
};

/** The headline indicators of an annual activity report, in print order. */
export const HEADLINE = [
  'PEOPLE_REACHED',
  'OUTPATIENT_CONSULTATIONS',
  'MENTAL_HEALTH_INDIVIDUAL',
  'MENTAL_HEALTH_GROUP_SESSIONS',
  'NEW_REGISTRATIONS',
  'MINORS_SEEN',
  'WOMEN_SEEN',
  'REFERRALS_MADE',
];
