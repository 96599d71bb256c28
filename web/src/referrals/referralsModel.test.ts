import { describe, expect, it } from 'vitest';
import { byUrgencyOfFollowUp, directoryQuery, nextStatuses, summaryLanguage } from './referralsModel';

describe('referrals', () => {
  it('offers only the steps that follow from where a referral stands', () => {
    expect(nextStatuses('SENT')).toEqual(['ACCEPTED', 'ATTENDED', 'REFUSED', 'LOST']);
    expect(nextStatuses('ATTENDED')).toEqual(['CLOSED']);
    expect(nextStatuses('REFUSED')).toEqual([]);
  });

  it('writes the summary in the first language of the person a letter has, else French', () => {
    expect(summaryLanguage(['ps', 'ar', 'en'])).toBe('ar');
    expect(summaryLanguage(['en'])).toBe('en');
    expect(summaryLanguage(['ti'])).toBe('fr');
  });

  it('searches the directory by need, place and language, leaving empty criteria out', () => {
    expect(directoryQuery({ need: 'MENTAL_HEALTH', place: ' Calais ', language: 'AR' })).toBe(
      '?need=MENTAL_HEALTH&place=Calais&language=ar',
    );
    expect(directoryQuery({ place: '  ' })).toBe('');
  });

  it('puts overdue referrals first, then the soonest to check', () => {
    const list = [
      { id: 'a', overdue: false, followBy: '2026-12-01' },
      { id: 'b', overdue: true, followBy: '2026-12-05' },
      { id: 'c', overdue: true, followBy: '2026-11-20' },
    ];
    expect(byUrgencyOfFollowUp(list).map((one) => one.id)).toEqual(['c', 'b', 'a']);
  });
});
