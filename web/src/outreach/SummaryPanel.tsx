import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import type { NeedsAndItems, SessionSummary } from './outreachApi';

/** What the coordinator reads of a session: people reached by sex and age group, consultations, needs, what was handed out. */
export function SummaryPanel({ summary, lists }: { summary: SessionSummary; lists: NeedsAndItems }) {
  const { t, language } = useApp();
  const label = (codes: NeedsAndItems['needs'], code: string) => {
    const labels = codes.find((c) => c.code === code)?.labels ?? {};
    return labels[language] ?? labels.fr ?? code;
  };
  return (
    <section class="outreach-summary" data-testid="outreach-summary" aria-labelledby="outreach-summary-title">
      <h2 id="outreach-summary-title">{t('outreach.summary')}</h2>
      <dl class="outreach-figures">
        <dt>{t('outreach.peopleReached')}</dt>
        <dd data-testid="outreach-people-reached">{summary.peopleReached}</dd>
        <dt>{t('outreach.registered')}</dt>
        <dd>{summary.registeredPersons}</dd>
        <dt>{t('outreach.consultations')}</dt>
        <dd>{summary.consultations}</dd>
        <dt>{t('outreach.minutes')}</dt>
        <dd>{summary.minutes ?? t('app.none')}</dd>
      </dl>
      {summary.bySexAndAgeGroup.length > 0 && (
        <table class="outreach-reach">
          <thead>
            <tr>
              <th scope="col">{t('outreach.sex')}</th>
              <th scope="col">{t('outreach.ageGroup')}</th>
              <th scope="col">{t('outreach.people')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.bySexAndAgeGroup.map((cell) => (
              <tr key={cell.sex + cell.ageGroup}>
                <td>{t(enumKey('sex', cell.sex))}</td>
                <td>{t(enumKey('outreach.age', cell.ageGroup))}</td>
                <td>{cell.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>{t('outreach.needs')} : </strong>
        {summary.session.needs.length === 0 ? t('outreach.none') : summary.session.needs.map((n) => label(lists.needs, n)).join(', ')}
      </p>
      <p>
        <strong>{t('outreach.distributions')} : </strong>
        {summary.session.distributions.length === 0
          ? t('outreach.none')
          : summary.session.distributions.map((d) => `${label(lists.items, d.item)} × ${d.quantity}`).join(', ')}
      </p>
    </section>
  );
}
