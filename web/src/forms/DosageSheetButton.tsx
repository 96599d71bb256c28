// Prints the dosage sheet with pictograms of a signed consultation's prescription: a PDF in the
// person's language by default (French when they speak none of the three), or in the one chosen.
import { useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { isLanguage, LANGUAGES, type Language } from '../i18n';
import { toProblem } from '../problems';
import type { Person, Problem } from '../types';
import { formsApi } from './formsApi';

/** The language a person's sheet is printed in unless another is chosen. */
export function sheetLanguage(person: Pick<Person, 'languages'> | null): Language {
  const spoken = (person?.languages ?? []).map((code) => code.toLowerCase()).find(isLanguage);
  return spoken ?? 'fr';
}

export function DosageSheetButton({ encounterId, person }: { encounterId: string; person: Person | null }) {
  const { t } = useApp();
  const [language, setLanguage] = useState<Language>(sheetLanguage(person));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const print = async () => {
    setProblem(null);
    setBusy(true);
    // opened at once, while the click still allows a new window, then pointed at the PDF
    const opened = window.open('', '_blank');
    try {
      const file = await formsApi.prescriptionSheet(encounterId, language);
      const url = URL.createObjectURL(new Blob([file.blob], { type: 'application/pdf' }));
      if (opened) {
        opened.location.href = url;
      } else {
        window.location.assign(url);
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      opened?.close();
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="dosage-sheet">
      <FormError problem={problem} />
      <div class="field">
        <label for="sheet-language">{t('form.printLanguage')}</label>
        <select
          id="sheet-language"
          value={language}
          data-testid="sheet-language"
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isLanguage(chosen)) setLanguage(chosen);
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`lang.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button secondary" disabled={busy} data-testid="print-sheet" onClick={print}>
        {t('form.printSheet')}
      </button>
    </div>
  );
}
