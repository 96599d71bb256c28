import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../forms/model';
import { referredTo } from './ReferFromConsultation';

const form = {
  sections: [
    {
      code: 'referral',
      fields: [
        {
          code: 'referred-to',
          type: 'choice',
          label: { fr: 'Orientation vers', en: 'Referred to', ar: 'الإحالة إلى' },
          options: [{ code: 'pass', label: { fr: 'PASS', en: 'PASS clinic', ar: 'باس' } }],
        },
      ],
    },
  ],
} as unknown as FormDefinition;

describe('referredTo', () => {
  it('describes the referral a consultation recorded, for the button that follows it up', () => {
    expect(referredTo(form, { 'referred-to': 'pass' }, (field, value) => `${field.code}:${value}`)).toBe('referred-to:pass');
  });

  it('offers nothing to follow when the form recorded no referral', () => {
    expect(referredTo(form, {}, () => 'never')).toBeUndefined();
    expect(referredTo(form, { 'referred-to': '' }, () => 'never')).toBeUndefined();
  });
});
