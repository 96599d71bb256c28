import { useApp } from '../appContext';
import { today } from '../format';
import type { PersonFormValues } from '../personForm';
import { PRECISIONS, type Precision, type Problem } from '../types';
import { errorId, FieldErrors } from './FieldErrors';

interface Props {
  values: PersonFormValues;
  onChange: (change: Partial<PersonFormValues>) => void;
  problem: Problem | null;
}

const PATH = 'details.birthDate';

/** A birth date as precisely as it is known: a date, a month, a year, or an estimated age. */
export function BirthDateField({ values, onChange, problem }: Props) {
  const { t } = useApp();
  const precision = values.precision;

  const changePrecision = (next: Precision | '') => {
    // Keep what can be kept (the year) when the precision changes.
    const year = /^\d{4}/.exec(values.birthValue)?.[0] ?? '';
    const birthValue = next === 'YEAR' ? year : next === precision ? values.birthValue : '';
    onChange({ precision: next, birthValue });
  };

  return (
    <fieldset class="fieldset">
      <legend>
        {t('person.birthDate')} <span class="optional">({t('app.optional')})</span>
      </legend>
      <div class="field-row">
        <div class="field">
          <label for="person-birth-precision">{t('person.birthPrecision')}</label>
          <select
            id="person-birth-precision"
            value={precision}
            onChange={(event) => changePrecision(event.currentTarget.value as Precision | '')}
            data-testid="person-birth-precision"
          >
            <option value="">{t('person.birthUnknown')}</option>
            {PRECISIONS.map((value) => (
              <option key={value} value={value}>
                {t(`birth.precision.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {(precision === 'EXACT' || precision === 'MONTH' || precision === 'YEAR') && (
          <div class="field">
            <label for="person-birth-date">
              {precision === 'EXACT'
                ? t('person.birthExactDate')
                : precision === 'MONTH'
                  ? t('person.birthMonth')
                  : t('person.birthYear')}
            </label>
            <input
              id="person-birth-date"
              key={precision}
              type={precision === 'EXACT' ? 'date' : precision === 'MONTH' ? 'month' : 'number'}
              inputMode={precision === 'YEAR' ? 'numeric' : undefined}
              min={precision === 'YEAR' ? 1900 : undefined}
              max={precision === 'EXACT' ? today() : precision === 'MONTH' ? today().slice(0, 7) : precision === 'YEAR' ? Number(today().slice(0, 4)) : undefined}
              placeholder={precision === 'MONTH' ? 'YYYY-MM' : precision === 'YEAR' ? 'YYYY' : undefined}
              value={values.birthValue}
              onInput={(event) => onChange({ birthValue: event.currentTarget.value })}
              aria-describedby={errorId(PATH)}
              data-testid="person-birth-date"
            />
          </div>
        )}
        {precision === 'ESTIMATED' && (
          <div class="field">
            <label for="person-estimated-age">{t('person.estimatedAge')}</label>
            <input
              id="person-estimated-age"
              type="number"
              inputMode="numeric"
              min={0}
              max={120}
              value={values.estimatedAge}
              onInput={(event) => onChange({ estimatedAge: event.currentTarget.value, estimatedOn: today() })}
              aria-describedby={errorId(PATH)}
              data-testid="person-estimated-age"
            />
          </div>
        )}
      </div>
      <FieldErrors problem={problem} path={PATH} id={errorId(PATH)} />
    </fieldset>
  );
}
