import { describe, expect, it } from 'vitest';
import {
  activeAlerts,
  calculate,
  holds,
  missingRequired,
  personSituation,
  submission,
  withCalculations,
  type FormDefinition,
  type Situation,
} from './model';

const text = (value: string) => ({ fr: value, en: value, ar: value });

const form: FormDefinition = {
  code: 'visit',
  title: text('Visit'),
  discipline: 'MEDICAL',
  compartment: 'GENERAL',
  subject: 'PERSON',
  sections: [
    {
      code: 'main',
      title: text('Main'),
      fields: [
        { code: 'weight', type: 'number', label: text('Weight'), decimals: 1 },
        { code: 'height', type: 'number', label: text('Height') },
        { code: 'bmi', type: 'calculated', label: text('BMI'), decimals: 1, calculate: { function: 'bmi', fields: ['weight', 'height'] } },
        { code: 'obese', type: 'yesno', label: text('Obese'), relevant: { field: 'bmi', atLeast: 30 } },
        { code: 'pregnant', type: 'yesno', label: text('Pregnant'), required: true, relevant: { all: [{ field: '@sex', equals: 'FEMALE' }, { field: '@age', atLeast: 10 }] } },
        { code: 'lmp', type: 'date', label: text('LMP'), relevant: { field: 'pregnant', equals: true } },
        { code: 'weeks', type: 'calculated', label: text('Weeks'), calculate: { function: 'gestational-weeks', fields: ['lmp'] } },
        { code: 'due', type: 'calculated', label: text('Due'), calculate: { function: 'due-date', fields: ['lmp'] } },
        { code: 'complaints', type: 'multiple', label: text('Complaints'), options: [{ code: 'cough', label: text('Cough') }, { code: 'itch', label: text('Itch') }] },
        { code: 'cough-days', type: 'number', label: text('Cough days'), relevant: { field: 'complaints', includes: 'cough' } },
        { code: 'assault-at', type: 'datetime', label: text('Assault') },
      ],
    },
  ],
  alerts: [{ code: 'pep', when: { field: 'assault-at', withinHours: 72 }, until: 'assault-at', hours: 72, message: text('PEP') }],
};

const woman: Situation = { sex: 'FEMALE', age: 25, occurredOn: '2026-11-24', now: new Date('2026-11-24T12:00') };
const man: Situation = { ...woman, sex: 'MALE' };

describe('form rules, as the server applies them', () => {
  it('computes the BMI, gestational weeks and due date as the server does', () => {
    const answers = withCalculations(form, { weight: 60, height: 165, pregnant: true, lmp: '2026-09-01' }, woman);
    expect(answers.bmi).toBe(22);
    expect(answers.weeks).toBe(12);
    expect(answers.due).toBe('2027-06-08');
  });

  it('shows a field only while its condition holds, on the person or on earlier answers', () => {
    expect(holds(form.sections[0]!.fields[4]!.relevant, {}, woman)).toBe(true);
    expect(holds(form.sections[0]!.fields[4]!.relevant, {}, man)).toBe(false);
    expect(holds(form.sections[0]!.fields[4]!.relevant, {}, { ...woman, age: 8 })).toBe(false);
    expect(holds({ field: 'complaints', includes: 'cough' }, { complaints: ['itch', 'cough'] }, man)).toBe(true);
    expect(holds({ not: { field: 'weight', answered: true } }, { weight: 3 }, man)).toBe(false);
    expect(holds({ any: [{ field: 'height', atMost: 100 }, { field: 'weight', in: [3, 4] }] }, { weight: 4 }, man)).toBe(true);
  });

  it('drops answers to fields hidden since they were typed, and leaves calculations to the server', () => {
    const sent = submission(form, { weight: 120, height: 170, obese: true, complaints: ['itch'], 'cough-days': 4, pregnant: false }, man);
    expect(sent).toEqual({ weight: 120, height: 170, obese: true, complaints: ['itch'] });
  });

  it('lists the required fields shown and unanswered', () => {
    expect(missingRequired(form, {}, woman)).toEqual(['pregnant']);
    expect(missingRequired(form, {}, man)).toEqual([]);
  });

  it('holds the post-exposure alert for 72 hours with its deadline', () => {
    const recent = activeAlerts(form, { 'assault-at': '2026-11-23T20:00' }, woman);
    expect(recent).toHaveLength(1);
    expect(recent[0]!.until?.getTime()).toBe(new Date('2026-11-26T20:00').getTime());
    expect(activeAlerts(form, { 'assault-at': '2026-11-20T20:00' }, woman)).toHaveLength(0);
    expect(activeAlerts(form, { 'assault-at': '2026-11-25T08:00' }, woman)).toHaveLength(0);
  });

  it('sums attendance counts, ignoring the unanswered', () => {
    const sum = { code: 'attendees', type: 'calculated' as const, label: text('A'), calculate: { function: 'sum' as const, fields: ['women', 'men'] } };
    expect(calculate(sum, { women: 7 }, woman)).toBe(7);
    expect(calculate(sum, {}, woman)).toBeUndefined();
  });

  it('takes a person’s age on the consultation day from their birth date', () => {
    expect(personSituation({ sex: 'MALE', birthDate: { date: '2010-11-25' } }, '2026-11-24').age).toBe(15);
    expect(personSituation({ sex: 'MALE', birthDate: { date: '2010-11-24' } }, '2026-11-24').age).toBe(16);
    expect(personSituation({ sex: 'MALE' }, '2026-11-24').age).toBeNull();
  });
});
