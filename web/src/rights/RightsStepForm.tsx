import { useState } from 'preact/hooks';
import { TextField } from '../admin/TextField';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatDate, today } from '../format';
import { enumKey } from '../i18n';
import { uuidv7 } from '../ids';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { rightsApi } from './rightsApi';
import { defaultValidUntil, DOCUMENTS, DOMAINS, KINDS, stepBody, takesAges, type StepForm } from './rightsModel';

const EMPTY: StepForm = {
  kind: '',
  occurredOn: '',
  validUntil: '',
  declaredAge: '',
  assessedAge: '',
  documents: [],
  helpedBy: '',
  note: '',
};

/** A new step of the rights file: what happened, on which day, the documents gathered and who helps. */
export function RightsStepForm({ personId, onRecorded }: { personId: string; onRecorded: () => void }) {
  const { t, language } = useApp();
  const [form, setForm] = useState<StepForm>({ ...EMPTY, occurredOn: today() });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<StepForm>) => setForm((current) => ({ ...current, ...change }));
  const toggle = (document: string) =>
    set({ documents: form.documents.includes(document) ? form.documents.filter((one) => one !== document) : [...form.documents, document] });
  const suggested = defaultValidUntil(form.kind, form.occurredOn);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      await rightsApi.record(personId, stepBody(uuidv7(), form));
      setForm({ ...EMPTY, occurredOn: today() });
      onRecorded();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="rights-form" onSubmit={submit} data-testid="rights-form">
      <h3>{t('rights.newStep')}</h3>
      <FormError problem={problem} placed={['occurredOn', 'validUntil', 'declaredAge', 'assessedAge', 'helpedBy']} />
      <div class="field">
        <label for="rights-kind">{t('rights.step')}</label>
        <select id="rights-kind" value={form.kind} onChange={(event) => set({ kind: event.currentTarget.value })} data-testid="rights-kind">
          <option value="">{t('app.choose')}</option>
          {DOMAINS.map((domain) => (
            <optgroup key={domain} label={t(enumKey('rights.domain', domain))}>
              {KINDS[domain].map((kind) => (
                <option key={kind} value={kind}>
                  {t(enumKey('rights.kind', kind))}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="field-row">
        <TextField id="rights-date" type="date" label={t('rights.date')} value={form.occurredOn} onInput={(value) => set({ occurredOn: value })} problem={problem} path="occurredOn" />
        <TextField
          id="rights-valid-until"
          type="date"
          label={t('rights.validUntil')}
          hint={suggested ? t('rights.validUntilHint', { date: formatDate(suggested, language) }) : undefined}
          value={form.validUntil}
          onInput={(value) => set({ validUntil: value })}
          problem={problem}
          path="validUntil"
        />
      </div>
      {takesAges(form.kind) && (
        <div class="field-row">
          <TextField id="rights-declared-age" type="number" label={t('rights.declaredAge')} value={form.declaredAge} onInput={(value) => set({ declaredAge: value })} problem={problem} path="declaredAge" />
          <TextField id="rights-assessed-age" type="number" label={t('rights.assessedAge')} value={form.assessedAge} onInput={(value) => set({ assessedAge: value })} problem={problem} path="assessedAge" />
        </div>
      )}
      <fieldset class="field">
        <legend>{t('rights.documents')}</legend>
        {DOCUMENTS.map((document) => (
          <label key={document} class="checkbox">
            <input type="checkbox" checked={form.documents.includes(document)} onChange={() => toggle(document)} /> {t(enumKey('rights.document', document))}
          </label>
        ))}
      </fieldset>
      <TextField id="rights-helped-by" label={t('rights.helpedBy')} value={form.helpedBy} onInput={(value) => set({ helpedBy: value })} problem={problem} path="helpedBy" />
      <div class="field">
        <label for="rights-note">{t('rights.note')}</label>
        <textarea id="rights-note" value={form.note} onInput={(event) => set({ note: event.currentTarget.value })} />
      </div>
      <button type="submit" class="button primary" disabled={busy || !form.kind} data-testid="rights-save">
        {t('rights.record')}
      </button>
    </form>
  );
}
