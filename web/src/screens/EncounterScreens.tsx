// Consultations recorded with forms: choosing a form, answering it, saving a draft, signing,
// reading a signed consultation with its revisions, and amending it with a reason.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { hasRole, useApp } from '../appContext';
import { errorId, FieldErrors } from '../components/FieldErrors';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDate, formatDateTime, isolate, today } from '../format';
import { AnswersView } from '../forms/AnswersView';
import { answerPaths, FormAlerts, FormFields } from '../forms/FormFields';
import { formsApi, type Encounter, type EncounterSummary, type Revision } from '../forms/formsApi';
import { DosageSheetButton } from '../forms/DosageSheetButton';
import { DispensePanel } from '../stock/DispensePanel';
import { DispenseOnSigning, SignedDispensings } from '../stock/SignedDispensings';
import { dispensableLines } from '../stock/dispensableLines';
import {
  formsFor,
  inLanguage,
  missingRequired,
  personSituation,
  submission,
  type Answers,
  type FormVersion,
  type Situation,
} from '../forms/model';
import { uuidv7 } from '../ids';
import { localProblem, toProblem } from '../problems';
import { ReferFromConsultation } from '../referrals/ReferFromConsultation';
import { navigate } from '../router';
import type { Person, Problem } from '../types';

function situationOf(person: Person | null, occurredOn: string): Situation {
  return person ? personSituation(person, occurredOn) : { occurredOn, now: new Date() };
}

/** Chooses a form, then records a consultation for a person, or a group session when there is none. */
export function NewEncounterScreen({ personId }: { personId?: string }) {
  const { t, language, session } = useApp();
  const [person, setPerson] = useState<Person | null>(null);
  const [forms, setForms] = useState<FormVersion[] | null>(null);
  const [form, setForm] = useState<FormVersion | null>(null);
  const [recent, setRecent] = useState<EncounterSummary[]>([]);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);

  const load = async () => {
    setLoadProblem(null);
    try {
      const [usable, loadedPerson, sessions] = await Promise.all([
        formsApi.usable(),
        personId ? api.person(personId) : Promise.resolve(null),
        personId ? Promise.resolve([]) : formsApi.groupSessions(),
      ]);
      setForms(formsFor(usable, loadedPerson, today()));
      setPerson(loadedPerson);
      setRecent(sessions);
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [personId]);

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!forms || (personId && !person)) return <Loading />;

  const heading = person
    ? t('consultation.title', { name: isolate(person.chosenName) })
    : t('group.title');

  if (!form) {
    return (
      <section class="card">
        <h1>{heading}</h1>
        <p class="hint">
          {session?.currentSite ? t('consultation.site', { site: session.currentSite.name }) : t('consultation.noSite')}
        </p>
        <h2>{t('form.choose')}</h2>
        {forms.length === 0 && <p class="empty">{t('form.noneUsable')}</p>}
        <ul class="form-choices">
          {forms.map((candidate) => (
            <li key={candidate.code}>
              <button
                type="button"
                class="button secondary form-choice"
                data-testid={`choose-form-${candidate.code}`}
                onClick={() => setForm(candidate)}
              >
                <strong>{inLanguage(candidate.definition.title, language)}</strong>
                <span class={`discipline-badge discipline-${candidate.definition.discipline.toLowerCase()}`}>
                  {t(`discipline.${candidate.definition.discipline}`)}
                </span>
                {candidate.definition.compartment !== 'GENERAL' && (
                  <span class="compartment-badge">{t(`compartment.${candidate.definition.compartment}`)}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
        {personId && (
          <p>
            <button
              type="button"
              class="link-button"
              data-testid="quick-note"
              onClick={() => navigate(`/people/${personId}/consultations/new`)}
            >
              {t('form.quickNote')}
            </button>
          </p>
        )}
        {!personId && recent.length > 0 && (
          <>
            <h2>{t('group.recent')}</h2>
            <ul class="plain-list" data-testid="group-sessions">
              {recent.map((entry) => (
                <li key={entry.id}>
                  <a href={`/encounters/${entry.id}`} onClick={(event) => { event.preventDefault(); navigate(`/encounters/${entry.id}`); }}>
                    {formatDate(entry.occurredOn, language)} · {entry.formCode} ·{' '}
                    {t.plural('group.attendees', entry.attendees ?? 0)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }

  return (
    <section class="card">
      <h1>{heading}</h1>
      <p class="form-title" data-testid="form-title">
        {inLanguage(form.definition.title, language)}
      </p>
      <EncounterEditor
        form={form}
        person={person}
        initialAnswers={{}}
        initialDate={today()}
        onCancel={() => setForm(null)}
        save={async (answers, occurredOn, sign, _reason, dispenseFrom) => {
          const saved = await formsApi.start({
            id: uuidv7(),
            personId,
            formCode: form.code,
            occurredOn,
            answers,
            sign,
            dispenseFrom: sign ? dispenseFrom : undefined,
          });
          navigate(`/encounters/${saved.id}`, { replace: true });
        }}
        allowDraft
      />
    </section>
  );
}

interface EditorProps {
  form: FormVersion;
  person: Person | null;
  initialAnswers: Answers;
  initialDate: string;
  allowDraft: boolean;
  /** Asks why, for an amendment. */
  askReason?: boolean;
  /** {@code dispenseFrom}: the stock place a signature dispenses the prescription from, if any. */
  save: (answers: Answers, occurredOn: string, sign: boolean, reason: string, dispenseFrom?: string) => Promise<void>;
  onCancel: () => void;
}

function EncounterEditor({ form, person, initialAnswers, initialDate, allowDraft, askReason, save, onCancel }: EditorProps) {
  const { t, session } = useApp();
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [occurredOn, setOccurredOn] = useState(initialDate);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const situation = situationOf(person, occurredOn);
  const [dispenseFrom, setDispenseFrom] = useState('');
  // a clinician's first signature hands the prescription out from a place of the site, in the same request
  const dispenses = !askReason && hasRole(session, 'CLINICIAN') && dispensableLines(form.definition, answers).length > 0;

  const submit = async (sign: boolean) => {
    setProblem(null);
    const sent = submission(form.definition, answers, situation);
    if (sign) {
      const missing = missingRequired(form.definition, answers, situation).map((code) => ({
        field: `answers.${code}`,
        code: 'field-required',
        message: t('form.required'),
      }));
      const reasonMissing = askReason && !reason.trim() ? [{ field: 'reason', code: 'required', message: t('form.reasonRequired') }] : [];
      if (missing.length + reasonMissing.length > 0) {
        setProblem({ ...localProblem([...missing, ...reasonMissing]), detail: t('form.cannotSign') });
        return;
      }
    }
    setBusy(true);
    try {
      await save(sent, occurredOn, sign, reason.trim(), dispenses && dispenseFrom && dispenseFrom !== 'none' ? dispenseFrom : undefined);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(true);
      }}
    >
      <FormError problem={problem} placed={[...answerPaths(form.definition), 'occurredOn', 'reason']} />
      <div class="field">
        <label for="encounter-date">{t('consultation.date')}</label>
        <input
          id="encounter-date"
          type="date"
          max={today()}
          value={occurredOn}
          onInput={(event) => setOccurredOn(event.currentTarget.value)}
          aria-describedby={errorId('occurredOn')}
          data-testid="encounter-date"
        />
        <FieldErrors problem={problem} path="occurredOn" id={errorId('occurredOn')} />
      </div>
      <FormFields form={form.definition} answers={answers} onChange={setAnswers} situation={situation} problem={problem} />
      {dispenses && <DispenseOnSigning value={dispenseFrom} onChange={setDispenseFrom} />}
      {askReason && (
        <div class="field">
          <label for="amendment-reason">{t('form.reason')}</label>
          <input
            id="amendment-reason"
            dir="auto"
            maxLength={500}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
            data-testid="amendment-reason"
          />
          <FieldErrors problem={problem} path="reason" />
        </div>
      )}
      <div class="actions">
        <button type="button" class="button secondary" onClick={onCancel} disabled={busy}>
          {t('app.cancel')}
        </button>
        {allowDraft && (
          <button type="button" class="button secondary" onClick={() => submit(false)} disabled={busy} data-testid="save-draft">
            {t('form.saveDraft')}
          </button>
        )}
        <button type="submit" class="button primary" disabled={busy} data-testid="sign">
          {askReason ? t('form.signAmendment') : t('form.sign')}
        </button>
      </div>
    </form>
  );
}

/** A consultation: a draft to finish, or a signed one to read, with its revisions, and to amend. */
export function EncounterScreen({ encounterId }: { encounterId: string }) {
  const { t, language, session } = useApp();
  const [encounter, setEncounter] = useState<Encounter | null>(null);
  const [form, setForm] = useState<FormVersion | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [amending, setAmending] = useState(false);
  const [shownRevision, setShownRevision] = useState<Revision | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);

  const load = async () => {
    setLoadProblem(null);
    try {
      const loaded = await formsApi.get(encounterId);
      const [loadedForm, loadedPerson] = await Promise.all([
        formsApi.version(loaded.formCode, loaded.formVersion),
        loaded.personId ? api.person(loaded.personId) : Promise.resolve(null),
      ]);
      setEncounter(loaded);
      setForm(loadedForm);
      setPerson(loadedPerson);
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [encounterId]);

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!encounter || !form) return <Loading />;
  const title = inLanguage(form.definition.title, language);
  const back = () => navigate(encounter.personId ? `/people/${encounter.personId}` : '/group-sessions/new');

  if (encounter.status === 'DRAFT' && encounter.allowedActions.includes('CHANGE')) {
    return (
      <section class="card">
        <h1>{title}</h1>
        <p class="badge" data-testid="encounter-status">
          {t('form.draft')}
        </p>
        {person && <p>{isolate(person.chosenName)}</p>}
        <EncounterEditor
          form={form}
          person={person}
          initialAnswers={encounter.answers}
          initialDate={encounter.occurredOn}
          allowDraft
          onCancel={back}
          save={async (answers, occurredOn, sign, _reason, dispenseFrom) => {
            const saved = await formsApi.changeDraft(encounter.id, {
              version: encounter.version,
              occurredOn,
              answers,
              sign,
              dispenseFrom: sign ? dispenseFrom : undefined,
            });
            setEncounter(saved);
          }}
        />
        <button
          type="button"
          class="link-button danger"
          data-testid="discard-draft"
          onClick={async () => {
            if (confirm(t('form.discardConfirm'))) {
              await formsApi.discard(encounter.id);
              back();
            }
          }}
        >
          {t('form.discard')}
        </button>
      </section>
    );
  }

  if (amending) {
    return (
      <section class="card">
        <h1>{t('form.amendTitle', { form: title })}</h1>
        <EncounterEditor
          form={form}
          person={person}
          initialAnswers={encounter.answers}
          initialDate={encounter.occurredOn}
          allowDraft={false}
          askReason
          onCancel={() => setAmending(false)}
          save={async (answers, occurredOn, _sign, reason) => {
            const saved = await formsApi.amend(encounter.id, { version: encounter.version, occurredOn, answers, reason });
            setEncounter(saved);
            setAmending(false);
          }}
        />
      </section>
    );
  }

  const situation = situationOf(person, encounter.occurredOn);
  return (
    <section class="card">
      <h1>{title}</h1>
      <p class="hint" data-testid="encounter-status">
        {encounter.status === 'DRAFT'
          ? t('form.draft')
          : t('form.signedBy', {
              date: formatDate(encounter.occurredOn, language),
              name: isolate(encounter.providerName),
            })}
        {encounter.revision > 1 && ` · ${t('form.revision', { revision: String(encounter.revision) })}`}
      </p>
      {person && (
        <p>
          <a href={`/people/${person.id}`} onClick={(event) => { event.preventDefault(); navigate(`/people/${person.id}`); }}>
            {isolate(person.chosenName)}
          </a>
        </p>
      )}
      {encounter.attendees != null && <p>{t.plural('group.attendees', encounter.attendees)}</p>}
      <FormAlerts form={form.definition} answers={encounter.answers} situation={situation} />
      <AnswersView form={form.definition} answers={encounter.answers} />
      {encounter.allowedActions.includes('PRINT_PRESCRIPTION') && (
        <DosageSheetButton encounterId={encounter.id} person={person} />
      )}
      {encounter.status === 'SIGNED' && hasRole(session, 'CLINICIAN') && <SignedDispensings encounterId={encounter.id} />}
      {encounter.allowedActions.includes('PRINT_PRESCRIPTION') && hasRole(session, 'CLINICIAN') && (
        <DispensePanel encounterId={encounter.id} lines={dispensableLines(form.definition, encounter.answers)} />
      )}
      {person && encounter.status === 'SIGNED' && <ReferFromConsultation personId={person.id} encounterId={encounter.id} form={form.definition} answers={encounter.answers} />}
      <div class="actions">
        <button type="button" class="button secondary" onClick={back}>
          {t('form.back')}
        </button>
        {encounter.allowedActions.includes('AMEND') && (
          <button type="button" class="button primary" data-testid="amend" onClick={() => setAmending(true)}>
            {t('form.amend')}
          </button>
        )}
      </div>
      {!encounter.allowedActions.includes('AMEND') && (
        <p class="hint" data-testid="read-only">
          {t('form.readOnly')}
        </p>
      )}
      {encounter.revisions.length > 1 && (
        <section class="revisions">
          <h2>{t('form.revisions')}</h2>
          <ol data-testid="revisions">
            {encounter.revisions.map((revision) => (
              <li key={revision.revision}>
                <button
                  type="button"
                  class="link-button"
                  data-testid={`revision-${revision.revision}`}
                  onClick={async () => setShownRevision(await formsApi.revision(encounter.id, revision.revision))}
                >
                  {t('form.revisionLine', {
                    revision: String(revision.revision),
                    date: formatDateTime(revision.signedAt, language),
                    name: isolate(revision.signedBy),
                  })}
                </button>
                {revision.reason && <span dir="auto"> — {revision.reason}</span>}
              </li>
            ))}
          </ol>
          {shownRevision && (
            <div class="revision-shown" data-testid="revision-shown">
              <h3>{t('form.revision', { revision: String(shownRevision.revision) })}</h3>
              <AnswersView form={form.definition} answers={shownRevision.answers} />
            </div>
          )}
        </section>
      )}
    </section>
  );
}
