import { useApp } from '../appContext';
import type { MatchReason } from '../types';
import { describeAgreement } from './matchReasons';

interface Props {
  probability: number;
  reasons: MatchReason[];
  /** Which of the person's names is closest to what was typed, when the engine says. */
  matchedName?: string | null;
}

/** A probability as a whole percentage, "<1" and ">99" rather than a 0 or 100 that would overstate it. */
export function percentOf(probability: number): string {
  if (probability > 0 && probability < 0.005) return '<1';
  if (probability < 1 && probability >= 0.995) return '>99';
  return String(Math.round(probability * 100));
}

/**
 * Why the matching engine thinks a person may be the one sought: how likely, which of their names
 * matched, and the fields that agreed (those that count for the match).
 */
export function MatchWhy({ probability, reasons, matchedName }: Props) {
  const { t } = useApp();
  const agreed = describeAgreement(reasons, t);
  return (
    <span class="match-why">
      {t('likely.probability', { percent: percentOf(probability) })}{' '}
      {matchedName && (
        <span data-testid="matched-name">
          {t('match.matchedName')} <bdi>{matchedName}</bdi>
          {agreed && ' · '}
        </span>
      )}
      {agreed}
    </span>
  );
}
