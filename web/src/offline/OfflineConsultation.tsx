import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { isolate, today } from '../format';
import { answerPaths, FormFields } from '../forms/FormFields';
import { formsFor, inLanguage, missingRequired, personSituation, submission, type Answers, type FormVersion } from '../forms/model';
import { localProblem } from '../problems';
import type { Problem } from '../types';
import { useDevice } from './deviceSession';
import { keptForms, newDraft, queueConsultation } from './offlineWork';
import type { LocalDraft, LocalPerson } from './store';

interface Props {
  person: LocalPerson;
  draft?: LocalDraft;
  onDone: () => void;
}

/**
 * A consultation recorded without network with the forms kept at the last sync: the draft is kept
 * on the device at each change (a reload loses nothing), then signed or sent as a draft through the outbox.
 */
export function OfflineConsultation({ person, draft: resumed, onDone }: Props) {
  const { t, language } = useApp();
  const device = useDevice();
  const [forms, setForms] = useState<FormVersion[] | null>(null);
  const [draft, setDraft] = useState<LocalDraft | null>(resumed ?? null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // one save after the other, each of the latest change (a burst of keystrokes is saved once or twice,
  // not once per key), so that the last change is the one kept
  const saving = useRef(Promise.resolve());
  const unsaved = useRef<LocalDraft | null>(null);
  const [saved, setSaved] = useState(true);
  const shape = { sex: typeof person.sex === 'string' ? person.sex : 'UNKNOWN', birthDate: person.birthDate as { date: string } | null };

  useEffect(() => {
    if (device) void keptForms(device).then((all) => setForms(formsFor(all, shape, today())));
  }, [device]);

  if (!device || !forms) return null;
  const form = draft ? forms.find((each) => each.code === draft.formCode) : undefined;

  const change = (next: LocalDraft) => {
    setDraft(next);
    setSaved(false);
    unsaved.current = next;
    saving.current = saving.current
      .then(async () => {
        const latest = unsaved.current;
        if (latest === null) return;
        unsaved.current = null;
        await device.store.saveDraft(latest);
        if (unsaved.current === null) setSaved(true);
      })
      .catch(() => {});
  };

  if (!draft || !form) {
    return (
      <section class="card" data-testid="offline-choose-form">
        <h1>{t('consultation.title', { name: isolate(person.chosenName) })}</h1>
        <h2>{t('form.choose')}</h2>
        {forms.length === 0 && <p class="empty">{t('offline.noForms')}</p>}
        <ul class="form-choices">
          {forms.map((candidate) => (
            <li key={candidate.code}>
              <button type="button" class="button secondary form-choice" data-testid={`offline-form-${candidate.code}`}
                onClick={() => change(newDraft(person.id, candidate.code))}>
                {inLanguage(candidate.definition.title, language)}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" class="button secondary" onClick={onDone}>{t('app.cancel')}</button>
      </section>
    );
  }

  const situation = personSituation(shape, draft.occurredOn);
  const answers = draft.answers as Answers;
  const finish = async (sign: boolean) => {
    const missing = sign ? missingRequired(form.definition, answers, situation) : [];
    if (missing.length > 0) {
      const errors = missing.map((code) => ({ field: `answers.${code}`, code: 'field-required', message: t('form.required') }));
      setProblem({ ...localProblem(errors), detail: t('form.cannotSign') });
      return;
    }
    await saving.current;
    await queueConsultation(device, draft, submission(form.definition, answers, situation), sign);
    onDone();
  };

  return (
    <section class="card" data-testid="offline-consultation-form">
      <h1>{t('consultation.title', { name: isolate(person.chosenName) })}</h1>
      <p class="form-title">{inLanguage(form.definition.title, language)}</p>
      <p class="hint" data-testid="offline-draft-state" data-saved={String(saved)}>{t('offline.draftKept')}</p>
      <form noValidate onSubmit={(event) => { event.preventDefault(); void finish(true); }}>
        <FormError problem={problem} placed={[...answerPaths(form.definition), 'occurredOn']} />
        <div class="field">
          <label for="offline-encounter-date">{t('consultation.date')}</label>
          <input id="offline-encounter-date" type="date" max={today()} value={draft.occurredOn} data-testid="offline-encounter-date"
            onInput={(event) => change({ ...draft, occurredOn: event.currentTarget.value })} />
        </div>
        <FormFields form={form.definition} answers={answers} situation={situation} problem={problem}
          onChange={(next) => change({ ...draft, answers: next })} />
        <div class="actions">
          <button type="button" class="button secondary" onClick={onDone}>{t('offline.keepDraft')}</button>
          <button type="button" class="button secondary" data-testid="offline-send-draft" onClick={() => void finish(false)}>
            {t('offline.sendDraft')}
          </button>
          <button type="submit" class="button primary" data-testid="offline-sign">{t('form.sign')}</button>
        </div>
      </form>
    </section>
  );
}
