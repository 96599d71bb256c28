import { useApp } from '../appContext';
import { newOtherName, type OtherNameValues } from '../personForm';
import { SPOKEN_LANGUAGES, languageName } from '../referenceLists';
import { NAME_KINDS, SCRIPTS, type NameKind, type Problem, type Script } from '../types';
import { errorId, FieldErrors } from './FieldErrors';

interface Props {
  rows: OtherNameValues[];
  onChange: (rows: OtherNameValues[]) => void;
  problem: Problem | null;
}

/** Aliases, other spellings, the name in its own script: one row each. */
export function OtherNamesField({ rows, onChange, problem }: Props) {
  const { t } = useApp();
  const update = (index: number, change: Partial<OtherNameValues>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <fieldset class="fieldset">
      <legend>{t('person.otherNames')}</legend>
      {rows.map((row, index) => {
        const path = `details.otherNames[${index}]`;
        const id = `other-name-${row.key}`;
        return (
          <div key={row.key} class="other-name-row" data-testid="person-other-name">
            <div class="field">
              <label for={`${id}-name`}>{t('person.otherName')}</label>
              <input
                id={`${id}-name`}
                value={row.name}
                dir="auto"
                autocomplete="off"
                onInput={(event) => update(index, { name: event.currentTarget.value })}
                aria-describedby={errorId(path)}
                data-testid="person-other-name-input"
              />
            </div>
            <div class="field">
              <label for={`${id}-kind`}>{t('person.nameKind')}</label>
              <select
                id={`${id}-kind`}
                value={row.kind}
                onChange={(event) => update(index, { kind: event.currentTarget.value as NameKind })}
                data-testid="person-other-name-kind"
              >
                {NAME_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`nameKind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-script`}>
                {t('person.nameScript')} <span class="optional">({t('app.optional')})</span>
              </label>
              <select
                id={`${id}-script`}
                value={row.script}
                onChange={(event) => update(index, { script: event.currentTarget.value as Script | '' })}
              >
                <option value="">{t('app.none')}</option>
                {SCRIPTS.map((script) => (
                  <option key={script} value={script}>
                    {t(`script.${script}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-language`}>
                {t('person.nameLanguage')} <span class="optional">({t('app.optional')})</span>
              </label>
              <select
                id={`${id}-language`}
                value={row.language}
                onChange={(event) => update(index, { language: event.currentTarget.value })}
              >
                <option value="">{t('app.none')}</option>
                {SPOKEN_LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, t)}
                  </option>
                ))}
                {row.language && !(SPOKEN_LANGUAGES as readonly string[]).includes(row.language) && (
                  <option value={row.language}>{row.language}</option>
                )}
              </select>
            </div>
            <button
              type="button"
              class="button link remove-row"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              data-testid="person-remove-name"
            >
              {t('person.removeName')}
            </button>
            <FieldErrors problem={problem} path={path} id={errorId(path)} />
          </div>
        );
      })}
      <FieldErrors problem={problem} path="details.otherNames" exact />
      <button
        type="button"
        class="button secondary"
        onClick={() => onChange([...rows, newOtherName()])}
        data-testid="person-add-name"
      >
        {t('person.addName')}
      </button>
    </fieldset>
  );
}
