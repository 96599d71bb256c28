import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { errorId, FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { isolate, today } from '../format';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import { SPOKEN_LANGUAGES, languageName } from '../referenceLists';
import { navigate } from '../router';
import { DISCIPLINES, type Discipline, type Person, type Problem, type Role } from '../types';

const PLACED = ['discipline', 'compartment', 'occurredOn', 'diagnosis', 'note', 'language'];

/** The disciplines a user's roles practise, as the server has them (care.Discipline.practisedBy). */
export function practisedDisciplines(roles: Role[]): Discipline[] {
  const practised = new Set<Discipline>();
  if (roles.includes('CLINICIAN')) ['MEDICAL', 'NURSING'].forEach((value) => practised.add(value as Discipline));
  if (roles.includes('PSYCHOLOGIST')) practised.add('MENTAL_HEALTH');
  if (roles.includes('SOCIAL_LEGAL_WORKER')) ['SOCIAL', 'LEGAL'].forEach((value) => practised.add(value as Discipline));
  if (roles.includes('COORDINATOR')) practised.add('SOCIAL');
  return DISCIPLINES.filter((value) => practised.has(value));
}

/** The discipline a user most likely records, from their roles. */
export function defaultDiscipline(roles: Role[]): Discipline {
  if (roles.includes('PSYCHOLOGIST')) return 'MENTAL_HEALTH';
  if (roles.includes('CLINICIAN')) return 'MEDICAL';
  return practisedDisciplines(roles)[0] ?? 'MEDICAL';
}

/** Records a consultation at the session's current site. */
export function NewConsultationScreen({ personId }: { personId: string }) {
  const { session, t } = useApp();
  const [id] = useState(uuidv7);
  const [person, setPerson] = useState<Person | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [discipline, setDiscipline] = useState<Discipline>(() => defaultDiscipline(session?.user.roles ?? []));
  const [occurredOn, setOccurredOn] = useState(today);
  const [diagnosis, setDiagnosis] = useState('');
  const [note, setNote] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [sexualViolence, setSexualViolence] = useState(false);
  const [consultationLanguage, setConsultationLanguage] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setLoadProblem(null);
    try {
      setPerson(await api.person(personId));
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [personId]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.recordConsultation({
        id,
        personId,
        discipline,
        compartment: sexualViolence ? 'SGBV' : undefined,
        occurredOn: occurredOn || undefined,
        diagnosis: diagnosis.trim() || undefined,
        note: note.trim() || undefined,
        interpreter,
        language: consultationLanguage || undefined,
      });
      navigate(`/people/${personId}`);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!person) return <Loading />;

  return (
    <section class="card">
      <h1>{t('consultation.title', { name: isolate(person.chosenName) })}</h1>
      <p class="hint">
        {session?.currentSite ? t('consultation.site', { site: session.currentSite.name }) : t('consultation.noSite')}
      </p>
      <form onSubmit={save} noValidate>
        <FormError problem={problem} placed={PLACED} />
        <div class="field-row">
          <div class="field">
            <label for="consultation-discipline">{t('consultation.discipline')}</label>
            <select
              id="consultation-discipline"
              value={discipline}
              onChange={(event) => setDiscipline(event.currentTarget.value as Discipline)}
              data-testid="consultation-discipline"
            >
              {practisedDisciplines(session?.user.roles ?? []).map((value) => (
                <option key={value} value={value}>
                  {t(`discipline.${value}`)}
                </option>
              ))}
            </select>
            <FieldErrors problem={problem} path="discipline" />
          </div>
          <div class="field">
            <label for="consultation-date">{t('consultation.date')}</label>
            <input
              id="consultation-date"
              type="date"
              max={today()}
              value={occurredOn}
              onInput={(event) => setOccurredOn(event.currentTarget.value)}
              aria-describedby={errorId('occurredOn')}
              data-testid="consultation-date"
            />
            <FieldErrors problem={problem} path="occurredOn" id={errorId('occurredOn')} />
          </div>
        </div>
        <div class="field">
          <label for="consultation-diagnosis">
            {t('consultation.diagnosis')} <span class="optional">({t('app.optional')})</span>
          </label>
          <input
            id="consultation-diagnosis"
            dir="auto"
            maxLength={500}
            value={diagnosis}
            onInput={(event) => setDiagnosis(event.currentTarget.value)}
            data-testid="consultation-diagnosis"
          />
          <FieldErrors problem={problem} path="diagnosis" />
        </div>
        <div class="field">
          <label for="consultation-note">
            {t('consultation.note')} <span class="optional">({t('app.optional')})</span>
          </label>
          <textarea
            id="consultation-note"
            dir="auto"
            rows={6}
            maxLength={10000}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
            data-testid="consultation-note"
          />
          <FieldErrors problem={problem} path="note" />
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={sexualViolence}
            onChange={(event) => setSexualViolence(event.currentTarget.checked)}
            data-testid="consultation-sgbv"
          />
          <span>{t('consultation.sgbv')}</span>
        </label>
        <p class="hint">{t('consultation.sgbvHint')}</p>
        <FieldErrors problem={problem} path="compartment" />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={interpreter}
            onChange={(event) => setInterpreter(event.currentTarget.checked)}
            data-testid="consultation-interpreter"
          />
          <span>{t('consultation.interpreter')}</span>
        </label>
        <div class="field">
          <label for="consultation-language">
            {t('consultation.language')} <span class="optional">({t('app.optional')})</span>
          </label>
          <select
            id="consultation-language"
            value={consultationLanguage}
            onChange={(event) => setConsultationLanguage(event.currentTarget.value)}
            data-testid="consultation-language"
          >
            <option value="">{t('app.none')}</option>
            {SPOKEN_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, t)}
              </option>
            ))}
          </select>
          <FieldErrors problem={problem} path="language" />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy} data-testid="consultation-save">
            {t('consultation.save')}
          </button>
          <button type="button" class="button link" onClick={() => navigate(`/people/${personId}`)}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
