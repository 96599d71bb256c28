import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { useApp } from '../appContext';
import { LoadFailed, Loading } from '../components/Loading';
import { PersonForm } from '../components/PersonForm';
import { uuidv7 } from '../ids';
import { takeRegistrationName } from '../memory';
import { formatPatientCode } from '../patientCode';
import { emptyForm, formFromPerson, toDetails, validate, type PersonFormValues } from '../personForm';
import { localProblem, toProblem } from '../problems';
import { navigate } from '../router';
import { LikelyMatches } from '../components/LikelyMatches';
import type { LikelyMatch, Person, Problem } from '../types';

/** Registration (no personId) and correction of a person's record. */
export function PersonFormScreen({ personId }: { personId?: string }) {
  const { t } = useApp();
  const editing = personId !== undefined;
  // A new person's id is made once, so sending the form again cannot register them twice.
  const [newId] = useState(uuidv7);
  const [values, setValues] = useState<PersonFormValues | null>(editing ? null : () => emptyForm(takeRegistrationName()));
  const [person, setPerson] = useState<Person | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  // Before a new registration: the likely existing persons, until the user says "someone new".
  const [likely, setLikely] = useState<LikelyMatch[] | null>(null);

  const load = async () => {
    if (!personId) return;
    setLoadProblem(null);
    try {
      const loaded = await api.person(personId);
      setPerson(loaded);
      setValues(formFromPerson(loaded));
      setProblem(null);
      setStale(false);
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [personId]);

  const save = async (someoneNew = false) => {
    if (!values) return;
    const invalid = validate(values, t);
    if (invalid.length > 0) {
      setProblem(localProblem(invalid));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const details = toDetails(values);
      if (!editing && !someoneNew) {
        const matches = await api.likelyMatches(details);
        if (matches.length > 0) {
          setLikely(matches);
          return;
        }
      }
      const saved = editing && person
        ? await api.correctPerson(person.id, details, person.version)
        : await api.registerPerson(newId, details);
      navigate(`/people/${saved.id}`);
    } catch (error) {
      // Whatever happens, the values stay in the form.
      setStale(error instanceof ApiError && error.status === 409 && error.code === 'stale-version');
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!values) return <Loading />;
  if (likely) {
    return (
      <LikelyMatches
        matches={likely}
        busy={busy}
        onSomeoneNew={() => {
          setLikely(null);
          save(true);
        }}
        onBack={() => setLikely(null)}
      />
    );
  }

  return (
    <section class="card">
      <h1>{editing ? t('person.editTitle') : t('person.newTitle')}</h1>
      {person && (
        <p class="patient-code-line">
          <span class="muted">{t('person.code')}</span>{' '}
          <span class="patient-code" dir="ltr">
            {formatPatientCode(person.patientCode)}
          </span>
        </p>
      )}
      <PersonForm
        values={values}
        onChange={setValues}
        onSubmit={() => save()}
        problem={problem}
        busy={busy}
        errorAction={
          stale && (
            <>
              <p class="hint">{t('person.reloadHint')}</p>
              <button type="button" class="button secondary" onClick={load} data-testid="reload">
                {t('person.reload')}
              </button>
            </>
          )
        }
      />
    </section>
  );
}
