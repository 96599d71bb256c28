import { useState } from 'preact/hooks';
import { api, ApiError, NETWORK_FAILURE } from '../api';
import { useApp } from '../appContext';
import { CardScanner } from '../components/CardScanner';
import { errorId, FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { PersonSummaryCard } from '../components/PersonSummaryCard';
import { SearchSuggestions, TextWithCode } from '../components/SearchSuggestions';
import { searchOnDevice, useDevice } from '../offline/deviceSession';
import { lastSearch, rememberRegistrationName, rememberSearch } from '../memory';
import { formatPatientCode, isPatientCode, looksLikePatientCode, parsePatientCode } from '../patientCode';
import { localProblem, toProblem } from '../problems';
import { navigate } from '../router';
import { SEXES, type PersonSearch, type PersonSummary, type Problem, type Sex } from '../types';

/** Search first, then register: one box for a name or a patient code. */
export function SearchScreen() {
  const { t } = useApp();
  const device = useDevice();
  const previous = lastSearch();
  const [query, setQuery] = useState(previous?.search.query ?? '');
  const [sex, setSex] = useState<Sex | ''>(previous?.search.sex ?? '');
  const [birthYear, setBirthYear] = useState(previous?.search.birthYear ? String(previous.search.birthYear) : '');
  const [age, setAge] = useState(previous?.search.age !== undefined ? String(previous.search.age) : '');
  const [results, setResults] = useState<PersonSummary[] | null>(previous?.results ?? null);
  const [searched, setSearched] = useState<PersonSearch | null>(previous?.search ?? null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const [scanning, setScanning] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    runSearch(query);
  };

  /** A card's QR code read by the camera: its code goes in the box and is looked up at once. */
  const scanned = (code: string) => {
    setScanning(false);
    const typed = formatPatientCode(code);
    setQuery(typed);
    runSearch(typed);
  };

  const runSearch = async (text: string) => {
    const search: PersonSearch = { query: text.trim(), limit: 50 };
    if (sex) search.sex = sex;
    if (/^\d{4}$/.test(birthYear.trim())) search.birthYear = Number(birthYear.trim());
    if (/^\d{1,3}$/.test(age.trim())) search.age = Number(age.trim());
    if (looksLikePatientCode(search.query) && !isPatientCode(search.query)) {
      setProblem(localProblem([{ field: 'query', code: 'patient-code-invalid', message: t('search.codeInvalid') }]));
      return;
    }
    if (search.birthYear !== undefined && search.age !== undefined) {
      setProblem(
        localProblem([{ field: 'age', code: 'search-age-and-birth-year', message: t('search.ageAndBirthYear') }]),
      );
      return;
    }
    await execute(search);
  };

  const execute = async (search: PersonSearch) => {
    setBusy(true);
    setProblem(null);
    try {
      const found = await api.searchPeople(search);
      setResults(found);
      setSearched(search);
      rememberSearch(search, found);
    } catch (error) {
      // no network: the device's own copy answers, on the offline screens
      if (device && error instanceof ApiError && error.status === NETWORK_FAILURE) searchOnDevice(device, search.query);
      else setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  /** A suggestion taken after no one was found: the form shows the wider search, which runs. */
  const searchAgain = (search: PersonSearch) => {
    setQuery(search.query);
    setSex(search.sex ?? '');
    setBirthYear(search.birthYear !== undefined ? String(search.birthYear) : '');
    setAge(search.age !== undefined ? String(search.age) : '');
    void execute(search);
  };

  const registerNew = () => {
    const typed = (searched?.query ?? query).trim();
    rememberRegistrationName(typed && !isPatientCode(typed) ? typed : '');
    navigate('/new-person');
  };

  return (
    <section class="card">
      <h1>{t('search.title')}</h1>
      <form class="search-form" onSubmit={submit} noValidate role="search">
        <FormError problem={problem} placed={['query', 'birthYear', 'age']} />
        <div class="field">
          <label for="search-query">{t('search.query')}</label>
          <input
            id="search-query"
            type="search"
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            aria-describedby={`search-query-hint ${errorId('query')}`}
            data-testid="search-input"
          />
          <p class="hint" id="search-query-hint">
            <TextWithCode text={t('search.queryHint')} />
          </p>
          <FieldErrors problem={problem} path="query" id={errorId('query')} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="search-sex">
              {t('search.sex')} <span class="optional">({t('app.optional')})</span>
            </label>
            <select
              id="search-sex"
              value={sex}
              onChange={(event) => setSex(event.currentTarget.value as Sex | '')}
              data-testid="search-sex"
            >
              <option value="">{t('search.anySex')}</option>
              {SEXES.map((value) => (
                <option key={value} value={value}>
                  {t(`sex.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="search-birth-year">
              {t('search.birthYear')} <span class="optional">({t('app.optional')})</span>
            </label>
            <input
              id="search-birth-year"
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              value={birthYear}
              onInput={(event) => setBirthYear(event.currentTarget.value)}
              aria-describedby={`search-birth-hint ${errorId('birthYear')}`}
              data-testid="search-birth-year"
            />
            <FieldErrors problem={problem} path="birthYear" id={errorId('birthYear')} />
          </div>
          <div class="field">
            <label for="search-age">
              {t('search.age')} <span class="optional">({t('app.optional')})</span>
            </label>
            <input
              id="search-age"
              type="number"
              inputMode="numeric"
              min={0}
              max={120}
              value={age}
              onInput={(event) => setAge(event.currentTarget.value)}
              aria-describedby={`search-birth-hint ${errorId('age')}`}
              data-testid="search-age"
            />
            <FieldErrors problem={problem} path="age" id={errorId('age')} />
          </div>
        </div>
        <p class="hint" id="search-birth-hint">
          {t('search.birthOrAge')}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy} data-testid="search-submit">
            {busy ? t('search.searching') : t('search.submit')}
          </button>
          <button
            type="button"
            class="button secondary"
            onClick={() => setScanning(!scanning)}
            aria-expanded={scanning}
            data-testid="search-scan"
          >
            {t('scan.open')}
          </button>
        </div>
      </form>
      {scanning && <CardScanner onCode={scanned} onClose={() => setScanning(false)} />}

      {results && (
        <section class="results" aria-live="polite">
          {results.length === 0 ? (
            <>
              <p class="empty" data-testid="search-empty">
                {searched && isPatientCode(searched.query)
                  ? t('search.codeUnknown', { code: formatPatientCode(parsePatientCode(searched.query) ?? searched.query) })
                  : t('search.empty')}
              </p>
              {searched && !isPatientCode(searched.query) && (
                <SearchSuggestions searched={searched} onSearch={searchAgain} />
              )}
            </>
          ) : (
            <>
              <p class="result-count">{t.plural('search.results', results.length)}</p>
              {results.length >= (searched?.limit ?? 50) && (
                <p class="hint" data-testid="search-many">
                  {t('search.many')}
                </p>
              )}
              <ul class="result-list">
                {results.map((person) => (
                  <PersonSummaryCard key={person.id} person={person} />
                ))}
              </ul>
              {results.some((person) => person.match) && <p class="hint">{t('search.scoreHint')}</p>}
              <p class="hint">{t('search.notHere')}</p>
            </>
          )}
          <button type="button" class="button secondary" onClick={registerNew} data-testid="register-new">
            {t('search.registerNew')}
          </button>
        </section>
      )}
      {!results && <p class="hint">{t('search.registerHint')}</p>}
    </section>
  );
}
