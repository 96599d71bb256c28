import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../problems';
import { COUNTRIES, SPOKEN_LANGUAGES } from '../referenceLists';
import { AUDIT_ACTIONS, DISCIPLINES, FLAGS, NAME_KINDS, PRECISIONS, ROLES, SCRIPTS, SEXES, SITE_KINDS } from '../types';
import { DICTIONARIES, direction, LANGUAGES, translator } from './index';
import { fr } from './fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  const referenceKeys = Object.keys(fr).sort();

  it.each(LANGUAGES)('%s has exactly the keys of the French reference', (language) => {
    expect(Object.keys(DICTIONARIES[language]).sort()).toEqual(referenceKeys);
  });

  it.each(LANGUAGES)('%s has no empty value', (language) => {
    const empty = Object.entries(DICTIONARIES[language]).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s keeps the placeholders of the French text', (language) => {
    const messages = DICTIONARIES[language];
    const different = referenceKeys.filter(
      (key) => placeholders(messages[key as keyof typeof fr]).join() !== placeholders(fr[key as keyof typeof fr]).join(),
    );
    expect(different).toEqual([]);
  });

  it('has a label for every code the API sends', () => {
    const expected = [
      ...SEXES.map((v) => `sex.${v}`),
      ...PRECISIONS.map((v) => `birth.precision.${v}`),
      ...NAME_KINDS.map((v) => `nameKind.${v}`),
      ...SCRIPTS.map((v) => `script.${v}`),
      ...FLAGS.map((v) => `flag.${v}`),
      ...DISCIPLINES.map((v) => `discipline.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...SITE_KINDS.map((v) => `siteKind.${v}`),
      ...AUDIT_ACTIONS.map((v) => `auditAction.${v}`),
      ...COUNTRIES.map((v) => `country.${v}`),
      ...SPOKEN_LANGUAGES.map((v) => `language.${v}`),
      ...PROBLEM_CODES.map((v) => `problem.${v}`),
    ];
    expect(expected.filter((key) => !(key in fr))).toEqual([]);
  });

  it('uses language codes the API accepts', () => {
    expect(SPOKEN_LANGUAGES.filter((code) => !/^[a-z]{2,3}$/.test(code))).toEqual([]);
  });
});

describe('translator', () => {
  it('fills placeholders', () => {
    expect(translator('fr')('age.estimated', { age: 24 })).toBe('~24 ans (estimé)');
    expect(translator('en')('age.estimated', { age: 24 })).toBe('~24 years (estimated)');
  });

  it('writes Arabic right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });
});
