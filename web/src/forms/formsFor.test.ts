import { describe, expect, it } from 'vitest';
import { formsFor, type FormDefinition, type FormVersion } from './model';

const text = (value: string) => ({ fr: value, en: value, ar: value });

function version(code: string, subject: 'PERSON' | 'GROUP', appliesTo?: FormDefinition['appliesTo']): FormVersion {
  return {
    code,
    version: 1,
    status: 'PUBLISHED',
    builtIn: true,
    createdAt: '2026-11-01T00:00:00Z',
    definition: {
      code,
      title: text(code),
      discipline: 'MEDICAL',
      compartment: 'GENERAL',
      subject,
      appliesTo,
      sections: [],
    },
  };
}

const ANTENATAL = version('antenatal-visit', 'PERSON', {
  all: [{ not: { field: '@sex', equals: 'MALE' } }, { not: { field: '@age', atMost: 9 } }],
});
const MEDICAL = version('medical-consultation', 'PERSON');
const GROUP = version('health-promotion-session', 'GROUP');
const ALL = [MEDICAL, ANTENATAL, GROUP];

const codes = (forms: FormVersion[]) => forms.map((form) => form.code);

describe('the forms offered for a person', () => {
  it('does not offer the antenatal visit to a man, nor to a girl under ten', () => {
    expect(codes(formsFor(ALL, { sex: 'MALE', birthDate: { date: '1990-01-01' } }, '2026-12-06'))).toEqual([
      'medical-consultation',
    ]);
    expect(codes(formsFor(ALL, { sex: 'FEMALE', birthDate: { date: '2020-01-01' } }, '2026-12-06'))).toEqual([
      'medical-consultation',
    ]);
  });

  it('offers it to a woman, and to someone whose sex or age is not known', () => {
    expect(codes(formsFor(ALL, { sex: 'FEMALE', birthDate: { date: '1990-01-01' } }, '2026-12-06'))).toEqual([
      'medical-consultation',
      'antenatal-visit',
    ]);
    expect(codes(formsFor(ALL, { sex: 'UNKNOWN', birthDate: null }, '2026-12-06'))).toEqual([
      'medical-consultation',
      'antenatal-visit',
    ]);
  });

  it('offers only the group forms when there is no person', () => {
    expect(codes(formsFor(ALL, null, '2026-12-06'))).toEqual(['health-promotion-session']);
  });
});
