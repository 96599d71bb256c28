// A signed consultation's answers, read-only, labelled in the UI language.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { codingApi, label, type Medicine } from '../coding';
import { formatDate } from '../format';
import type { Translate } from '../i18n';
import type { Language } from '../i18n';
import { doseInWords, medicineTitle } from './prescriptionText';
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
        .map((line) => `${line.medicine} ${doseInWords(line, undefined, t, language)}`)
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

/** The medicines prescribed, fetched once each from the formulary. */
function usePrescribedMedicines(form: FormDefinition, answers: Answers): Record<string, Medicine> {
  const [medicines, setMedicines] = useState<Record<string, Medicine>>({});
  const codes = form.sections
    .flatMap((section) => section.fields)
    .filter((field) => field.type === 'medication')
    .flatMap((field) => (Array.isArray(answers[field.code]) ? (answers[field.code] as PrescriptionLine[]) : []))
    .map((line) => line.medicine);
  const key = [...new Set(codes)].join(',');
  useEffect(() => {
    let live = true;
    Promise.all([...new Set(codes)].map((code) => codingApi.medicine(code).catch(() => null))).then((found) => {
      if (!live) return;
      const next: Record<string, Medicine> = {};
      found.forEach((medicine) => {
        if (medicine) next[medicine.code] = medicine;
      });
      setMedicines(next);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return medicines;
}

/** A prescription, one readable line per medicine. */
function Prescription({ lines, medicines }: { lines: PrescriptionLine[]; medicines: Record<string, Medicine> }) {
  const { t, language } = useApp();
  return (
    <ul class="prescription-lines">
      {lines.map((line, index) => (
        <li key={index} data-testid="prescription-line">
          <strong>{medicineTitle(line.medicine, medicines[line.medicine], language)}</strong>
          {' — '}
          {doseInWords(line, medicines[line.medicine], t, language)}
          {line.instructions && <span dir="auto"> · {line.instructions}</span>}
        </li>
      ))}
    </ul>
  );
}

export function AnswersView({ form, answers }: { form: FormDefinition; answers: Answers }) {
  const { t, language } = useApp();
  const titles = useDiagnosisTitles(form, answers);
  const medicines = usePrescribedMedicines(form, answers);
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
                    {field.type === 'medication' ? (
                      <Prescription lines={answers[field.code] as PrescriptionLine[]} medicines={medicines} />
                    ) : field.type === 'diagnosis'
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
