import { useApp } from '../appContext';
import { describeBirth, isolate } from '../format';
import { enumKey } from '../i18n';
import type { ImportCheck, ImportDuplicate } from './importsApi';
import type { Choice } from './mapping';

/** The refusals listed on the screen; the report holds them all. */
const SHOWN_REFUSALS = 50;

interface Props {
  check: ImportCheck;
  choices: Record<number, Choice>;
  onChoose: (line: number, choice: Choice) => void;
  busy: boolean;
  onStart: () => void;
}

/**
 * What a check of the file found: the counts, the first rows as the registry will read them, the
 * refusals with their reasons, the likely duplicates with a choice for each (import as new, same
 * person as one of the registry, skip), and the button that starts the import.
 */
export function ImportCheckView({ check, choices, onChoose, busy, onStart }: Props) {
  const { t, language } = useApp();
  const refused = check.rows - check.accepted;
  const skippedOrLinked = Object.values(choices).filter((choice) => choice.action !== 'NEW').length;
  return (
    <div data-testid="import-checked">
      <h2>{t('imports.preview')}</h2>
      <p data-testid="import-counts">
        {t.plural('imports.accepted', check.accepted)} · {t.plural('imports.refused', refused)} · {t.plural('imports.duplicates', check.duplicates.length)}
      </p>
      <div class="table-scroll">
        <table class="data-table" data-testid="import-preview">
          <thead>
            <tr>
              <th>{t('imports.line')}</th>
              <th>{t('imports.fieldName.FULL_NAME')}</th>
              <th>{t('imports.fieldName.SEX')}</th>
              <th>{t('imports.fieldName.BIRTH_DATE')}</th>
              <th>{t('imports.fieldName.COUNTRY_OF_ORIGIN')}</th>
              <th>{t('imports.fieldName.SITE')}</th>
            </tr>
          </thead>
          <tbody>
            {check.preview.map((row) =>
              row.refused ? (
                <tr key={row.line} class="import-refused" data-testid={`import-row-${row.line}`}>
                  <td class="number">{row.line}</td>
                  <td colSpan={5}>{t('imports.rowRefused')}</td>
                </tr>
              ) : (
                <tr key={row.line} data-testid={`import-row-${row.line}`}>
                  <td class="number">{row.line}</td>
                  <td>
                    {row.chosenName ? isolate(row.chosenName) : ''}
                    {row.otherNames.length > 0 ? ` (${row.otherNames.map(isolate).join(', ')})` : ''}
                  </td>
                  <td>{row.sex ? t(enumKey('sex', row.sex)) : ''}</td>
                  <td>{describeBirth(row.birthDate, undefined, t, language)}</td>
                  <td>{row.countryOfOrigin ?? ''}</td>
                  <td>{row.site ?? ''}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {check.refusals.length > 0 && (
        <>
          <h2>{t('imports.refusals')}</h2>
          <ul class="import-refusals" data-testid="import-refusals">
            {check.refusals.slice(0, SHOWN_REFUSALS).map((refusal) => (
              <li key={`${refusal.line}-${refusal.column}-${refusal.code}`} data-testid="import-refusal">
                {t('imports.refusalAt', { line: refusal.line, column: refusal.column })} {refusal.message}
              </li>
            ))}
          </ul>
          {check.refusals.length > SHOWN_REFUSALS && <p class="hint">{t('imports.moreRefusals', { count: check.refusals.length - SHOWN_REFUSALS })}</p>}
        </>
      )}
      {check.duplicates.length > 0 && (
        <>
          <h2>{t('imports.likelyDuplicates')}</h2>
          <p class="hint">{t('imports.duplicatesHint')}</p>
          <ul class="import-duplicates">
            {check.duplicates.map((duplicate) => (
              <DuplicateChoice key={duplicate.line} duplicate={duplicate} choice={choices[duplicate.line]} onChoose={onChoose} />
            ))}
          </ul>
        </>
      )}
      <p class="hint" data-testid="import-summary">
        {t.plural('imports.toCreate', check.accepted - skippedOrLinked)} {t('imports.allOrNothing')}
      </p>
      <button type="button" class="button primary" data-testid="import-run" disabled={busy || check.accepted === 0} onClick={onStart}>
        {t('imports.run')}
      </button>
    </div>
  );
}

interface ChoiceProps {
  duplicate: ImportDuplicate;
  choice: Choice | undefined;
  onChoose: (line: number, choice: Choice) => void;
}

function DuplicateChoice({ duplicate, choice, onChoose }: ChoiceProps) {
  const { t } = useApp();
  const value = choice ? (choice.action === 'LINK' ? `LINK:${choice.personId}` : choice.action) : 'NEW';
  const choose = (selected: string) => {
    if (selected.startsWith('LINK:')) onChoose(duplicate.line, { action: 'LINK', personId: selected.slice(5) });
    else onChoose(duplicate.line, { action: selected === 'SKIP' ? 'SKIP' : 'NEW' });
  };
  return (
    <li data-testid={`import-duplicate-${duplicate.line}`}>
      <p>
        <strong>{t('imports.lineNumber', { line: duplicate.line })}</strong>
        {duplicate.inFile.length > 0 && ` · ${t('imports.sameInFile', { lines: duplicate.inFile.map((other) => other.line).join(', ') })}`}
      </p>
      <label class="visually-hidden" for={`import-choice-${duplicate.line}`}>
        {t('imports.choice', { line: duplicate.line })}
      </label>
      <select id={`import-choice-${duplicate.line}`} data-testid={`import-choice-${duplicate.line}`} value={value} onChange={(event) => choose(event.currentTarget.value)}>
        <option value="NEW">{t('imports.asNew')}</option>
        {duplicate.inRegistry.map((person) => (
          <option key={person.personId} value={`LINK:${person.personId}`}>
            {t('imports.sameAs', {
              name: isolate(person.chosenName),
              sex: t(enumKey('sex', person.sex)),
              age: person.age == null ? '?' : person.age,
              percent: Math.round(person.probability * 100),
            })}
          </option>
        ))}
        <option value="SKIP">{t('imports.skip')}</option>
      </select>
    </li>
  );
}
