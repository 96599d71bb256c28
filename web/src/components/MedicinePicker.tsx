import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { codingApi, label, medicineName, type Medicine } from '../coding';
import { SearchCombobox } from './SearchCombobox';

export interface MedicinePickerProps {
  /** The chosen medicine's code, or null. */
  value: string | null;
  /** Called with the code chosen (and the medicine, for its unit), or null when cleared. */
  onChange: (code: string | null, medicine: Medicine | null) => void;
  id?: string;
  label?: string;
  disabled?: boolean;
  delay?: number;
  testId?: string;
}

/** Chooses a medicine of the formulary by name (French or English), brand or ATC code. */
export function MedicinePicker(props: MedicinePickerProps) {
  const { t, language } = useApp();
  const testId = props.testId ?? 'medicine-picker';
  const [chosen, setChosen] = useState<Medicine | null>(null);

  useEffect(() => {
    if (props.value && chosen?.code !== props.value) {
      codingApi
        .medicine(props.value)
        .then(setChosen)
        .catch(() => {});
    }
    if (!props.value) setChosen(null);
  }, [props.value]);

  const describe = (medicine: Medicine) =>
    `${label(medicine.form.labels, language)} · ${medicine.strength}`;

  if (props.value) {
    return (
      <div class="field medicine-picker" data-testid={testId}>
        <span class="field-label">{props.label ?? t('coding.medicine')}</span>
        <p class="chosen-medicine" data-testid={`${testId}-chosen`}>
          <strong dir="auto">{chosen ? medicineName(chosen, language) : props.value}</strong>
          {chosen && <span class="muted"> {describe(chosen)}</span>}
          <button
            type="button"
            class="link-button"
            disabled={props.disabled}
            data-testid={`${testId}-clear`}
            onClick={() => props.onChange(null, null)}
          >
            {t('coding.change')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div class="field medicine-picker" data-testid={testId}>
      <SearchCombobox<Medicine>
        id={props.id ?? testId}
        label={props.label ?? t('coding.medicine')}
        placeholder={t('coding.medicinePlaceholder')}
        disabled={props.disabled}
        delay={props.delay}
        testId={testId}
        search={(query) => codingApi.searchMedicines(query, 12)}
        keyOf={(medicine) => medicine.code}
        onPick={(medicine) => {
          setChosen(medicine);
          props.onChange(medicine.code, medicine);
        }}
        renderOption={(medicine) => (
          <>
            <strong dir="auto">{medicineName(medicine, language)}</strong>{' '}
            <span class="muted">{describe(medicine)}</span>
          </>
        )}
      />
    </div>
  );
}
