import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { codingApi, label, type Diagnosis } from '../coding';
import { SearchCombobox } from './SearchCombobox';

interface Common {
  /** The id of the text field, for a label elsewhere or a test. */
  id?: string;
  /** The field's label; "Diagnosis" (or "Diagnoses") in the UI language by default. */
  label?: string;
  disabled?: boolean;
  /** Milliseconds to wait after the last key before searching. */
  delay?: number;
  testId?: string;
}

/** Several diagnoses, in the order chosen. */
export interface MultipleDiagnosesProps extends Common {
  multiple: true;
  value: string[];
  onChange: (codes: string[]) => void;
}

/** One diagnosis or none. */
export interface SingleDiagnosisProps extends Common {
  multiple?: false;
  value: string | null;
  onChange: (code: string | null) => void;
}

export type DiagnosisPickerProps = MultipleDiagnosesProps | SingleDiagnosisProps;

/**
 * Chooses ICD-10 diagnoses by searching as one types, in any language, by code or words; the
 * site's favourites come first (alone when nothing is typed) and are starred. The value is the
 * list of codes (or one code); each chosen one shows its code and title in the UI language.
 */
export function DiagnosisPicker(props: DiagnosisPickerProps) {
  const { t, language } = useApp();
  const testId = props.testId ?? 'diagnosis-picker';
  const id = props.id ?? testId;
  const codes = props.multiple ? props.value : props.value ? [props.value] : [];
  const [known, setKnown] = useState<Record<string, Diagnosis>>({});

  // Titles of codes given in the value but not picked here (a saved consultation).
  useEffect(() => {
    const missing = codes.filter((code) => !known[code]);
    missing.forEach((code) =>
      codingApi
        .diagnosis(code)
        .then((found) => setKnown((current) => ({ ...current, [code]: found })))
        .catch(() => {}),
    );
  }, [codes.join(' ')]);

  const pick = (diagnosis: Diagnosis) => {
    setKnown((current) => ({ ...current, [diagnosis.code]: diagnosis }));
    if (props.multiple) {
      if (!props.value.includes(diagnosis.code)) props.onChange([...props.value, diagnosis.code]);
    } else {
      props.onChange(diagnosis.code);
    }
  };

  const remove = (code: string) => {
    if (props.multiple) props.onChange(props.value.filter((chosen) => chosen !== code));
    else props.onChange(null);
  };

  const title = (code: string) => {
    const diagnosis = known[code];
    return diagnosis ? label(diagnosis.labels, language) : '';
  };

  return (
    <div class="field diagnosis-picker" data-testid={testId}>
      {codes.length > 0 && (
        <ul class="chosen-codes" aria-label={t('coding.chosenDiagnoses')}>
          {codes.map((code) => (
            <li key={code} data-testid={`${testId}-chosen`}>
              <span class="code" dir="ltr">
                {code}
              </span>{' '}
              <span>{title(code)}</span>
              <button
                type="button"
                class="link-button"
                aria-label={t('coding.remove', { code })}
                disabled={props.disabled}
                data-testid={`${testId}-remove`}
                onClick={() => remove(code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(props.multiple || codes.length === 0) && (
        <SearchCombobox<Diagnosis>
          id={id}
          label={props.label ?? t(props.multiple ? 'coding.diagnoses' : 'coding.diagnosis')}
          placeholder={t('coding.diagnosisPlaceholder')}
          disabled={props.disabled}
          delay={props.delay}
          testId={testId}
          search={(query) => codingApi.searchDiagnoses(query, { limit: 12 })}
          keyOf={(diagnosis) => diagnosis.code}
          onPick={pick}
          renderOption={(diagnosis) => (
            <>
              {diagnosis.favourite && (
                <span class="favourite-mark" aria-label={t('coding.favourite')}>
                  ★{' '}
                </span>
              )}
              <span class="code" dir="ltr">
                {diagnosis.code}
              </span>{' '}
              <span>{label(diagnosis.labels, language)}</span>
            </>
          )}
        />
      )}
    </div>
  );
}
