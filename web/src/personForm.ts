// The registration/edit form's values, and how they become the PersonDetails the API takes.
import type { Translate } from './i18n';
import { COUNTRIES, OTHER_COUNTRY } from './referenceLists';
import type { FieldProblem, Flag, NameKind, Person, PersonDetails, Precision, Script, Sex } from './types';
import { today } from './format';

export interface OtherNameValues {
  /** Stable key for rendering the row; not sent. */
  key: number;
  name: string;
  kind: NameKind;
  script: Script | '';
  language: string;
}

export interface PersonFormValues {
  chosenName: string;
  otherNames: OtherNameValues[];
  sex: Sex | '';
  precision: Precision | '';
  /** YYYY-MM-DD for EXACT, YYYY-MM for MONTH, YYYY for YEAR. */
  birthValue: string;
  estimatedAge: string;
  /** Kept from the record while the age is unchanged; today once it is changed. */
  estimatedOn: string;
  /** A code from COUNTRIES, OTHER_COUNTRY or ''. */
  country: string;
  otherCountry: string;
  languages: string[];
  phone: string;
  flags: Flag[];
}

export function emptyForm(chosenName = ''): PersonFormValues {
  return {
    chosenName,
    otherNames: [],
    sex: '',
    precision: '',
    birthValue: '',
    estimatedAge: '',
    estimatedOn: '',
    country: '',
    otherCountry: '',
    languages: [],
    phone: '',
    flags: [],
  };
}

let nextKey = 1;

export function newOtherName(): OtherNameValues {
  return { key: nextKey++, name: '', kind: 'SPELLING', script: '', language: '' };
}

export function formFromPerson(person: Person): PersonFormValues {
  const birth = person.birthDate;
  const country = person.countryOfOrigin ?? '';
  const known = (COUNTRIES as readonly string[]).includes(country);
  return {
    chosenName: person.chosenName,
    otherNames: person.otherNames.map((other) => ({
      key: nextKey++,
      name: other.name,
      kind: other.kind,
      script: other.script ?? '',
      language: other.language ?? '',
    })),
    sex: person.sex,
    precision: birth?.precision ?? '',
    birthValue: !birth
      ? ''
      : birth.precision === 'MONTH'
        ? birth.date.slice(0, 7)
        : birth.precision === 'YEAR'
          ? birth.date.slice(0, 4)
          : birth.precision === 'EXACT'
            ? birth.date
            : '',
    estimatedAge: birth?.precision === 'ESTIMATED' && birth.estimatedAge != null ? String(birth.estimatedAge) : '',
    estimatedOn: birth?.estimatedOn ?? '',
    country: country === '' ? '' : known ? country : OTHER_COUNTRY,
    otherCountry: known ? '' : country,
    languages: [...person.languages],
    phone: person.phone ?? '',
    flags: [...person.flags],
  };
}

/** The birth date to send, or undefined when nothing is known. */
export function birthDateInput(values: PersonFormValues, day: string = today()): PersonDetails['birthDate'] {
  const value = values.birthValue.trim();
  switch (values.precision) {
    case '':
      return undefined;
    case 'EXACT':
      return { precision: 'EXACT', date: value || undefined };
    case 'MONTH':
      return { precision: 'MONTH', date: value ? `${value.slice(0, 7)}-01` : undefined };
    case 'YEAR':
      return { precision: 'YEAR', date: value ? `${value.padStart(4, '0')}-01-01` : undefined };
    case 'ESTIMATED': {
      const age = values.estimatedAge.trim();
      return {
        precision: 'ESTIMATED',
        estimatedAge: age === '' ? undefined : Number(age),
        estimatedOn: values.estimatedOn || day,
      };
    }
  }
}

export function toDetails(values: PersonFormValues, day: string = today()): PersonDetails {
  const country = values.country === OTHER_COUNTRY ? values.otherCountry.trim().toUpperCase() : values.country;
  const phone = values.phone.trim();
  return {
    chosenName: values.chosenName.trim(),
    otherNames: values.otherNames.map((other) => ({
      name: other.name.trim(),
      kind: other.kind,
      script: other.script || null,
      language: other.language || null,
    })),
    sex: values.sex as Sex,
    birthDate: birthDateInput(values, day),
    languages: values.languages,
    countryOfOrigin: country || undefined,
    phone: phone || undefined,
    flags: values.flags,
  };
}

/**
 * Checks what can be checked without the server, with the server's field paths, so the
 * same display shows both. The server checks everything again.
 */
export function validate(values: PersonFormValues, t: Translate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (values.chosenName.trim() === '') add('details.chosenName', 'NotBlank', t('person.chosenNameRequired'));
  if (values.sex === '') add('details.sex', 'NotNull', t('person.sexRequired'));
  values.otherNames.forEach((other, index) => {
    if (other.name.trim() === '') add(`details.otherNames[${index}].name`, 'NotBlank', t('person.otherNameRequired'));
  });
  if (values.precision === 'YEAR' && values.birthValue !== '' && !/^\d{4}$/.test(values.birthValue.trim())) {
    add('details.birthDate.date', 'Invalid', t('person.invalidYear'));
  }
  if (values.precision === 'ESTIMATED' && values.estimatedAge !== '') {
    const age = Number(values.estimatedAge);
    if (!Number.isInteger(age) || age < 0 || age > 120) add('details.birthDate.estimatedAge', 'Range', t('person.invalidAge'));
  }
  if (values.country === OTHER_COUNTRY && !/^[A-Za-z]{2}$/.test(values.otherCountry.trim())) {
    add('details.countryOfOrigin', 'Pattern', t('person.invalidCountry'));
  }
  return problems;
}
