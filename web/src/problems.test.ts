import { describe, expect, it } from 'vitest';
import { messagesFor, unplaced } from './problems';
import type { Problem } from './types';

const problem: Problem = {
  status: 400,
  code: 'invalid-input',
  detail: 'Certains champs ne sont pas valides.',
  fieldErrors: [
    { field: 'details.chosenName', code: 'NotBlank', message: 'obligatoire' },
    { field: 'details.otherNames[0].name', code: 'NotBlank', message: 'nom vide' },
    { field: 'details.birthDate', code: 'birth-date-in-future', message: 'dans le futur' },
    { field: 'somethingElse', code: 'Invalid', message: 'autre' },
  ],
};

describe('field errors', () => {
  it('go next to their field, including fields inside it', () => {
    expect(messagesFor(problem, 'details.chosenName')).toEqual(['obligatoire']);
    expect(messagesFor(problem, 'details.otherNames[0]')).toEqual(['nom vide']);
    expect(messagesFor(problem, 'details.otherNames', true)).toEqual([]);
    expect(messagesFor(problem, 'details.birthDate')).toEqual(['dans le futur']);
  });

  it('that no field shows are kept for the top of the form', () => {
    expect(unplaced(problem, ['details.chosenName', 'details.otherNames', 'details.birthDate']).map((e) => e.field)).toEqual([
      'somethingElse',
    ]);
  });
});
