import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../forms/model';
import { dispensableLines } from './dispensableLines';

const form = {
  sections: [
    { fields: [{ code: 'notes', type: 'text' }, { code: 'prescription', type: 'medication' }] },
    { fields: [{ code: 'more', type: 'medication' }] },
  ],
} as unknown as FormDefinition;

describe('the lines a consultation dispenses', () => {
  it('numbers every medication field in order and proposes doses a day times days', () => {
    const lines = dispensableLines(form, {
      prescription: [
        { medicine: 'amoxicillin-500-caps', morning: 1, noon: 1, evening: 1, days: 7 },
        { medicine: 'paracetamol-500-tab', morning: 2, night: 2, days: null },
      ],
      more: [{ medicine: 'ibuprofen-400-tab', morning: 0.5, evening: 0.5, days: 5 }],
    });

    expect(lines).toEqual([
      { line: 0, medicine: 'amoxicillin-500-caps', prescribed: 21 },
      { line: 1, medicine: 'paracetamol-500-tab', prescribed: 0 },
      { line: 2, medicine: 'ibuprofen-400-tab', prescribed: 5 },
    ]);
  });

  it('has no line when nothing was prescribed', () => {
    expect(dispensableLines(form, { notes: 'x' })).toEqual([]);
  });
});
