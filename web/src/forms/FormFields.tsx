// Renders a form's sections and fields for answering, with the same rules as the server: fields
// shown only when their condition holds, calculated fields computed as you type, each field's
// errors under it.
import type { ComponentChildren } from 'preact';
import { useApp } from '../appContext';
import { errorId, FieldErrors } from '../components/FieldErrors';
import { formatDateTime } from '../format';
import type { Problem } from '../types';
import { CodeListInput, PrescriptionInput } from './codedInputs';
import {
  activeAlerts,
  inLanguage,
  relevant,
  withCalculations,
  type Answer,
  type Answers,
  type Field,
  type FormDefinition,
  type PrescriptionLine,
  type Situation,
} from './model';

interface Props {
  form: FormDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  situation: Situation;
  problem: Problem | null;
}

/** The paths of the errors this form shows next to its fields. */
export function answerPaths(form: FormDefinition): string[] {
  return form.sections.flatMap((section) => section.fields.map((field) => `answers.${field.code}`));
}

export function FormFields({ form, answers, onChange, situation, problem }: Props) {
  const { language } = useApp();
  const view = withCalculations(form, answers, situation);
  const set = (code: string, value: Answer | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[code];
    else next[code] = value;
    onChange(next);
  };
  return (
    <div class="form-fields" data-testid="form-fields" data-form={form.code}>
      <FormAlerts form={form} answers={view} situation={situation} />
      {form.sections.map((section) => {
        const shown = section.fields.filter((field) => relevant(section, field, view, situation));
        if (shown.length === 0) return null;
        return (
          <fieldset key={section.code} class="form-section" data-testid={`section-${section.code}`}>
            <legend>{inLanguage(section.title, language)}</legend>
            {shown.map((field) => (
              <FieldInput
                key={field.code}
                field={field}
                value={view[field.code]}
                onChange={(value) => set(field.code, value)}
                problem={problem}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

/** The form's alerts that hold now, such as the hours left for post-exposure prophylaxis. */
export function FormAlerts({ form, answers, situation }: { form: FormDefinition; answers: Answers; situation: Situation }) {
  const { t, language } = useApp();
  const alerts = activeAlerts(form, answers, situation);
  if (alerts.length === 0) return null;
  return (
    <div class="form-alerts" role="alert">
      {alerts.map(({ alert, until }) => (
        <p key={alert.code} class="form-alert" data-testid={`alert-${alert.code}`}>
          <strong>{inLanguage(alert.message, language)}</strong>
          {until && (
            <span class="form-alert-until">
              {' '}
              {t('form.alertUntil', {
                time: formatDateTime(until.toISOString(), language),
                hours: String(Math.max(0, Math.floor((until.getTime() - situation.now.getTime()) / 3_600_000))),
              })}
            </span>
          )}
        </p>
      ))}
    </div>
  );
}

interface FieldProps {
  field: Field;
  value: Answer | undefined;
  onChange: (value: Answer | undefined) => void;
  problem: Problem | null;
}

function Label({ field, id, children }: { field: Field; id: string; children?: ComponentChildren }) {
  const { t, language } = useApp();
  return (
    <>
      <label for={id} class="field-label">
        {inLanguage(field.label, language)}
        {field.unit && <span class="unit"> ({field.unit})</span>}{' '}
        {field.required ? (
          <span class="required-mark" aria-label={t('app.required')}>
            *
          </span>
        ) : null}
        {children}
      </label>
      {field.help && <p class="hint">{inLanguage(field.help, language)}</p>}
    </>
  );
}

/** A question answered by ticking: its label as legend, its help, the options, its errors. */
function ChoiceFieldset({
  field,
  describedBy,
  errors,
  children,
}: {
  field: Field;
  describedBy: string;
  errors: ComponentChildren;
  children: ComponentChildren;
}) {
  const { language } = useApp();
  return (
    <fieldset class="field choice-field" data-testid={`field-${field.code}`} aria-describedby={describedBy}>
      <legend class="field-label">
        {inLanguage(field.label, language)} {field.required && <span class="required-mark">*</span>}
      </legend>
      {field.help && <p class="hint">{inLanguage(field.help, language)}</p>}
      <div class="choice-options">{children}</div>
      {errors}
    </fieldset>
  );
}

function FieldInput({ field, value, onChange, problem }: FieldProps) {
  const { t, language } = useApp();
  const id = `answer-${field.code}`;
  const path = `answers.${field.code}`;
  const describedBy = errorId(path);
  const errors = <FieldErrors problem={problem} path={path} id={describedBy} />;
  const common = { id, 'data-testid': id, 'aria-describedby': describedBy };

  switch (field.type) {
    case 'text':
      return (
        <div class="field" data-testid={`field-${field.code}`}>
          <Label field={field} id={id} />
          {field.multiline ? (
            <textarea
              {...common}
              dir="auto"
              rows={4}
              maxLength={field.maxLength ?? 10000}
              value={typeof value === 'string' ? value : ''}
              onInput={(event) => onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
            />
          ) : (
            <input
              {...common}
              dir="auto"
              maxLength={field.maxLength ?? 500}
              value={typeof value === 'string' ? value : ''}
              onInput={(event) => onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
            />
          )}
          {errors}
        </div>
      );
    case 'number':
      return (
        <div class="field field-number" data-testid={`field-${field.code}`}>
          <Label field={field} id={id} />
          <input
            {...common}
            type="number"
            inputMode={field.decimals ? 'decimal' : 'numeric'}
            step={field.decimals ? String(10 ** -field.decimals) : '1'}
            min={field.min ?? undefined}
            max={field.max ?? undefined}
            value={typeof value === 'number' ? String(value) : ''}
            onInput={(event) => {
              const text = event.currentTarget.value;
              const number = Number(text);
              onChange(text === '' || Number.isNaN(number) ? undefined : number);
            }}
          />
          {field.min != null && field.max != null && (
            <p class="hint">{t('form.range', { min: String(field.min), max: String(field.max) })}</p>
          )}
          {errors}
        </div>
      );
    case 'date':
    case 'datetime':
      return (
        <div class="field" data-testid={`field-${field.code}`}>
          <Label field={field} id={id} />
          <input
            {...common}
            type={field.type === 'date' ? 'date' : 'datetime-local'}
            value={typeof value === 'string' ? value : ''}
            onInput={(event) => onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
          />
          {errors}
        </div>
      );
    case 'choice': {
      const options = field.options ?? [];
      if (options.length > 6) {
        return (
          <div class="field" data-testid={`field-${field.code}`}>
            <Label field={field} id={id} />
            <select
              {...common}
              value={typeof value === 'string' ? value : ''}
              onChange={(event) => onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
            >
              <option value="">{t('app.choose')}</option>
              {options.map((option) => (
                <option key={option.code} value={option.code}>
                  {inLanguage(option.label, language)}
                </option>
              ))}
            </select>
            {errors}
          </div>
        );
      }
      return (
        <ChoiceFieldset field={field} describedBy={describedBy} errors={errors}>
            {options.map((option) => (
              <label key={option.code} class="checkbox">
                <input
                  type="radio"
                  name={id}
                  value={option.code}
                  checked={value === option.code}
                  data-testid={`${id}-${option.code}`}
                  onChange={() => onChange(option.code)}
                />
                {inLanguage(option.label, language)}
              </label>
            ))}
            {value !== undefined && !field.required && (
              <button type="button" class="link-button" onClick={() => onChange(undefined)}>
                {t('form.clear')}
              </button>
            )}
        </ChoiceFieldset>
      );
    }
    case 'multiple': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <ChoiceFieldset field={field} describedBy={describedBy} errors={errors}>
            {(field.options ?? []).map((option) => (
              <label key={option.code} class="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.code)}
                  data-testid={`${id}-${option.code}`}
                  onChange={(event) => {
                    const next = event.currentTarget.checked
                      ? [...chosen, option.code]
                      : chosen.filter((code) => code !== option.code);
                    onChange(next.length === 0 ? undefined : next);
                  }}
                />
                {inLanguage(option.label, language)}
              </label>
            ))}
        </ChoiceFieldset>
      );
    }
    case 'yesno':
      return (
        <ChoiceFieldset field={field} describedBy={describedBy} errors={errors}>
            {[true, false].map((answer) => (
              <label key={String(answer)} class="checkbox">
                <input
                  type="radio"
                  name={id}
                  checked={value === answer}
                  data-testid={`${id}-${answer ? 'yes' : 'no'}`}
                  onChange={() => onChange(answer)}
                />
                {t(answer ? 'app.yes' : 'app.no')}
              </label>
            ))}
        </ChoiceFieldset>
      );
    case 'diagnosis':
      return (
        <div class="field" data-testid={`field-${field.code}`}>
          <Label field={field} id={id} />
          <CodeListInput
            id={id}
            value={Array.isArray(value) ? (value as string[]) : []}
            onChange={(codes) => onChange(codes.length === 0 ? undefined : codes)}
          />
          {errors}
        </div>
      );
    case 'medication':
      return (
        <div class="field" data-testid={`field-${field.code}`}>
          <Label field={field} id={id} />
          <PrescriptionInput
            id={id}
            path={path}
            problem={problem}
            value={Array.isArray(value) ? (value as PrescriptionLine[]) : []}
            onChange={(lines) => onChange(lines.length === 0 ? undefined : lines)}
          />
          {errors}
        </div>
      );
    case 'calculated':
      return (
        <div class="field calculated" data-testid={`field-${field.code}`}>
          <span class="field-label">
            {inLanguage(field.label, language)}
            {field.unit && <span class="unit"> ({field.unit})</span>}
          </span>
          <output data-testid={id}>{value === undefined ? t('app.none') : String(value)}</output>
        </div>
      );
  }
}
