import type { ComponentChildren } from 'preact';
import { useApp } from '../appContext';
import type { PersonFormValues } from '../personForm';
import { COUNTRIES, OTHER_COUNTRY, SPOKEN_LANGUAGES, countryName, languageName } from '../referenceLists';
import { FLAGS, SEXES, type Flag, type Problem, type Sex } from '../types';
import { BirthDateField } from './BirthDateField';
import { errorId, FieldErrors, hasErrors } from './FieldErrors';
import { FormError } from './FormError';
import { OtherNamesField } from './OtherNamesField';

interface Props {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  onSubmit: () => void;
  problem: Problem | null;
  busy: boolean;
  /** Shown inside the form error, e.g. the reload button after a conflict. */
  errorAction?: ComponentChildren;
}

/** Field paths shown next to their fields; any other field error goes to the top. */
export const PLACED_PATHS = [
  'details.chosenName',
  'details.sex',
  'details.birthDate',
  'details.otherNames',
  'details.languages',
  'details.countryOfOrigin',
  'details.phone',
  'details.flags',
];

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

/** The registration and correction form of a person. Only the chosen name and sex are required. */
export function PersonForm({ values, onChange, onSubmit, problem, busy, errorAction }: Props) {
  const { t } = useApp();
  const set = (change: Partial<PersonFormValues>) => onChange({ ...values, ...change });
  const extraLanguages = values.languages.filter((code) => !(SPOKEN_LANGUAGES as readonly string[]).includes(code));

  return (
    <form
      class="person-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormError problem={problem} placed={PLACED_PATHS}>
        {errorAction}
      </FormError>
      <p class="hint">{t('person.requiredNote')}</p>

      <div class="field">
        <label for="person-chosen-name">
          {t('person.chosenName')} <span class="required">({t('app.required')})</span>
        </label>
        <input
          id="person-chosen-name"
          value={values.chosenName}
          dir="auto"
          autocomplete="off"
          aria-invalid={hasErrors(problem, 'details.chosenName')}
          aria-describedby={`person-chosen-name-hint ${errorId('details.chosenName')}`}
          onInput={(event) => set({ chosenName: event.currentTarget.value })}
          data-testid="person-chosen-name"
        />
        <p class="hint" id="person-chosen-name-hint">
          {t('person.chosenNameHint')}
        </p>
        <FieldErrors problem={problem} path="details.chosenName" id={errorId('details.chosenName')} />
      </div>

      <div class="field">
        <label for="person-sex">
          {t('person.sex')} <span class="required">({t('app.required')})</span>
        </label>
        <select
          id="person-sex"
          value={values.sex}
          aria-invalid={hasErrors(problem, 'details.sex')}
          aria-describedby={errorId('details.sex')}
          onChange={(event) => set({ sex: event.currentTarget.value as Sex | '' })}
          data-testid="person-sex"
        >
          <option value="">{t('app.choose')}</option>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`sex.${sex}`)}
            </option>
          ))}
        </select>
        <FieldErrors problem={problem} path="details.sex" id={errorId('details.sex')} />
      </div>

      <BirthDateField values={values} onChange={set} problem={problem} />

      <div class="field">
        <label for="person-country">
          {t('person.country')} <span class="optional">({t('app.optional')})</span>
        </label>
        <select
          id="person-country"
          value={values.country}
          onChange={(event) => set({ country: event.currentTarget.value })}
          aria-describedby={errorId('details.countryOfOrigin')}
          data-testid="person-country"
        >
          <option value="">{t('app.none')}</option>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryName(code, t)}
            </option>
          ))}
          <option value={OTHER_COUNTRY}>{t('country.other')}</option>
        </select>
        {values.country === OTHER_COUNTRY && (
          <div class="field nested">
            <label for="person-country-other">{t('person.countryOther')}</label>
            <input
              id="person-country-other"
              value={values.otherCountry}
              maxLength={2}
              autocapitalize="characters"
              autocomplete="off"
              onInput={(event) => set({ otherCountry: event.currentTarget.value.toUpperCase() })}
              data-testid="person-country-other"
            />
          </div>
        )}
        <FieldErrors problem={problem} path="details.countryOfOrigin" id={errorId('details.countryOfOrigin')} />
      </div>

      <fieldset class="fieldset" data-testid="person-languages">
        <legend>
          {t('person.languages')} <span class="optional">({t('app.optional')})</span>
        </legend>
        <div class="checkbox-grid">
          {[...SPOKEN_LANGUAGES, ...extraLanguages].map((code) => (
            <label key={code} class="checkbox">
              <input
                type="checkbox"
                value={code}
                checked={values.languages.includes(code)}
                onChange={(event) => set({ languages: toggle(values.languages, code, event.currentTarget.checked) })}
                data-testid={`person-language-${code}`}
              />
              <span>{languageName(code, t)}</span>
            </label>
          ))}
        </div>
        <FieldErrors problem={problem} path="details.languages" />
      </fieldset>

      <div class="field">
        <label for="person-phone">
          {t('person.phone')} <span class="optional">({t('app.optional')})</span>
        </label>
        <input
          id="person-phone"
          type="tel"
          dir="ltr"
          autocomplete="off"
          value={values.phone}
          aria-describedby={errorId('details.phone')}
          onInput={(event) => set({ phone: event.currentTarget.value })}
          data-testid="person-phone"
        />
        <FieldErrors problem={problem} path="details.phone" id={errorId('details.phone')} />
      </div>

      <fieldset class="fieldset">
        <legend>{t('person.flags')}</legend>
        {FLAGS.map((flag: Flag) => (
          <label key={flag} class="checkbox">
            <input
              type="checkbox"
              checked={values.flags.includes(flag)}
              onChange={(event) => set({ flags: toggle(values.flags, flag, event.currentTarget.checked) })}
              data-testid={`person-flag-${flag}`}
            />
            <span>{t(`flag.${flag}`)}</span>
          </label>
        ))}
        <FieldErrors problem={problem} path="details.flags" />
      </fieldset>

      <OtherNamesField rows={values.otherNames} onChange={(otherNames) => set({ otherNames })} problem={problem} />

      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="person-save">
          {busy ? t('person.saving') : t('person.save')}
        </button>
      </div>
    </form>
  );
}
