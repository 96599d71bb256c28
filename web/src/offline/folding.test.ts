// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName, nameWords } from './folding';
import { phoneticKey } from './phoneticKey';

interface Vector {
  name: string;
  folded: string;
  keys: string[];
}

// the server's test writes these: the same names must fold to the same words and keys on both sides
const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../../src/test/resources/matching/name-folding-vectors.json', import.meta.url), 'utf8'),
).vectors;

describe('name folding shared with the server', () => {
  it('has the vectors', () => {
    expect(vectors.length).toBeGreaterThan(50);
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('folds %j as the server does', (_, vector) => {
    expect(foldName(vector.name)).toBe(vector.folded);
    expect(nameWords(vector.name).map(phoneticKey)).toEqual(vector.keys);
  });

  it('brings the spellings of one name together', () => {
    const keys = ['Mohamed', 'Muhammad', 'محمد', 'Mahamat'].map((name) => phoneticKey(foldName(name)));
    expect(new Set(keys).size).toBe(1);
  });
});
