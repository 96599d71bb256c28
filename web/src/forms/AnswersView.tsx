// A signed consultation's answers, read-only, labelled in the UI language.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { codingApi, label } from '../coding';
import { formatDate } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../i18n';
import { inLanguage, isAnswered, type Answer, type Answers, type Field, type FormDefinition, type PrescriptionLine } from './model';

export function describeAnswer(field: Field, value: Answer, t: Translate, language: Language): string {
  switch (field.type) {
    case 'choice':
      return inLanguage(field.options?.find((option) => option.code === value)?.label, language) || String(value);
    case 'multiple':
      return (value as string[])
        .map((code) => inLanguage(field.options?.find((option) => option.code === code)?.label, language) || code)
        .join(', ');
    case 'yesno':
      return t(value ? 'app.yes' : 'app.no');
    case 'date':
      return formatDate(String(value), language);
    case 'datetime':
      return String(value).replace('T', ' ');
    case 'diagnosis':
      return (value as string[]).join(', ');
    case 'medication':
      return (value as PrescriptionLine[])
        .map(
          (line) =>
            `${line.medicine} ${[line.morning, line.noon, line.evening, line.night].map((dose) => dose ?? 0).join('-')}` +
            (line.days ? ` × ${t.plural('form.daysCount', line.days)}` : '') +
            (line.instructions ? ` · ${line.instructions}` : ''),
        )
        .join(' ; ');
    default:
      return field.unit ? `${String(value)} ${field.unit}` : String(value);
  }
}

/** The titles of the diagnoses answered, fetched once each from the catalogue. */
function useDiagnosisTitles(form: FormDefinition, answers: Answers): Record<string, string> {
  const { language } = useApp();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const codes = form.sections
    .flatMap((section) => section.fields)
    .filter((field) => field.type === 'diagnosis')
    .flatMap((field) => (Array.isArray(answers[field.code]) ? (answers[field.code] as string[]) : []));
  const key = codes.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(codes.map((code) => codingApi.diagnosis(code).catch(() => null))).then((found) => {
      if (!live) return;
      const next: Record<string, string> = {};
      found.forEach((diagnosis) => {
        if (diagnosis) next[diagnosis.code] = label(diagnosis.labels, language);
      });
      setTitles(next);
    });
    return () => {
      live = false;
    };
  }, [key, language]);
  return titles;
}

export function AnswersView({ form, answers }: { form: FormDefinition; answers: Answers }) {
  const { t, language } = useApp();
  const titles = useDiagnosisTitles(form, answers);
  return (
    <div class="answers" data-testid="answers">
      {form.sections.map((section) => {
        const answered = section.fields.filter((field) => isAnswered(answers[field.code]));
        if (answered.length === 0) return null;
        return (
          <section key={section.code} class="answers-section">
            <h3>{inLanguage(section.title, language)}</h3>
            <dl>
              {answered.map((field) => (
                <div key={field.code} class="answer" data-testid={`answer-view-${field.code}`}>
                  <dt>{inLanguage(field.label, language)}</dt>
                  <dd dir="auto">
                    {field.type === 'diagnosis'
                      ? (answers[field.code] as string[])
                          .map((code) => (titles[code] ? `${code} ${titles[code]}` : code))
                          .join(', ')
                      : describeAnswer(field, answers[field.code] as Answer, t, language)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
