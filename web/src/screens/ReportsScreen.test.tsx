import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { applyLanguage } from '../i18n';
import { bars, queryOf, seriesPoints, suppressed } from '../reportCharts';
import { choose, click, jsonResponse, mount, SESSION, settle } from '../test/render';
import type { IndicatorInfo, Report, ReportScope, Session } from '../types';
import { ReportsScreen } from './ReportsScreen';

const COORDINATOR: Session = { ...SESSION, user: { ...SESSION.user, roles: ['COORDINATOR'] } } as Session;
const CLINICIAN: Session = { ...SESSION, user: { ...SESSION.user, roles: ['CLINICIAN'] } } as Session;

const SITES = [
  { id: 'site-a', name: 'Clinique mobile Calais', programmeId: 'prog', programmeName: 'Littoral' },
  { id: 'site-b', name: 'Clinique mobile Grande-Synthe', programmeId: 'prog', programmeName: 'Littoral' },
];
const SCOPE: ReportScope = { programmes: [{ id: 'prog', name: 'Littoral', sites: SITES }], smallCountThreshold: 5 };
const INDICATORS: IndicatorInfo[] = [
  { code: 'PEOPLE_REACHED', name: 'People reached', definition: 'Distinct persons', measure: 'PERSONS', disaggregations: ['SEX', 'SITE'] },
  { code: 'OUTPATIENT_CONSULTATIONS', name: 'Outpatient consultations', definition: 'Medical and nursing', measure: 'ROWS', disaggregations: ['SEX', 'SITE'] },
];

function report(sites = SITES, reached = 42): Report {
  return {
    programmeId: 'prog',
    siteId: sites.length === 1 ? sites[0]!.id : null,
    title: sites.length === 1 ? sites[0]!.name : 'Littoral',
    period: { kind: 'YEAR', code: '2026', from: '2026-01-01', to: '2026-12-31' },
    sites,
    figures: [
      { code: 'PEOPLE_REACHED', total: reached, by: { SEX: { FEMALE: 3, MALE: 39 }, SITE: { 'site-a': 30, 'site-b': 12 } }, months: { '2026-01': 20, '2026-02': 25 } },
      { code: 'OUTPATIENT_CONSULTATIONS', total: 120, by: { SEX: { FEMALE: 10, MALE: 110 }, SITE: { 'site-a': 90, 'site-b': 30 } }, months: { '2026-01': 60, '2026-02': 60 } },
    ],
    freshness: { upTo: '2026-03-02T13:32:00Z', pending: 0, more: false },
  };
}

describe('the reports screen', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    // the backup status line asks on its own, apart from the report's calls counted here
    vi.spyOn(api, 'backupStatus').mockResolvedValue({ lastAt: '2026-03-02T01:30:00Z', sizeBytes: 1_000_000, verified: true });
    applyLanguage('en');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  const urls = () => fetchMock.mock.calls.map((call) => String(call[0]));

  it('shows headline figures, a bar per site and tables, then drills down to a site', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(SCOPE))
      .mockResolvedValueOnce(jsonResponse(INDICATORS))
      .mockResolvedValueOnce(jsonResponse(report()))
      .mockResolvedValueOnce(jsonResponse([])) // the outbreak alerts
      .mockResolvedValueOnce(jsonResponse(report([SITES[0]!], 30)));
    const screen = mount(<ReportsScreen />, 'en', COORDINATOR);
    await settle();

    const tiles = screen.container.querySelectorAll('[data-testid="report-tile"]');
    expect(tiles).toHaveLength(2);
    expect(tiles[0]!.textContent).toContain('42');
    expect(tiles[0]!.textContent).toContain('People reached');
    expect(screen.container.querySelectorAll('[data-testid="chart-bar"]')).toHaveLength(2);
    expect(screen.container.querySelector('[data-testid="chart-months"] polyline')).not.toBeNull();
    expect(screen.container.querySelector('[data-testid="report-by-SEX"]')!.textContent).toContain('Female');
    const csv = screen.container.querySelector<HTMLAnchorElement>('[data-testid="export-csv-sites"]')!;
    expect(csv.getAttribute('href')).toContain('table=sites');
    expect(csv.getAttribute('href')).toContain('format=csv');

    click(screen.container.querySelectorAll<HTMLElement>('[data-testid="report-drill-down"]')[0]!);
    await settle();
    expect(urls().at(-1)).toContain('site=site-a');
    expect(screen.container.querySelector('[data-testid="report-title"]')!.textContent).toBe('Clinique mobile Calais');
    expect(screen.container.querySelector('[data-testid="report-drill-up"]')).not.toBeNull();
  });

  it('asks for the first figures at once and names all sites when the organisation has no name', async () => {
    const unnamed = { ...report(), programmeId: null, title: '' };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(SCOPE))
      .mockResolvedValueOnce(jsonResponse(INDICATORS))
      .mockResolvedValueOnce(jsonResponse(unnamed));
    const screen = mount(<ReportsScreen />, 'en', COORDINATOR);
    expect(urls().some((url) => url.startsWith('/api/reports?'))).toBe(true);
    await settle();
    expect(screen.container.querySelector('[data-testid="report-title"]')!.textContent).toBe('All my sites');
  });

  it('asks for the chosen programme and year, and hides small counts in the annual report', async () => {
    const small = report();
    small.figures[0]!.total = 3;
    fetchMock
      .mockResolvedValueOnce(jsonResponse(SCOPE))
      .mockResolvedValueOnce(jsonResponse(INDICATORS))
      .mockResolvedValue(jsonResponse(small));
    const screen = mount(<ReportsScreen />, 'en', COORDINATOR);
    await settle();
    choose(screen.container.querySelector('[data-testid="report-scope"]'), 'P:prog');
    await settle();
    expect(urls().at(-1)).toMatch(/programme=prog&period=\d{4}-\d{2}$/);

    click(screen.container.querySelector('[data-testid="report-view-toggle"]'));
    await settle();
    expect(urls().at(-1)).toMatch(/programme=prog&period=\d{4}$/);
    const figures = screen.container.querySelectorAll('[data-testid="annual-figure"]');
    expect(figures[0]!.textContent).toContain('<5');
    expect(figures[1]!.textContent).toContain('120');
  });

  it('says how fresh the figures are and waits for the latest changes when asked', async () => {
    const behind = { ...report(), freshness: { upTo: '2026-03-02T13:32:00Z', pending: 120, more: false } };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(SCOPE))
      .mockResolvedValueOnce(jsonResponse(INDICATORS))
      .mockResolvedValueOnce(jsonResponse(behind))
      .mockResolvedValueOnce(jsonResponse([])) // the outbreak alerts
      .mockResolvedValueOnce(jsonResponse(report()));
    const screen = mount(<ReportsScreen />, 'en', COORDINATOR);
    await settle();
    const freshness = screen.container.querySelector('[data-testid="report-freshness"]')!;
    expect(freshness.textContent).toContain('Figures up to');
    expect(freshness.textContent).toContain('120 changes being counted');
    expect(urls().at(-1)).not.toContain('latest=true');
    expect(screen.container.querySelector<HTMLAnchorElement>('[data-testid="export-csv-headline"]')!.getAttribute('href')).toContain('latest=true');

    click(screen.container.querySelector('[data-testid="report-latest"]'));
    await settle();
    expect(urls().at(-1)).toContain('latest=true');
    expect(screen.container.querySelector('[data-testid="report-freshness"]')!.textContent).not.toContain('being counted');
    expect(screen.container.querySelector('[data-testid="report-latest"]')).toBeNull();
  });

  it('refuses roles that do not report', async () => {
    const screen = mount(<ReportsScreen />, 'en', CLINICIAN);
    await settle();
    expect(screen.container.textContent).toContain('You do not have access');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('report helpers', () => {
  it('builds queries of periods and scopes', () => {
    const period = { kind: 'QUARTER' as const, month: '2026-03', quarter: '2026-Q1', year: '2026', from: '2026-01-05', to: '2026-02-01' };
    expect(queryOf({ programme: 'p' }, period)).toEqual({ programme: 'p', period: '2026-Q1' });
    expect(queryOf({ programme: 'p', site: 's' }, { ...period, kind: 'CUSTOM' })).toEqual({ site: 's', from: '2026-01-05', to: '2026-02-01' });
  });

  it('hides counts below the threshold but not zero', () => {
    expect(suppressed(0, 5)).toBe('0');
    expect(suppressed(4, 5)).toBe('<5');
    expect(suppressed(5, 5)).toBe('5');
  });

  it('scales bars and series to the largest value', () => {
    expect(bars([{ key: 'a', label: 'A', value: 10 }, { key: 'b', label: 'B', value: 5 }], 200).map((b) => b.width)).toEqual([200, 100]);
    const points = seriesPoints({ '2026-02': 5, '2026-01': 10 }, 100, 50);
    expect(points.map((p) => [p.month, p.x, p.y])).toEqual([['2026-01', 0, 0], ['2026-02', 100, 25]]);
  });
});
