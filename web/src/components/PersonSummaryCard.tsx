import { useApp } from '../appContext';
import { describeBirth } from '../format';
import { formatPatientCode } from '../patientCode';
import { countryName } from '../referenceLists';
import type { PersonSummary } from '../types';
import { Link } from './Link';
import { MatchWhy } from './MatchWhy';

/**
 * One search result: enough to recognise the person, and why they were found, as a link to their
 * page. For a person followed only at other sites the server sends no more than the chosen name,
 * sex, age and the site that saw them last.
 */
export function PersonSummaryCard({ person }: { person: PersonSummary }) {
  const { t, language } = useApp();
  const lastSeen = person.lastSeenAt?.name;
  const birth = describeBirth(person.birthDate, person.age, t, language);
  return (
    <li class="result">
      <Link href={`/people/${person.id}`} class="result-link" testId="search-result">
        <span class="result-main">
          <span class="result-name" dir="auto">
            {person.chosenName}
          </span>
          {person.patientCode && (
            <span class="patient-code" dir="ltr">
              {formatPatientCode(person.patientCode)}
            </span>
          )}
        </span>
        {person.otherNames && person.otherNames.length > 0 && <span class="result-other-names" dir="auto">{person.otherNames.join(' · ')}</span>}
        {!person.inScope && (
          <span class="result-scope" data-testid="search-result-outside-scope">
            {lastSeen ? t('scope.lastSeenAt', { site: lastSeen }) : t('scope.otherSite')}
          </span>
        )}
        <span class="result-facts">
          {[t(`sex.${person.sex}`), birth, person.countryOfOrigin ? countryName(person.countryOfOrigin, t) : '']
            .filter((part) => part !== '')
            .join(' · ')}
        </span>
        {person.match && (
          <span class="result-why" data-testid="search-result-why">
            <MatchWhy
              probability={person.match.probability}
              reasons={person.match.reasons}
              matchedName={person.match.matchedName}
            />
          </span>
        )}
      </Link>
    </li>
  );
}
