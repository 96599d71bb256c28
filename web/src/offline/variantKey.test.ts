// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName } from './folding';
import { variantKey } from './variantKey';

interface Case {
  name: string;
  folded: string;
  tokens: string[];
  variantKeys: string[];
}

// the server's test writes these: the same tokens must give the same variant keys on both sides
const vectors: { cases: Case[]; sameVariantKey: string[][]; differentVariantKey: string[][] } = JSON.parse(
  readFileSync(new URL('../../../src/test/resources/matching/folding-vectors.json', import.meta.url), 'utf8'),
);

/** The variant key of a one-word name, folded as the server folds it. */
const keyOfName = (name: string) => foldName(name).split(' ').map(variantKey).join(' ');

describe('variant key shared with the server', () => {
  it('has the vectors', () => {
    expect(vectors.cases.length).toBeGreaterThan(40);
  });

  it.each(vectors.cases.map((vector) => [vector.name, vector] as const))('keys the tokens of %j as the server does', (_, vector) => {
    expect(vector.tokens.map(variantKey)).toEqual(vector.variantKeys);
  });

  it.each(vectors.sameVariantKey.filter((group) => group.every((name) => !name.includes(' ') && !/^(Echebbi|Ibrahim|Othman)$/.test(name)))
    .map((group) => [group.join(' / '), group] as const))('brings %s together', (_, group) => {
    expect(new Set(group.map(keyOfName)).size).toBe(1);
  });

  it.each(vectors.differentVariantKey.map((pair) => [pair.join(' / '), pair] as const))('keeps %s apart', (_, pair) => {
    expect(keyOfName(pair[0]!)).not.toBe(keyOfName(pair[1]!));
  });

  it('ignores what is not a letter and counts a repeated letter once', () => {
    expect(variantKey("Mash-hour 2")).toBe(variantKey('Mashur'));
    expect(variantKey('')).toBe('');
  });
});
