import { useApp } from '../appContext';
import type { Coverage } from './vaccinationApi';
import { percentText } from './vaccinationModel';

/** A campaign's coverage by site and age group; the doses counted without names in their own column. */
export function CoverageTable({ coverage }: { coverage: Coverage }) {
  const { t, session } = useApp();
  const siteName = (id: string) => session?.sites.find((site) => site.id === id)?.name ?? id.slice(0, 8);
  return (
    <div class="table-scroll">
      <table class="summary-table coverage-table" data-testid="coverage">
        <caption>{t('campaign.coverage')}</caption>
        <thead>
          <tr>
            <th>{t('campaign.site')}</th>
            <th>{t('campaign.ageGroup')}</th>
            <th class="number">{t('campaign.registered')}</th>
            <th class="number">{t('campaign.tallied')}</th>
            <th class="number">{t('campaign.target')}</th>
            <th class="number">{t('campaign.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.cells.map((cell) => (
            <tr key={`${cell.siteId}${cell.ageGroup}`}>
              <td>{siteName(cell.siteId)}</td>
              <td>{cell.ageGroup}</td>
              <td class="number">{cell.registered}</td>
              <td class="number">{cell.tallied}</td>
              <td class="number">{cell.target}</td>
              <td class="number">{percentText(cell.percent)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('campaign.total')}</th>
            <td class="number" data-testid="coverage-registered">{coverage.registered}</td>
            <td class="number">{coverage.tallied}</td>
            <td class="number">{coverage.target}</td>
            <td class="number">{percentText(coverage.percent)}</td>
          </tr>
          <tr>
            <th colSpan={5}>{t('campaign.dosesToday')}</th>
            <td class="number">{coverage.dosesToday}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
