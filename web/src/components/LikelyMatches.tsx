import { useApp } from '../appContext';
import { describeBirth } from '../format';
import { formatPatientCode } from '../patientCode';
import { navigate } from '../router';
import type { LikelyMatch } from '../types';
import { MatchWhy } from './MatchWhy';

interface Props {
  matches: LikelyMatch[];
  busy: boolean;
  onSomeoneNew: () => void;
  onBack: () => void;
}

/**
 * Before registering someone: the persons already known who may be them, whatever the spelling,
 * with how likely and why. "This is them" opens their record; "someone new" registers.
 */
export function LikelyMatches({ matches, busy, onSomeoneNew, onBack }: Props) {
  const { t, language } = useApp();
  return (
    <section class="card" data-testid="likely-matches">
      <h1>{t('likely.title')}</h1>
      <p class="muted">{t('likely.explanation')}</p>
      <ul class="results">
        {matches.map((match) => (
          <li key={match.person.id} class="result" data-testid="likely-match">
            <p class="result-main">
              <span class="result-name" dir="auto">
                {match.person.chosenName}
              </span>
              <span class="patient-code" dir="ltr">
                {formatPatientCode(match.person.patientCode)}
              </span>
            </p>
            {match.person.otherNames.length > 0 && (
              <p class="result-other-names" dir="auto">
                {match.person.otherNames.join(' · ')}
              </p>
            )}
            <p class="result-facts">
              {[t(`sex.${match.person.sex}`), describeBirth(match.person.birthDate, match.person.age, t, language)]
                .filter((part) => part)
                .join(' · ')}
            </p>
            <p class="likely-why" data-testid="likely-why">
              <MatchWhy probability={match.probability} reasons={match.reasons} />
            </p>
            {!match.person.inScope && <p class="result-scope">{t('scope.otherSite')}</p>}
            <button
              type="button"
              class="button primary"
              data-testid="likely-this-is-them"
              onClick={() => navigate(`/people/${match.person.id}`)}
            >
              {t('likely.thisIsThem')}
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button secondary" disabled={busy} onClick={onSomeoneNew} data-testid="likely-someone-new">
          {t('likely.someoneNew')}
        </button>
        <button type="button" class="button" onClick={onBack}>
          {t('likely.back')}
        </button>
      </div>
    </section>
  );
}
