// Forms as the server defines them (FormDefinition.java), and the same rules the server enforces
// (Conditions.java, Calculations.java): which fields are shown, what is calculated, what is missing.
import type { Language } from '../i18n';
import type { Compartment, Discipline } from '../types';

export interface Text {
  fr?: string | null;
  en?: string | null;
  ar?: string | null;
}

export type FieldType =
  | 'text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'choice'
  | 'multiple'
  | 'yesno'
  | 'diagnosis'
  | 'medication'
  | 'calculated';

export interface Condition {
  field?: string;
  equals?: string | number | boolean;
  in?: Array<string | number | boolean>;
  includes?: string;
  answered?: boolean;
  atLeast?: number;
  atMost?: number;
  withinHours?: number;
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}

export interface Option {
  code: string;
  label: Text;
}

export interface Field {
  code: string;
  type: FieldType;
  label: Text;
  help?: Text | null;
  required?: boolean;
  unit?: string | null;
  min?: number | null;
  max?: number | null;
  decimals?: number | null;
  multiline?: boolean | null;
  maxLength?: number | null;
  when?: 'PAST' | 'FUTURE' | 'ANY' | null;
  options?: Option[] | null;
  relevant?: Condition | null;
  calculate?: { function: 'bmi' | 'gestational-weeks' | 'due-date' | 'sum'; fields: string[] } | null;
}

export interface Section {
  code: string;
  title: Text;
  relevant?: Condition | null;
  fields: Field[];
}

export interface Alert {
  code: string;
  when: Condition;
  message: Text;
  until?: string | null;
  hours?: number | null;
}

export interface FormDefinition {
  code: string;
  title: Text;
  description?: Text | null;
  discipline: Discipline;
  compartment: Compartment;
  subject: 'PERSON' | 'GROUP';
  /** The disciplines whose workers record with it; the form's own when none. */
  usedBy?: Discipline[] | null;
  /** The persons it applies to: a condition on @sex and @age only; everyone when none. */
  appliesTo?: Condition | null;
  sections: Section[];
  alerts?: Alert[] | null;
}

export interface FormVersion {
  code: string;
  version: number;
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED';
  builtIn: boolean;
  definition: FormDefinition;
  createdAt: string;
  publishedAt?: string | null;
}

export interface PrescriptionLine {
  medicine: string;
  morning?: number;
  noon?: number;
  evening?: number;
  night?: number;
  days?: number | null;
  instructions?: string | null;
}

export type Answer = string | number | boolean | string[] | PrescriptionLine[];
export type Answers = Record<string, Answer | undefined>;

/** What rules may look at besides the answers: the person (none for a group) and the time. */
export interface Situation {
  sex?: string | null;
  age?: number | null;
  occurredOn: string;
  now: Date;
}

/** A text in the UI language, or in French when it lacks one. */
export function inLanguage(text: Text | null | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.fr || '';
}

export function isAnswered(value: Answer | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A date (at midnight) or a local date-time, as the server reads it. */
export function moment(value: Answer | undefined): Date | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return new Date(value);
  return null;
}

function valueOf(field: string, answers: Answers, situation: Situation): Answer | undefined {
  if (field === '@sex') return situation.sex ?? undefined;
  if (field === '@age') return situation.age ?? undefined;
  return answers[field];
}

function same(value: Answer, expected: string | number | boolean): boolean {
  if (typeof value === 'number' && typeof expected === 'number') return value === expected;
  if (typeof value === 'boolean' && typeof expected === 'boolean') return value === expected;
  return typeof value === 'string' && value === String(expected);
}

/** Whether a condition holds; no condition always holds. */
export function holds(condition: Condition | null | undefined, answers: Answers, situation: Situation): boolean {
  if (!condition) return true;
  if (condition.all) return condition.all.every((part) => holds(part, answers, situation));
  if (condition.any) return condition.any.some((part) => holds(part, answers, situation));
  if (condition.not) return !holds(condition.not, answers, situation);
  const value = valueOf(condition.field ?? '', answers, situation);
  const answered = isAnswered(value);
  if (condition.answered !== undefined) return condition.answered === answered;
  if (!answered || value === undefined) return false;
  if (condition.equals !== undefined) return same(value, condition.equals);
  if (condition.in) return condition.in.some((candidate) => same(value, candidate));
  if (condition.includes !== undefined) {
    return Array.isArray(value) && (value as unknown[]).includes(condition.includes);
  }
  if (condition.atLeast !== undefined || condition.atMost !== undefined) {
    if (typeof value !== 'number') return false;
    return (
      (condition.atLeast === undefined || value >= condition.atLeast) &&
      (condition.atMost === undefined || value <= condition.atMost)
    );
  }
  if (condition.withinHours !== undefined) {
    const when = moment(value);
    if (!when || when > situation.now) return false;
    return situation.now.getTime() - when.getTime() <= condition.withinHours * 3_600_000;
  }
  return false;
}

export function relevant(section: Section, field: Field, answers: Answers, situation: Situation): boolean {
  return holds(section.relevant, answers, situation) && holds(field.relevant, answers, situation);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function parseDay(value: Answer | undefined): Date | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
}

const DAY = 86_400_000;

/** A calculated field's value from the answers, or undefined when it cannot be computed. */
export function calculate(field: Field, answers: Answers, situation: Situation): number | string | undefined {
  const calculation = field.calculate;
  if (!calculation) return undefined;
  const inputs = calculation.fields.map((code) => answers[code]);
  const decimals = field.decimals ?? 0;
  switch (calculation.function) {
    case 'bmi': {
      const [weight, height] = inputs;
      if (typeof weight !== 'number' || typeof height !== 'number' || height <= 0) return undefined;
      return round(weight / (height / 100) ** 2, decimals);
    }
    case 'gestational-weeks': {
      const lmp = parseDay(inputs[0]);
      const on = parseDay(situation.occurredOn);
      if (!lmp || !on || lmp > on) return undefined;
      const weeks = Math.floor(Math.round((on.getTime() - lmp.getTime()) / DAY) / 7);
      return weeks > 45 ? undefined : weeks;
    }
    case 'due-date': {
      const lmp = parseDay(inputs[0]);
      return lmp ? new Date(lmp.getTime() + 280 * DAY).toISOString().slice(0, 10) : undefined;
    }
    case 'sum': {
      const numbers = inputs.filter((value): value is number => typeof value === 'number');
      return numbers.length === 0 ? undefined : round(numbers.reduce((a, b) => a + b, 0), decimals);
    }
  }
  return undefined;
}

/**
 * The answers with every calculated field computed, in the order of the form (a calculation may
 * use one computed before it).
 */
export function withCalculations(form: FormDefinition, answers: Answers, situation: Situation): Answers {
  const result: Answers = { ...answers };
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.type !== 'calculated') continue;
      delete result[field.code];
      if (relevant(section, field, result, situation)) {
        const value = calculate(field, result, situation);
        if (value !== undefined) result[field.code] = value;
      }
    }
  }
  return result;
}

/**
 * What to send: answers of fields shown and answered, calculated ones left to the server, texts
 * trimmed. Answers of fields hidden since they were typed are dropped, as the server would refuse them.
 */
export function submission(form: FormDefinition, answers: Answers, situation: Situation): Answers {
  const view = withCalculations(form, answers, situation);
  const result: Answers = {};
  for (const section of form.sections) {
    for (const field of section.fields) {
      const value = view[field.code];
      if (field.type === 'calculated' || !isAnswered(value) || !relevant(section, field, view, situation)) continue;
      result[field.code] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return result;
}

/** The required fields shown and not answered: what stops a signature. */
export function missingRequired(form: FormDefinition, answers: Answers, situation: Situation): string[] {
  const view = withCalculations(form, answers, situation);
  const missing: string[] = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.required && field.type !== 'calculated' && relevant(section, field, view, situation)) {
        if (!isAnswered(view[field.code])) missing.push(field.code);
      }
    }
  }
  return missing;
}

/** The form's alerts that hold, with their deadline when they have one. */
export function activeAlerts(
  form: FormDefinition,
  answers: Answers,
  situation: Situation,
): Array<{ alert: Alert; until: Date | null }> {
  return (form.alerts ?? [])
    .filter((alert) => holds(alert.when, answers, situation))
    .map((alert) => {
      const from = alert.until ? moment(answers[alert.until]) : null;
      return { alert, until: from && alert.hours ? new Date(from.getTime() + alert.hours * 3_600_000) : null };
    });
}

/** A person's situation for a form's rules, from their sex and birth date. */
/** Whether a form applies to the person of this situation (an antenatal visit is not for a man). */
export function appliesTo(form: FormDefinition, situation: Situation): boolean {
  return holds(form.appliesTo, {}, situation);
}

/**
 * The forms to offer: the person's forms that apply to them today, or the group forms when there is
 * no person. The server already sent only the forms of the user's disciplines and compartments.
 */
export function formsFor(
  usable: FormVersion[],
  person: { sex: string; birthDate?: { date: string } | null } | null,
  occurredOn: string,
): FormVersion[] {
  if (!person) return usable.filter((form) => form.definition.subject === 'GROUP');
  const situation = personSituation(person, occurredOn);
  return usable.filter((form) => form.definition.subject === 'PERSON' && appliesTo(form.definition, situation));
}

export function personSituation(
  person: { sex: string; birthDate?: { date: string } | null },
  occurredOn: string,
  now: Date = new Date(),
): Situation {
  let age: number | null = null;
  if (person.birthDate?.date) {
    const [by, bm, bd] = person.birthDate.date.split('-').map(Number);
    const [y, m, d] = occurredOn.split('-').map(Number);
    if (by && bm && bd && y && m && d) {
      age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
      if (age < 0) age = null;
    }
  }
  return { sex: person.sex, age, occurredOn, now };
}
