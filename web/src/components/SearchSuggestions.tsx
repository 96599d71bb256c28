import { useApp } from '../appContext';
import type { PersonSearch } from '../types';

interface Props {
  /** The search that found no one. */
  searched: PersonSearch;
  /** Runs the search again, narrowed less. */
  onSearch: (search: PersonSearch) => void;
}

/** The words of a query, as the server splits them (spaces, hyphens, apostrophes). */
function wordsOf(query: string): string[] {
  return query.split(/[\s\-'’]+/u).filter((word) => word.length > 0);
}

/**
 * What to try when a search by name found no one: without the year or age, without the sex, one
 * name at a time (a button for each), the card's code; each a search away.
 */
export function SearchSuggestions({ searched, onSearch }: Props) {
  const { t } = useApp();
  const words = wordsOf(searched.query);
  const hasBirth = searched.birthYear !== undefined || searched.age !== undefined;
  const withoutBirth = (): PersonSearch => {
    const wider: PersonSearch = { ...searched };
    delete wider.birthYear;
    delete wider.age;
    return wider;
  };
  const withoutSex = (): PersonSearch => {
    const wider: PersonSearch = { ...searched };
    delete wider.sex;
    return wider;
  };
  return (
    <div class="search-suggestions" data-testid="search-suggestions">
      <p>{t('search.suggestions')}</p>
      <ul>
        {hasBirth && (
          <li>
            {t('search.tryWithoutBirth')}{' '}
            <button type="button" class="button link" onClick={() => onSearch(withoutBirth())} data-testid="try-without-birth">
              {t('search.searchWithoutBirth')}
            </button>
          </li>
        )}
        {searched.sex && (
          <li>
            {t('search.tryWithoutSex')}{' '}
            <button type="button" class="button link" onClick={() => onSearch(withoutSex())} data-testid="try-without-sex">
              {t('search.searchWithoutSex')}
            </button>
          </li>
        )}
        {words.length > 1 && (
          <li>
            {t('search.tryOneName')}{' '}
            {words.map((word) => (
              <button
                key={word}
                type="button"
                class="button link"
                onClick={() => onSearch({ ...searched, query: word })}
                data-testid="try-one-name"
              >
                <bdi>{word}</bdi>
              </button>
            ))}
          </li>
        )}
        <li>{t('search.trySound')}</li>
        <li>
          <TextWithCode text={t('search.tryCard')} />
        </li>
      </ul>
    </div>
  );
}

/**
 * A text with a code in parentheses, "(XXXX-XXXX)", kept whole and left to right in any language:
 * in Arabic it must neither break across lines nor have its parentheses turned around.
 */
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split(/(\([^)]*\))/u);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <bdi key={index} dir="ltr" class="nowrap" data-testid="code-pattern">
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  );
}
