import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { codingApi, label, type Diagnosis, type DiagnosisChapter } from '../coding';
import { LoadFailed, Loading } from '../components/Loading';
import { toProblem } from '../problems';
import type { Problem } from '../types';

/**
 * The ICD-10 catalogue: browse it by chapter or search it in any language, and star the
 * diagnoses the site codes most, so that they come first when a consultation is coded.
 */
export function DiagnosesScreen({ delay = 250 }: { delay?: number }) {
  const { t, language } = useApp();
  const [chapters, setChapters] = useState<DiagnosisChapter[] | null>(null);
  const [favourites, setFavourites] = useState<Diagnosis[]>([]);
  const [chapter, setChapter] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Diagnosis[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState<string | null>(null);

  const loadCatalogue = async () => {
    setProblem(null);
    try {
      const [loadedChapters, loadedFavourites] = await Promise.all([codingApi.chapters(), codingApi.favourites()]);
      setChapters(loadedChapters);
      setFavourites(loadedFavourites);
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    loadCatalogue();
  }, []);

  useEffect(() => {
    if (!query.trim() && !chapter) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const found = await codingApi.searchDiagnoses(query.trim(), { limit: 200, chapter: chapter ?? undefined });
        if (current) setResults(found);
      } catch (error) {
        if (current) setProblem(toProblem(error, t));
      }
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, chapter]);

  const starred = new Set(favourites.map((favourite) => favourite.code));

  const toggle = async (diagnosis: Diagnosis) => {
    setSaving(diagnosis.code);
    setProblem(null);
    try {
      const next = starred.has(diagnosis.code)
        ? await codingApi.removeFavourite(diagnosis.code)
        : await codingApi.addFavourite(diagnosis.code);
      setFavourites(next);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setSaving(null);
    }
  };

  const row = (diagnosis: Diagnosis, testId: string) => {
    const isFavourite = starred.has(diagnosis.code);
    return (
      <li key={diagnosis.code} class="diagnosis-row" data-testid={testId}>
        <button
          type="button"
          class={`star-button${isFavourite ? ' starred' : ''}`}
          aria-pressed={isFavourite}
          aria-label={t(isFavourite ? 'coding.unstar' : 'coding.star', { code: diagnosis.code })}
          disabled={saving === diagnosis.code}
          data-testid="diagnosis-star"
          onClick={() => toggle(diagnosis)}
        >
          {isFavourite ? '★' : '☆'}
        </button>
        <span class="code" dir="ltr">
          {diagnosis.code}
        </span>
        <span class="diagnosis-title">{label(diagnosis.labels, language)}</span>
      </li>
    );
  };

  if (!chapters) {
    return (
      <section class="card">
        <h1>{t('coding.title')}</h1>
        {problem ? <LoadFailed problem={problem} onRetry={loadCatalogue} /> : <Loading />}
      </section>
    );
  }

  return (
    <section class="card diagnoses-screen">
      <h1>{t('coding.title')}</h1>
      <p class="muted">{t('coding.intro')}</p>
      {problem && (
        <p class="form-error" role="alert" data-testid="form-error">
          {problem.detail ?? t('app.unexpectedError')}
        </p>
      )}
      <h2>{t('coding.favourites')}</h2>
      {favourites.length === 0 ? (
        <p class="empty" data-testid="favourites-empty">
          {t('coding.noFavourites')}
        </p>
      ) : (
        <ul class="diagnosis-list" data-testid="favourites">
          {favourites.map((favourite) => row(favourite, 'favourite-row'))}
        </ul>
      )}
      <h2>{t('coding.catalogue')}</h2>
      <div class="field">
        <label for="diagnoses-search">{t('coding.search')}</label>
        <input
          id="diagnoses-search"
          type="search"
          value={query}
          placeholder={t('coding.diagnosisPlaceholder')}
          data-testid="diagnoses-search"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <div class="field narrow-field">
        <label for="diagnoses-chapter">{t('coding.chapter')}</label>
        <select
          id="diagnoses-chapter"
          value={chapter ?? ''}
          data-testid="diagnoses-chapter"
          onChange={(event) => setChapter(event.currentTarget.value || null)}
        >
          <option value="">{t('coding.allChapters')}</option>
          {chapters.map((one) => (
            <option key={one.numeral} value={one.numeral}>
              {`${one.numeral} (${one.first}–${one.last}) ${label(one.title, language)}`}
            </option>
          ))}
        </select>
      </div>
      {results === null ? (
        <p class="muted">{t('coding.browseHint')}</p>
      ) : results.length === 0 ? (
        <p class="empty" data-testid="diagnoses-empty">
          {t('coding.noMatch')}
        </p>
      ) : (
        <ul class="diagnosis-list" data-testid="diagnoses-results">
          {results.map((diagnosis) => row(diagnosis, 'diagnosis-row'))}
        </ul>
      )}
    </section>
  );
}
