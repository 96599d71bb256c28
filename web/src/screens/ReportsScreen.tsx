import { useEffect, useState } from 'preact/hooks';
import { BackupStatusLine } from '../admin/BackupStatusLine';
import { api, reportExportUrl } from '../api';
import { hasRole, useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import type { MessageKey } from '../i18n';
import { toProblem } from '../problems';
import { ReportCharts } from '../components/ReportCharts';
import { RefreshProgressPanel, ReportFreshness } from '../reports/ReportFreshness';
import { OutbreakAlerts } from '../outbreaks/OutbreakAlerts';
import { CATEGORIES, defaultPeriod, figuresOf, HEADLINE, type PeriodChoice, queryOf, suppressed } from '../reportCharts';
import type { IndicatorInfo, Problem, Report, ReportScope } from '../types';

type View = 'dashboard' | 'annual';
const DIMENSIONS = ['SEX', 'AGE_GROUP', 'DISCIPLINE', 'VISIT'] as const;

/** Activity figures by programme, site and period, with drill-down, exports and the annual report. */
export function ReportsScreen() {
  const { session, t, language } = useApp();
  const allowed = hasRole(session, 'COORDINATOR', 'DATA_OFFICER', 'ADMINISTRATOR');
  const [scope, setScope] = useState<ReportScope | null>(null);
  const [indicators, setIndicators] = useState<IndicatorInfo[]>([]);
  const [chosen, setChosen] = useState<{ programme?: string; site?: string }>({});
  const [period, setPeriod] = useState<PeriodChoice>(defaultPeriod);
  const [view, setView] = useState<View>('dashboard');
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [counting, setCounting] = useState(false);

  useEffect(() => {
    if (!allowed) return;
    Promise.all([api.reportScope(), api.reportIndicators(language)])
      .then(([s, i]) => {
        setScope(s);
        setIndicators(i);
      })
      .catch((error) => setProblem(toProblem(error, t)));
  }, [allowed, language]);

  const query = queryOf(chosen, period);
  const load = async (latest = false) => {
    setProblem(null);
    setCounting(latest);
    try {
      setReport(await api.report(query, latest));
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setCounting(false);
    }
  };
  // asked at once, beside the scope: the first figures need no round trip before them
  useEffect(() => {
    if (allowed) load();
  }, [allowed, JSON.stringify(query)]);

  if (!allowed) {
    return (
      <section class="card">
        <p class="form-error" role="alert">
          {t('app.forbidden')}
        </p>
      </section>
    );
  }
  if (!scope && problem) return <LoadFailed problem={problem} onRetry={() => location.reload()} />;
  if (!scope) return <Loading />;

  const nameOf = (code: string) => indicators.find((i) => i.code === code)?.name ?? code;
  const scopeValue = chosen.site ? `S:${chosen.site}` : chosen.programme ? `P:${chosen.programme}` : '';
  const chooseScope = (value: string) => {
    if (value.startsWith('S:')) {
      const site = value.slice(2);
      const programme = scope.programmes.find((p) => p.sites.some((s) => s.id === site))?.id;
      setChosen({ site, programme });
    } else if (value.startsWith('P:')) setChosen({ programme: value.slice(2) });
    else setChosen({});
  };
  const drillDown = (siteId: string) => setChosen({ ...chosen, site: siteId });
  const drillUp = () => setChosen({ programme: chosen.programme });
  const exportLinks = (table: string) => (
    <span class="export-links">
      <a class="button secondary" href={reportExportUrl(query, table, 'csv', language)} data-testid={`export-csv-${table}`} download>
        CSV
      </a>
      <a class="button secondary" href={reportExportUrl(query, table, 'xlsx', language)} data-testid={`export-xlsx-${table}`} download>
        XLSX
      </a>
    </span>
  );
  const categoryLabel = (dimension: string, category: string) => {
    const key = `report.${dimension}.${category}` as MessageKey;
    const text = t(key);
    return text === key ? category : text;
  };

  return (
    <section class="card reports" data-testid="reports-screen">
      <h1>{view === 'annual' ? t('reports.annualTitle', { year: period.year }) : t('reports.title')}</h1>
      <div class="field-row report-controls">
        <div class="field">
          <label for="report-scope">{t('reports.scope')}</label>
          <select id="report-scope" data-testid="report-scope" value={scopeValue} onChange={(e) => chooseScope(e.currentTarget.value)}>
            <option value="">{t('reports.allSites')}</option>
            {scope.programmes.map((programme) => (
              <optgroup key={programme.id} label={programme.name}>
                <option value={`P:${programme.id}`}>{t('reports.wholeProgramme', { name: programme.name })}</option>
                {programme.sites.map((site) => (
                  <option key={site.id} value={`S:${site.id}`}>
                    {site.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-period-kind">{t('reports.period')}</label>
          <select
            id="report-period-kind"
            data-testid="report-period-kind"
            value={period.kind}
            onChange={(e) => setPeriod({ ...period, kind: e.currentTarget.value as PeriodChoice['kind'] })}
          >
            <option value="MONTH">{t('reports.month')}</option>
            <option value="QUARTER">{t('reports.quarter')}</option>
            <option value="YEAR">{t('reports.year')}</option>
            <option value="CUSTOM">{t('reports.custom')}</option>
          </select>
        </div>
        {period.kind === 'MONTH' && (
          <div class="field">
            <label for="report-month">{t('reports.month')}</label>
            <input id="report-month" type="month" data-testid="report-month" value={period.month}
              onChange={(e) => /^\d{4}-\d{2}$/.test(e.currentTarget.value) && setPeriod({ ...period, month: e.currentTarget.value })} />
          </div>
        )}
        {period.kind === 'QUARTER' && (
          <div class="field">
            <label for="report-quarter">{t('reports.quarter')}</label>
            <input id="report-quarter" data-testid="report-quarter" value={period.quarter} pattern="\d{4}-Q[1-4]" placeholder="2026-Q1"
              onChange={(e) => /^\d{4}-Q[1-4]$/.test(e.currentTarget.value) && setPeriod({ ...period, quarter: e.currentTarget.value })} />
          </div>
        )}
        {period.kind === 'YEAR' && (
          <div class="field">
            <label for="report-year">{t('reports.year')}</label>
            <input id="report-year" type="number" min="2000" max="2100" data-testid="report-year" value={period.year}
              onChange={(e) => /^\d{4}$/.test(e.currentTarget.value) && setPeriod({ ...period, year: e.currentTarget.value })} />
          </div>
        )}
        {period.kind === 'CUSTOM' && (
          <>
            <div class="field">
              <label for="report-from">{t('reports.from')}</label>
              <input id="report-from" type="date" data-testid="report-from" value={period.from}
                onChange={(e) => e.currentTarget.value && setPeriod({ ...period, from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="report-to">{t('reports.to')}</label>
              <input id="report-to" type="date" data-testid="report-to" value={period.to}
                onChange={(e) => e.currentTarget.value && setPeriod({ ...period, to: e.currentTarget.value })} />
            </div>
          </>
        )}
        <div class="field">
          <span class="field-label">{t('reports.view')}</span>
          <button type="button" class="button secondary" data-testid="report-view-toggle"
            onClick={() => {
              if (view === 'dashboard') {
                setPeriod({ ...period, kind: 'YEAR' });
                setView('annual');
              } else setView('dashboard');
            }}>
            {view === 'dashboard' ? t('reports.annualReport') : t('reports.dashboard')}
          </button>
        </div>
      </div>
      {chosen.site && (
        <p>
          <button type="button" class="button secondary" data-testid="report-drill-up" onClick={drillUp}>
            {chosen.programme ? t('reports.backToProgramme') : t('reports.backToAll')}
          </button>
        </p>
      )}
      {problem && <LoadFailed problem={problem} onRetry={load} />}
      {!problem && !report && <Loading />}
      {report && view === 'annual' && (
        <div class="annual-report" data-testid="annual-report">
          <p class="hint">{t('reports.annualHint', { threshold: scope.smallCountThreshold })}</p>
          <h2>{report.title || t('reports.allSites')}</h2>
          <dl class="headline-figures">
            {HEADLINE.map((code) => {
              const f = figuresOf(report.figures, code);
              return f ? (
                <div key={code} class="headline-figure" data-testid="annual-figure" data-code={code}>
                  <dt>{nameOf(code)}</dt>
                  <dd>{suppressed(f.total, scope.smallCountThreshold)}</dd>
                </div>
              ) : null;
            })}
          </dl>
          <button type="button" class="button secondary" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        </div>
      )}
      {report && view === 'dashboard' && (
        <>
          <h2 data-testid="report-title">{report.title || t('reports.allSites')}</h2>
          <ReportFreshness report={report} counting={counting} onLatest={() => load(true)} />
          {hasRole(session, 'ADMINISTRATOR') && <RefreshProgressPanel />}
          {hasRole(session, 'COORDINATOR', 'ADMINISTRATOR') && <BackupStatusLine />}
          {hasRole(session, 'COORDINATOR', 'DATA_OFFICER') && <OutbreakAlerts />}
          <div class="table-heading">
            <h3>{t('reports.headline')}</h3>
            {exportLinks('headline')}
          </div>
          <ul class="headline-tiles">
            {report.figures.map((f) => (
              <li key={f.code} class="headline-tile" data-testid="report-tile" data-code={f.code} title={indicators.find((i) => i.code === f.code)?.definition}>
                <span class="tile-value">{f.total}</span>
                <span class="tile-name">{nameOf(f.code)}</span>
              </li>
            ))}
          </ul>
          <ReportCharts report={report} nameOf={nameOf} onSite={drillDown} />
          {report.sites.length > 1 && (
            <>
              <div class="table-heading">
                <h3>{t('reports.bySite')}</h3>
                {exportLinks('sites')}
              </div>
              <div class="table-scroll">
                <table class="data-table" data-testid="report-sites">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.site')}</th>
                      {report.figures.filter((f) => f.by.SITE).map((f) => (
                        <th key={f.code} scope="col" class="number">{nameOf(f.code)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.sites.map((site) => (
                      <tr key={site.id} data-testid="report-site-row">
                        <th scope="row">
                          <button type="button" class="link-button" data-testid="report-drill-down" onClick={() => drillDown(site.id)}>
                            {site.name}
                          </button>
                        </th>
                        {report.figures.filter((f) => f.by.SITE).map((f) => (
                          <td key={f.code} class="number">{f.by.SITE?.[site.id] ?? 0}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {DIMENSIONS.map((dimension) => {
            const rows = report.figures.filter((f) => f.by[dimension]);
            if (rows.length === 0) return null;
            const categories = CATEGORIES[dimension] ?? [];
            return (
              <div key={dimension}>
                <div class="table-heading">
                  <h3>{t(`reports.by.${dimension}` as MessageKey)}</h3>
                  {exportLinks(dimension)}
                </div>
                <div class="table-scroll">
                  <table class="data-table" data-testid={`report-by-${dimension}`}>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.indicator')}</th>
                        {categories.map((c) => (
                          <th key={c} scope="col" class="number">{categoryLabel(dimension, c)}</th>
                        ))}
                        <th scope="col" class="number">{t('summary.total')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((f) => (
                        <tr key={f.code}>
                          <th scope="row">{nameOf(f.code)}</th>
                          {categories.map((c) => (
                            <td key={c} class="number">{f.by[dimension]?.[c] ?? 0}</td>
                          ))}
                          <td class="number">{f.total}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
