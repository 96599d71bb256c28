import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { enumKey, LANGUAGES, type Language } from '../i18n';
import { toProblem } from '../problems';
import { EXPORT_FORMATS, type ExportFormat, type Problem } from '../types';
import { ConfirmIdentity, needsReauthentication } from './ConfirmIdentity';
import { FormError } from './FormError';

interface Made {
  url: string;
  fileName: string;
  format: ExportFormat;
}

/**
 * The export of everything held about a person, for data officers and administrators answering
 * the person's request (right of access): a language and a format, then the user confirms who they
 * are again when the server asks for it, and the document is offered to save (or, as a web page, to
 * open and print). Nothing of it is kept: the file lives in this page's memory until it is left.
 */
export function ExportPersonalData({ personId }: { personId: string }) {
  const { t, language } = useApp();
  const [documentLanguage, setDocumentLanguage] = useState<Language>(language);
  const [format, setFormat] = useState<ExportFormat>('PDF');
  const [confirming, setConfirming] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    return () => {
      if (made) URL.revokeObjectURL(made.url);
    };
  }, [made]);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    setMade(null);
    try {
      const file = await api.exportPersonalData(personId, format, documentLanguage);
      setConfirming(false);
      setMade({ url: URL.createObjectURL(file.blob), fileName: file.fileName, format });
    } catch (error) {
      if (needsReauthentication(error)) {
        setConfirming(true);
      } else {
        setConfirming(false);
        setProblem(toProblem(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="export-personal-data" data-testid="export-personal-data">
      <summary>{t('export.title')}</summary>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <p class="muted">{t('export.explanation')}</p>
        <FormError problem={problem} />
        <label for="export-language">{t('export.language')}</label>
        <select
          id="export-language"
          value={documentLanguage}
          data-testid="export-language"
          onChange={(event) => setDocumentLanguage((event.currentTarget).value as Language)}
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(enumKey('language', value))}
            </option>
          ))}
        </select>
        <label for="export-format">{t('export.format')}</label>
        <select
          id="export-format"
          value={format}
          data-testid="export-format"
          onChange={(event) => setFormat((event.currentTarget).value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {t(enumKey('export.format', value))}
            </option>
          ))}
        </select>
        <button type="submit" class="button primary" disabled={busy || confirming} data-testid="export-submit">
          {busy ? t('export.working') : t('export.submit')}
        </button>
      </form>
      {confirming && <ConfirmIdentity onConfirmed={run} onCancel={() => setConfirming(false)} />}
      {made && (
        <p class="export-ready" data-testid="export-ready">
          {t('export.ready')}{' '}
          <a class="button secondary" href={made.url} download={made.fileName} data-testid="export-download">
            {t('export.download', { file: made.fileName })}
          </a>{' '}
          {made.format === 'HTML' && (
            <a class="button" href={made.url} target="_blank" rel="noopener noreferrer" data-testid="export-open">
              {t('export.open')}
            </a>
          )}
        </p>
      )}
    </details>
  );
}
