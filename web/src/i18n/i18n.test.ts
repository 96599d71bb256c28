import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../problems';
import { COUNTRIES, SPOKEN_LANGUAGES } from '../referenceLists';
import { AUDIT_ACTIONS, DISCIPLINES, FLAGS, NAME_KINDS, PRECISIONS, ROLES, SCRIPTS, SEXES, SITE_KINDS } from '../types';
import { type Language, DICTIONARIES, direction, LANGUAGES, translator, type PluralForms } from './index';
import { fr } from './fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
const texts = (value: string | PluralForms) => (typeof value === 'string' ? [value] : Object.values(value));
const other = (value: string | PluralForms) => (typeof value === 'string' ? value : value.other);

describe('dictionaries', () => {
  const referenceKeys = Object.keys(fr).sort();

  it.each(LANGUAGES)('%s has exactly the keys of the French reference', (language) => {
    expect(Object.keys(DICTIONARIES[language]).sort()).toEqual(referenceKeys);
  });

  it.each(LANGUAGES)('%s has no empty value', (language) => {
    const empty = Object.entries(DICTIONARIES[language]).filter(([, value]) => texts(value).some((text) => text.trim() === ''));
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s keeps the placeholders of the French text', (language) => {
    const messages = DICTIONARIES[language];
    const different = referenceKeys.filter((key) => {
      const reference = placeholders(other(fr[key as keyof typeof fr]));
      const value = messages[key as keyof typeof fr];
      // A form for a single number (one, two) may say it in words rather than {count}.
      return (
        placeholders(other(value)).join() !== reference.join() ||
        texts(value).some((text) => placeholders(text).some((name) => !reference.includes(name)))
      );
    });
    expect(different).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every plural form its language uses, and only those', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const wrong = Object.entries(DICTIONARIES[language])
      .filter(([, value]) => typeof value !== 'string')
      .filter(([, forms]) => {
        const given = Object.keys(forms);
        // French "many" (a million people) reads like "other": it may be left out.
        const needed = categories.filter((category) => !(language === 'fr' && category === 'many'));
        return needed.some((category) => !given.includes(category)) || given.some((form) => !categories.includes(form as Intl.LDMLPluralRule));
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
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
    expect(translator('fr')('search.empty')).toBe('Aucune personne trouvée.');
    expect(translator('en')('export.download', { file: 'a.json' })).toBe('Download a.json');
  });

  it('says a count with the plural form of each language', () => {
    const count = (language: Language, n: number) => translator(language).plural('search.results', n);
    expect([0, 1, 2, 5].map((n) => count('fr', n))).toEqual([
      '0 personne trouvée',
      '1 personne trouvée',
      '2 personnes trouvées',
      '5 personnes trouvées',
    ]);
    expect([0, 1, 2].map((n) => count('en', n))).toEqual(['0 people found', '1 person found', '2 people found']);
    expect([0, 1, 2, 3, 11, 100].map((n) => count('ar', n))).toEqual([
      'لم يُعثر على أي شخص',
      'وُجد شخص واحد',
      'وُجد شخصان',
      'وُجد 3 أشخاص',
      'وُجد 11 شخصًا',
      'وُجد 100 شخص',
    ]);
    expect(translator('fr').plural('age.estimated', 24)).toBe('~24 ans (estimé)');
    expect(translator('en').plural('retention.outcome.PURGED', 1, { type: 'Audit' })).toBe('Audit: 1 record removed');
  });

  it('writes Arabic right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });
});
