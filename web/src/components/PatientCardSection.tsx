import { createPortal } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { enumKey, LANGUAGES, type Language } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { FormError } from './FormError';

/**
 * The card of the print view as the server laid it out (the card and how to cut it out), taken
 * from its standalone page: only those elements, never a script or the page's own style, which the
 * client's style sheet replaces. Every text in them was escaped by the server.
 */
export function cardElements(html: string): Node[] {
  const page = new DOMParser().parseFromString(html, 'text/html');
  return [...page.querySelectorAll('[data-card], .card-cut')]
    .filter((element) => element.querySelector('script') === null)
    .map((element) => document.importNode(element, true));
}

/** Saves a file the server made, as a click on a download link would. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The card a person keeps, for carers: in the language the person reads, with their chosen name
 * only when they want it (unticked by default: others may see the card). "Print" shows the card at
 * its real size over the page and opens the print dialog; "Download the PDF" saves the A4 sheet
 * with the card to cut out. Each card is audited.
 */
export function PatientCardSection({ personId }: { personId: string }) {
  const { t, language } = useApp();
  const [cardLanguage, setCardLanguage] = useState<Language>(language);
  const [withName, setWithName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [printView, setPrintView] = useState<Node[] | null>(null);

  const make = async (format: 'PDF' | 'HTML') => {
    setBusy(true);
    setProblem(null);
    try {
      const file = await api.patientCard(personId, format, cardLanguage, withName);
      if (format === 'PDF') {
        save(file.blob, file.fileName);
      } else {
        setPrintView(cardElements(await file.blob.text()));
      }
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card patient-card-section" data-testid="patient-card">
      <h2>{t('card.title')}</h2>
      <p class="muted">{t('card.explanation')}</p>
      <FormError problem={problem} />
      <div class="form">
        <label for="card-language">{t('card.language')}</label>
        <select
          id="card-language"
          value={cardLanguage}
          data-testid="card-language"
          onChange={(event) => setCardLanguage((event.currentTarget).value as Language)}
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(enumKey('language', value))}
            </option>
          ))}
        </select>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={withName}
            aria-describedby="card-with-name-hint"
            data-testid="card-with-name"
            onChange={(event) => setWithName((event.currentTarget).checked)}
          />{' '}
          {t('card.withName')}
        </label>
        <p class="hint" id="card-with-name-hint">
          {t('card.withNameHint')}
        </p>
        <div class="actions">
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() => make('HTML')}
            data-testid="card-print"
          >
            {busy ? t('card.working') : t('card.print')}
          </button>
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            onClick={() => make('PDF')}
            data-testid="card-pdf"
          >
            {t('card.pdf')}
          </button>
        </div>
      </div>
      {printView && <CardPrintView elements={printView} onClose={() => setPrintView(null)} />}
    </section>
  );
}

/**
 * The card over the whole page, as it prints: the style sheet prints this view alone (it is a
 * direct child of the body). The print dialog opens at once; the view stays for another try.
 */
function CardPrintView({ elements, onClose }: { elements: Node[]; onClose: () => void }) {
  const { t } = useApp();
  const holder = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    holder.current?.replaceChildren(...elements);
    close.current?.focus();
    window.print();
  }, [elements]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return createPortal(
    <div class="card-print-view" role="dialog" aria-modal="true" aria-label={t('card.preview')} data-testid="card-print-view">
      <div class="card-print-actions">
        <button type="button" class="button primary" onClick={() => window.print()} data-testid="card-print-again">
          {t('card.print')}
        </button>
        <button type="button" class="button secondary" ref={close} onClick={onClose} data-testid="card-print-close">
          {t('card.close')}
        </button>
      </div>
      <div class="card-print-sheet" ref={holder} />
    </div>,
    document.body,
  );
}
