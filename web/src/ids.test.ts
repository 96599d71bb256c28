import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids';

describe('record ids', () => {
  it('are version 7 UUIDs ordered by time', () => {
    const first = uuidv7(1_700_000_000_000);
    const second = uuidv7(1_700_000_000_001);
    expect(isUuid(first)).toBe(true);
    expect(first.charAt(14)).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(first.charAt(19));
    expect(first < second).toBe(true);
  });
});
