// Adds a field to a form definition without writing its JSON: its section, code, type, labels in
// the three languages, whether it is required, its unit and range or its options.
import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { enumKey } from '../i18n';
import type { FieldType } from './model';

const TYPES: FieldType[] = ['text', 'number', 'date', 'datetime', 'choice', 'multiple', 'yesno', 'diagnosis', 'medication'];

interface Built {
  section: string;
  sectionTitle: { fr: string; en: string; ar: string };
  field: Record<string, unknown>;
}

/** Reads options written one a line as "code | French | English | Arabic". */
export function parseOptions(text: string): Array<{ code: string; label: { fr: string; en: string; ar: string } }> {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([code = '', fr = '', en = '', ar = '']) => ({ code, label: { fr, en: en || fr, ar: ar || fr } }));
}

/** The definition with the field added to its section (a new section when the code is new). */
export function withField(definition: { sections?: Array<{ code: string; fields: unknown[] }> }, built: Built) {
  const sections = [...(definition.sections ?? [])];
  const index = sections.findIndex((section) => section.code === built.section);
  if (index >= 0) {
    sections[index] = { ...sections[index]!, fields: [...sections[index]!.fields, built.field] };
  } else {
    sections.push({ code: built.section, title: built.sectionTitle, fields: [built.field] } as never);
  }
  return { ...definition, sections };
}

export function FieldBuilder({ sections, onAdd }: { sections: string[]; onAdd: (built: Built) => void }) {
  const { t } = useApp();
  const [section, setSection] = useState(sections[0] ?? 'main');
  const [code, setCode] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [ar, setAr] = useState('');
  const [required, setRequired] = useState(false);
  const [unit, setUnit] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [options, setOptions] = useState('');

  const add = () => {
    const field: Record<string, unknown> = { code: code.trim(), type, label: { fr, en, ar } };
    if (required) field.required = true;
    if (type === 'number') {
      if (unit.trim()) field.unit = unit.trim();
      if (min !== '') field.min = Number(min);
      if (max !== '') field.max = Number(max);
      const decimals = [min, max].map((bound) => (bound.includes('.') ? bound.split('.')[1]!.length : 0));
      if (Math.max(...decimals) > 0) field.decimals = Math.max(...decimals);
    }
    if (type === 'text') field.multiline = true;
    if (type === 'choice' || type === 'multiple') field.options = parseOptions(options);
    onAdd({ section: section.trim() || 'main', sectionTitle: { fr: section, en: section, ar: section }, field });
    setCode('');
    setFr('');
    setEn('');
    setAr('');
    setOptions('');
  };

  return (
    <fieldset class="field-builder" data-testid="field-builder">
      <legend>{t('forms.addField')}</legend>
      <div class="field-row">
        <div class="field">
          <label for="builder-section">{t('forms.section')}</label>
          <input id="builder-section" list="builder-sections" value={section} onInput={(event) => setSection(event.currentTarget.value)} />
          <datalist id="builder-sections">
            {sections.map((existing) => (
              <option key={existing} value={existing} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="builder-code">{t('forms.fieldCode')}</label>
          <input id="builder-code" data-testid="builder-code" dir="ltr" value={code} onInput={(event) => setCode(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="builder-type">{t('forms.fieldType')}</label>
          <select id="builder-type" data-testid="builder-type" value={type} onChange={(event) => setType(event.currentTarget.value as FieldType)}>
            {TYPES.map((value) => (
              <option key={value} value={value}>
                {t(enumKey('forms.type', value))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="field-row">
        {(
          [
            ['fr', fr, setFr],
            ['en', en, setEn],
            ['ar', ar, setAr],
          ] as const
        ).map(([language, value, set]) => (
          <div class="field" key={language}>
            <label for={`builder-label-${language}`}>{t('forms.labelIn', { language: t(`lang.${language}`) })}</label>
            <input
              id={`builder-label-${language}`}
              data-testid={`builder-label-${language}`}
              dir={language === 'ar' ? 'rtl' : 'ltr'}
              value={value}
              onInput={(event) => set(event.currentTarget.value)}
            />
          </div>
        ))}
      </div>
      {type === 'number' && (
        <div class="field-row">
          <div class="field">
            <label for="builder-unit">{t('forms.unit')}</label>
            <input id="builder-unit" value={unit} onInput={(event) => setUnit(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="builder-min">{t('forms.min')}</label>
            <input id="builder-min" type="number" value={min} onInput={(event) => setMin(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="builder-max">{t('forms.max')}</label>
            <input id="builder-max" type="number" value={max} onInput={(event) => setMax(event.currentTarget.value)} />
          </div>
        </div>
      )}
      {(type === 'choice' || type === 'multiple') && (
        <div class="field">
          <label for="builder-options">{t('forms.options')}</label>
          <textarea id="builder-options" data-testid="builder-options" dir="auto" rows={4} value={options} onInput={(event) => setOptions(event.currentTarget.value)} />
          <p class="hint">{t('forms.optionsHint')}</p>
        </div>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={required} onChange={(event) => setRequired(event.currentTarget.checked)} />
        {t('forms.required')}
      </label>
      <div class="actions">
        <button type="button" class="button secondary" data-testid="builder-add" disabled={!code.trim()} onClick={add}>
          {t('forms.addField')}
        </button>
      </div>
    </fieldset>
  );
}
