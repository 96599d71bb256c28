import { describe, expect, it } from 'vitest';
import { landingPath } from '../screens/LoginScreen';
import type { Role, Session } from '../types';

function session(roles: Role[]): Session {
  return {
    user: { roles },
    currentSite: { id: '0190f1c2-0000-7000-8000-000000000010', name: 'Calais' },
    secondFactor: { required: false, enrolled: false },
  } as unknown as Session;
}

describe("the logistician's landing", () => {
  it('is the stock of their places for a logistician who meets no one', () => {
    expect(landingPath(session(['LOGISTICIAN']))).toBe('/stock');
  });

  it('stays the search for a logistician who also cares for people', () => {
    expect(landingPath(session(['LOGISTICIAN', 'CLINICIAN']))).toBe('/');
  });
});
