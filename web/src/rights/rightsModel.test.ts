import { describe, expect, it } from 'vitest';
import { defaultValidUntil, domainOf, stepBody, takesAges, type StepForm } from './rightsModel';

const form: StepForm = {
  kind: 'AME_GRANTED',
  occurredOn: '2026-03-01',
  validUntil: '',
  declaredAge: '16',
  assessedAge: '19',
  documents: ['PROOF_OF_IDENTITY', 'PROOF_OF_IDENTITY', 'PROOF_OF_ADDRESS'],
  helpedBy: '  ',
  note: '',
};

describe('the rights file form', () => {
  it('places each step in its part of the file', () => {
    expect(domainOf('PUMA_GRANTED')).toBe('COVERAGE');
    expect(domainOf('APPEAL_JUGE_DES_ENFANTS')).toBe('AGE_ASSESSMENT');
    expect(domainOf('PLACEMENT_ORDER')).toBe('CHILD_PROTECTION');
  });

  it('asks the ages only with an age assessment', () => {
    expect(takesAges('MINORITY_REFUSED')).toBe(true);
    expect(takesAges('AME_REQUESTED')).toBe(false);
  });

  it('gives AME a year of validity, as the server does, and a request none', () => {
    expect(defaultValidUntil('AME_GRANTED', '2026-03-01')).toBe('2027-02-28');
    expect(defaultValidUntil('AME_REQUESTED', '2026-03-01')).toBeNull();
  });

  it('sends no ages with a coverage step, each document once and no blank text', () => {
    const body = stepBody('id-1', form);
    expect(body.declaredAge).toBeUndefined();
    expect(body.assessedAge).toBeUndefined();
    expect(body.documents).toEqual(['PROOF_OF_IDENTITY', 'PROOF_OF_ADDRESS']);
    expect(body.helpedBy).toBeUndefined();
    expect(body.validUntil).toBeUndefined();
  });

  it('keeps declared and assessed ages apart on an age assessment', () => {
    const body = stepBody('id-2', { ...form, kind: 'MINORITY_REFUSED' });
    expect(body.declaredAge).toBe(16);
    expect(body.assessedAge).toBe(19);
  });
});
