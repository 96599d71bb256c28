// The matching engine's reasons ("names: all similar · birth date: the same"), in the UI language.
import type { MessageKey, Translate } from '../i18n';
import type { MatchReason } from '../types';

/** The engine's fields and levels, as the server names them, and their texts. */
const FIELDS: Record<string, MessageKey> = {
  names: 'likely.reason.names',
  'birth date': 'likely.reason.birth date',
  sex: 'likely.reason.sex',
  'name frequency': 'likely.reason.nameFrequency',
};

const LEVELS: Record<string, MessageKey> = {
  'all names exact': 'likely.level.allNamesExact',
  'all names similar': 'likely.level.allNamesSimilar',
  'two or more names similar': 'likely.level.twoNamesSimilar',
  'one name similar': 'likely.level.oneNameSimilar',
  'no name in common': 'likely.level.noNameInCommon',
  'same date': 'likely.level.sameDate',
  'day-month swap or one digit': 'likely.level.dayMonthSwap',
  'consistent with imprecise date': 'likely.level.consistentDate',
  'consistent with estimated age': 'likely.level.estimatedAge',
  'within two years': 'likely.level.withinTwoYears',
  different: 'likely.level.different',
  same: 'likely.level.same',
  'rarer than usual': 'likely.level.rarerNames',
  'commoner than usual': 'likely.level.commonerNames',
  'as common as usual': 'likely.level.usualNames',
};

/** A field's level in words ("names: all similar"), or null for a field or level not known here. */
export function describeReason(reason: MatchReason, t: Translate): string | null {
  const field = FIELDS[reason.field];
  const level = LEVELS[reason.level];
  return field && level ? t(field, { level: t(level) }) : null;
}

/** What agreed, in words, leaving out the fields that said nothing or spoke against the match. */
export function describeAgreement(reasons: MatchReason[], t: Translate): string {
  return reasons
    .filter((reason) => reason.weight > 0)
    .map((reason) => describeReason(reason, t))
    .filter((text): text is string => text !== null)
    .join(' · ');
}

const FIELD_NAMES: Record<string, MessageKey> = {
  names: 'match.field.names',
  'birth date': 'match.field.birthDate',
  sex: 'match.field.sex',
  'name frequency': 'match.field.nameFrequency',
};

/** A field's name in the UI language (the server's name when unknown here). */
export function fieldName(field: string, t: Translate): string {
  const key = FIELD_NAMES[field];
  return key ? t(key) : field;
}

/** A level's name in the UI language (the server's name when unknown here). */
export function levelName(level: string, t: Translate): string {
  const key = LEVELS[level];
  return key ? t(key) : level;
}
