import { describe, expect, it } from 'vitest';
import { countOf, instantAt, localTime, withCount } from './outreachApi';

describe('outreach form helpers', () => {
  it('sets, changes and clears one count of the grid', () => {
    let tallies = withCount([], 'FEMALE', '18+', 3);
    tallies = withCount(tallies, 'MALE', '05-14', 2);
    tallies = withCount(tallies, 'FEMALE', '18+', 4);
    expect(countOf(tallies, 'FEMALE', '18+')).toBe(4);
    expect(countOf(tallies, 'MALE', '05-14')).toBe(2);
    expect(withCount(tallies, 'MALE', '05-14', 0)).toEqual([{ sex: 'FEMALE', ageGroup: '18+', people: 4 }]);
  });

  it('reads back the local time it wrote', () => {
    expect(localTime(instantAt('2026-12-07', '21:30'))).toBe('21:30');
    expect(localTime(null)).toBe('');
  });
});
