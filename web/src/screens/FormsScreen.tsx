// Where coordinators write forms: every form with its versions, a definition edited as JSON with
// a live preview, checked by the server, saved as a draft and published without a code change.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import { FormError } from '../components/FormError';
import { LoadFailed, Loading } from '../components/Loading';
import { formatDateTime, today } from '../format';
import { FieldBuilder, withField } from '../forms/FieldBuilder';
import { FormFields } from '../forms/FormFields';
import { formsApi } from '../forms/formsApi';
import { appliesTo, inLanguage, type Answers, type FormDefinition, type FormVersion } from '../forms/model';
import { localProblem, toProblem } from '../problems';
import type { Problem } from '../types';

/** The skeleton a new form starts from: one section, one field, every text in three languages. */
export const NEW_FORM = {
  code: 'new-form',
  title: { fr: 'Nouveau formulaire', en: 'New form', ar: 'استمارة جديدة' },
  discipline: 'MEDICAL',
  compartment: 'GENERAL',
  subject: 'PERSON',
  usedBy: ['MEDICAL', 'NURSING'],
  sections: [
    {
      code: 'main',
      title: { fr: 'Questions', en: 'Questions', ar: 'الأسئلة' },
      fields: [
        {
          code: 'note',
          type: 'text',
          multiline: true,
          label: { fr: 'Note', en: 'Note', ar: 'ملاحظة' },
        },
      ],
    },
  ],
};

/** The codes of the sections of the definition being written, when it reads as JSON. */
function sectionCodes(text: string): string[] {
  try {
    const definition = JSON.parse(text) as { sections?: Array<{ code?: unknown }> };
    return (definition.sections ?? []).map((section) => String(section.code ?? ''));
  } catch {
    return [];
  }
}

export function FormsScreen() {
  const { t, language } = useApp();
  const [catalogue, setCatalogue] = useState<FormVersion[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<FormDefinition | null>(null);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  const [previewSex, setPreviewSex] = useState('FEMALE');
  const [previewAge, setPreviewAge] = useState('25');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<FormVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const previewSituation = (form: FormDefinition) => ({
    sex: form.subject === 'PERSON' ? previewSex : null,
    age: form.subject === 'PERSON' && previewAge !== '' ? Number(previewAge) : null,
    occurredOn: today(),
    now: new Date(),
  });

  const load = async () => {
    setLoadProblem(null);
    try {
      setCatalogue(await formsApi.catalogue());
    } catch (error) {
      setLoadProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, []);

  const parsed = (): unknown => {
    try {
      return JSON.parse(text ?? '');
    } catch {
      setProblem(localProblem([{ field: 'definition', code: 'form-unreadable', message: t('forms.notJson') }]));
      return null;
    }
  };

  const run = async (action: (definition: unknown) => Promise<void>) => {
    setProblem(null);
    const definition = parsed();
    if (definition === null) return;
    setBusy(true);
    try {
      await action(definition);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const edit = (definition: unknown) => {
    setText(JSON.stringify(definition, null, 2));
    setPreview(null);
    setSaved(null);
    setProblem(null);
  };

  if (loadProblem) return <LoadFailed problem={loadProblem} onRetry={load} />;
  if (!catalogue) return <Loading />;

  return (
    <>
      <section class="card">
        <h1>{t('forms.title')}</h1>
        <p class="hint">{t('forms.intro')}</p>
        <table class="table" data-testid="forms-table">
          <thead>
            <tr>
              <th>{t('forms.form')}</th>
              <th>{t('forms.version')}</th>
              <th>{t('forms.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {catalogue.map((form) => (
              <tr key={`${form.code}:${form.version}`} data-testid={`form-row-${form.code}`}>
                <td>
                  {inLanguage(form.definition.title, language)} <code>{form.code}</code>
                </td>
                <td>{form.version}</td>
                <td>
                  {t(`forms.status.${form.status}`)}
                  {form.builtIn && ` · ${t('forms.builtIn')}`}
                  {form.publishedAt && ` · ${formatDateTime(form.publishedAt, language)}`}
                </td>
                <td>
                  <button type="button" class="link-button" data-testid={`edit-form-${form.code}`} onClick={() => edit(form.definition)}>
                    {form.status === 'DRAFT' ? t('forms.editDraft') : t('forms.newVersion')}
                  </button>
                  {form.status === 'DRAFT' && (
                    <button
                      type="button"
                      class="link-button"
                      data-testid={`publish-form-${form.code}`}
                      onClick={async () => {
                        try {
                          await formsApi.publish(form.code, form.version);
                          await load();
                        } catch (error) {
                          setProblem(toProblem(error, t));
                        }
                      }}
                    >
                      {t('forms.publish')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="button secondary" data-testid="new-form" onClick={() => edit(NEW_FORM)}>
          {t('forms.new')}
        </button>
      </section>

      {text !== null && (
        <section class="card">
          <h2>{t('forms.definition')}</h2>
          <p class="hint">{t('forms.definitionHint')}</p>
          <FormError problem={problem} />
          <textarea
            class="code-editor"
            dir="ltr"
            spellcheck={false}
            rows={24}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            data-testid="form-definition"
            aria-label={t('forms.definition')}
          />
          <FieldBuilder
            sections={sectionCodes(text)}
            onAdd={(built) => {
              const definition = parsed();
              if (definition !== null) {
                setText(JSON.stringify(withField(definition as never, built), null, 2));
              }
            }}
          />
          <div class="actions">
            <button
              type="button"
              class="button secondary"
              disabled={busy}
              data-testid="check-form"
              onClick={() =>
                run(async (definition) => {
                  setPreview(await formsApi.check(definition));
                  setPreviewAnswers({});
                })
              }
            >
              {t('forms.check')}
            </button>
            <button
              type="button"
              class="button primary"
              disabled={busy}
              data-testid="save-form"
              onClick={() =>
                run(async (definition) => {
                  const draft = await formsApi.saveDraft(definition);
                  setSaved(draft);
                  await load();
                })
              }
            >
              {t('forms.saveDraft')}
            </button>
          </div>
          {saved && (
            <p class="success" role="status" data-testid="form-saved">
              {t('forms.saved', { code: saved.code, version: String(saved.version) })}
            </p>
          )}
        </section>
      )}

      {preview && (
        <section class="card" data-testid="form-preview">
          <h2>{t('forms.preview', { form: inLanguage(preview.title, language) })}</h2>
          {preview.subject === 'PERSON' && (
            <div class="field-row">
              <div class="field">
                <label for="preview-sex">{t('person.sex')}</label>
                <select id="preview-sex" value={previewSex} onChange={(event) => setPreviewSex(event.currentTarget.value)}>
                  {['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'].map((sex) => (
                    <option key={sex} value={sex}>
                      {t(enumKey('sex', sex))}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="preview-age">{t('forms.previewAge')}</label>
                <input id="preview-age" type="number" min="0" max="120" value={previewAge} onInput={(event) => setPreviewAge(event.currentTarget.value)} />
              </div>
            </div>
          )}
          {preview.subject === 'PERSON' && !appliesTo(preview, previewSituation(preview)) && (
            <p class="hint" data-testid="preview-not-for-person">
              {t('forms.notForPerson')}
            </p>
          )}
          <FormFields
            form={preview}
            answers={previewAnswers}
            onChange={setPreviewAnswers}
            situation={previewSituation(preview)}
            problem={null}
          />
        </section>
      )}
    </>
  );
}
