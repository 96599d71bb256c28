import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { emptyForm, formFromPerson, newOtherName, toDetails, validate } from './personForm';
import type { Person } from './types';

const t = translator('fr');
const TODAY = '2026-05-10';

describe('the person form', () => {
  it('sends a month as its first day', () => {
    const values = { ...emptyForm('Amina'), sex: 'FEMALE' as const, precision: 'MONTH' as const, birthValue: '2008-03' };
    expect(toDetails(values, TODAY).birthDate).toEqual({ precision: 'MONTH', date: '2008-03-01' });
  });

  it('sends a year as 1 January', () => {
    const values = { ...emptyForm('Amina'), sex: 'FEMALE' as const, precision: 'YEAR' as const, birthValue: '2001' };
    expect(toDetails(values, TODAY).birthDate).toEqual({ precision: 'YEAR', date: '2001-01-01' });
  });

  it('sends an estimated age with the day it was estimated', () => {
    const values = { ...emptyForm('Amina'), sex: 'FEMALE' as const, precision: 'ESTIMATED' as const, estimatedAge: '16' };
    expect(toDetails(values, TODAY).birthDate).toEqual({ precision: 'ESTIMATED', estimatedAge: 16, estimatedOn: TODAY });
  });

  it('sends no birth date when none is known, and leaves out empty optional fields', () => {
    const details = toDetails({ ...emptyForm('  Amina '), sex: 'UNKNOWN' }, TODAY);
    expect(details).toEqual({
      chosenName: 'Amina',
      otherNames: [],
      sex: 'UNKNOWN',
      birthDate: undefined,
      languages: [],
      countryOfOrigin: undefined,
      phone: undefined,
      flags: [],
    });
  });

  it('sends a typed country code for a country not in the list', () => {
    const values = { ...emptyForm('Amina'), sex: 'FEMALE' as const, country: 'other', otherCountry: 'ly' };
    expect(toDetails(values, TODAY).countryOfOrigin).toBe('LY');
  });

  it('asks for the chosen name and sex, with the server field paths', () => {
    const values = { ...emptyForm(''), otherNames: [newOtherName()] };
    expect(validate(values, t).map((problem) => problem.field)).toEqual([
      'details.chosenName',
      'details.sex',
      'details.otherNames[0].name',
    ]);
  });

  it('accepts a form with only the chosen name and sex', () => {
    expect(validate({ ...emptyForm('Amina'), sex: 'FEMALE' }, t)).toEqual([]);
  });

  it('loads a record back into the same values, keeping the day an age was estimated', () => {
    const person: Person = {
      id: '0190f1c2-0000-7000-8000-000000000010',
      patientCode: 'ABCD1234',
      chosenName: 'Yonas',
      otherNames: [{ name: 'ዮናስ', kind: 'ORIGINAL_SCRIPT', script: 'ETHIOPIC', language: 'ti' }],
      sex: 'MALE',
      birthDate: { precision: 'ESTIMATED', date: '2010-01-02', estimatedAge: 16, estimatedOn: '2026-01-02' },
      age: 16,
      languages: ['ti', 'de'],
      countryOfOrigin: 'LY',
      phone: null,
      flags: ['UNACCOMPANIED_MINOR'],
      registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
      version: 3,
      createdAt: '2026-01-02T10:00:00Z',
      updatedAt: '2026-01-02T10:00:00Z',
    };
    const details = toDetails(formFromPerson(person), TODAY);
    expect(details.birthDate).toEqual({ precision: 'ESTIMATED', estimatedAge: 16, estimatedOn: '2026-01-02' });
    expect(details.otherNames).toEqual(person.otherNames);
    expect(details.languages).toEqual(['ti', 'de']);
    expect(details.countryOfOrigin).toBe('LY');
    expect(details.flags).toEqual(['UNACCOMPANIED_MINOR']);
  });
});
