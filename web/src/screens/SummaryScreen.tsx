import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { currentMonth, formatMonth } from '../format';
import { toProblem } from '../problems';
import { summaryGrid } from '../summaryTable';
import { DISCIPLINES, type MonthlySummary, type Problem } from '../types';
import { WaterAlerts } from '../water/WaterAlerts';

/** A month's consultations by site and discipline, for the sites the user works at. */
export function SummaryScreen() {
  const { t, language } = useApp();
  const [month, setMonth] = useState(currentMonth);
  const [summary, setSummary] = useState<MonthlySummary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = async (wanted: string) => {
    setProblem(null);
    setSummary(null);
    try {
      setSummary(await api.summary(wanted));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    if (/^\d{4}-\d{2}$/.test(month)) load(month);
  }, [month]);

  const grid = summary ? summaryGrid(summary.counts) : null;

  return (
    <section class="card">
      <h1>{t('summary.title')}</h1>
      <WaterAlerts />
      <div class="field narrow-field">
        <label for="summary-month">{t('summary.month')}</label>
        <input
          id="summary-month"
          type="month"
          max={currentMonth()}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          data-testid="summary-month"
        />
      </div>
      {problem && <LoadFailed problem={problem} onRetry={() => load(month)} />}
      {!problem && !grid && <Loading />}
      {grid && summary && (
        <div class="table-scroll">
          <table class="data-table summary-table" data-testid="summary-table">
            <caption>{t('summary.caption', { month: formatMonth(summary.month, language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.site')}</th>
                {DISCIPLINES.map((discipline) => (
                  <th key={discipline} scope="col" class="number">
                    {t(`discipline.${discipline}`)}
                  </th>
                ))}
                <th scope="col" class="number">
                  {t('summary.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.length === 0 && (
                <tr>
                  <td colSpan={DISCIPLINES.length + 2} class="empty">
                    {t('summary.empty')}
                  </td>
                </tr>
              )}
              {grid.rows.map((row) => (
                <tr key={row.siteId} data-testid="summary-row">
                  <th scope="row">{row.siteName}</th>
                  {DISCIPLINES.map((discipline) => (
                    <td key={discipline} class="number">
                      {row.counts[discipline]}
                    </td>
                  ))}
                  <td class="number">{row.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('summary.total')}</th>
                {DISCIPLINES.map((discipline) => (
                  <td key={discipline} class="number">
                    {grid.columnTotals[discipline]}
                  </td>
                ))}
                <td class="number" data-testid="summary-total">
                  {summary.total}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
