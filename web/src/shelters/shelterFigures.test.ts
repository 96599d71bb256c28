import { describe, expect, it } from 'vitest';
import { explain, lastNights, occupancyRate } from './shelterFigures';

describe('the occupancy of a run of nights', () => {
  it('is the nights slept over the beds open, in whole percent', () => {
    const nights = [
      { night: '2026-12-05', capacity: 10, slept: 9, emergencyOpen: false },
      { night: '2026-12-06', capacity: 13, slept: 13, emergencyOpen: true },
    ];
    expect(occupancyRate(nights)).toBe(96);
  });

  it('is unknown when no bed was open', () => {
    expect(occupancyRate([{ night: '2026-12-06', capacity: 0, slept: 0, emergencyOpen: false }])).toBeNull();
    expect(occupancyRate([])).toBeNull();
  });
});

describe('the last nights', () => {
  it('ends with tonight and crosses months', () => {
    expect(lastNights('2026-12-02', 7)).toEqual({ from: '2026-11-26', until: '2026-12-03' });
  });
});

describe("a rank's explanation", () => {
  it('shows what adds points, the largest first', () => {
    const reasons = [
      { criterion: 'DAYS_WAITED', points: 4 },
      { criterion: 'MINOR', points: 30 },
      { criterion: 'SLEEPING_OUTSIDE', points: 0 },
    ];
    expect(explain(reasons)).toEqual([
      { criterion: 'MINOR', points: 30 },
      { criterion: 'DAYS_WAITED', points: 4 },
    ]);
  });
});
