import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { ImportCheckView } from './ImportCheckView';
import { ImportJobView } from './ImportJobView';
import { importsApi, type ImportCheck, type ImportColumns, type ImportJobStatus, type ImportUpload } from './importsApi';
import { assign, columnsFrom, decisionsOf, fieldOf, IMPORT_FIELDS, mapsAName, type Choice } from './mapping';
import './imports.css';

/** How often the job's progress is read while it runs. */
export const POLL_MS = 1000;

/**
 * Bulk import of persons from a spreadsheet: send the file, say which column holds which field (the
 * server's guess from the headers comes first), check every row (the first ones as the registry
 * will read them, the refusals and why, the likely duplicates in the file and in the registry, with
 * a choice for each), then import: the job writes everything or nothing, its progress shows, and
 * the rows refused can be downloaded with their reasons.
 */
export function ImportScreen() {
  const { t } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [columns, setColumns] = useState<ImportColumns>({});
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  const send = () =>
    attempt(async () => {
      if (!file) return;
      const uploaded = await importsApi.upload(file);
      setUpload(uploaded);
      setColumns(columnsFrom(uploaded.guessed));
      setCheck(null);
      setChoices({});
    });

  const remap = (header: string, field: string) => {
    setColumns(assign(columns, header, field));
    setCheck(null);
    setChoices({});
  };

  const runCheck = () =>
    attempt(async () => {
      if (upload) setCheck(await importsApi.check(upload.importId, columns));
    });

  const follow = (importId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const status = await importsApi.status(importId);
        setJob(status);
        if (status.status === 'RUNNING') follow(importId);
      } catch (error) {
        setProblem(toProblem(error, t));
      }
    }, POLL_MS);
  };

  const start = () =>
    attempt(async () => {
      if (!upload) return;
      const started = await importsApi.run(upload.importId, columns, decisionsOf(choices));
      setJob(started);
      if (started.status === 'RUNNING') follow(upload.importId);
    });

  const restart = () => {
    clearTimeout(timer.current);
    setFile(null);
    setUpload(null);
    setColumns({});
    setCheck(null);
    setChoices({});
    setJob(null);
    setProblem(null);
  };

  return (
    <section class="card import-screen" data-testid="import-screen">
      <h1>{t('imports.title')}</h1>
      <p class="hint">{t('imports.intro')}</p>
      <FormError problem={problem} />
      {job ? (
        <ImportJobView job={job} onAgain={restart} />
      ) : (
        <>
          <div class="field">
            <label for="import-file">{t('imports.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              disabled={!!upload}
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
            <p class="hint">{t('imports.fileHint')}</p>
          </div>
          {!upload && (
            <button type="button" class="button primary" data-testid="import-upload" disabled={!file || busy} onClick={send}>
              {t('imports.upload')}
            </button>
          )}
          {upload && (
            <>
              <h2>{t('imports.mapping')}</h2>
              <p class="hint">{t.plural('imports.rows', upload.rows)}</p>
              <div class="table-scroll">
                <table class="data-table" data-testid="import-mapping">
                  <thead>
                    <tr>
                      <th>{t('imports.column')}</th>
                      <th>{t('imports.field')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {upload.headers.map((header, index) => (
                      <tr key={header}>
                        <td>
                          <label for={`import-map-${index}`}>{header}</label>
                        </td>
                        <td>
                          <select
                            id={`import-map-${index}`}
                            data-testid={`import-map-${index}`}
                            value={fieldOf(columns, header)}
                            onChange={(event) => remap(header, event.currentTarget.value)}
                          >
                            <option value="">{t('imports.notImported')}</option>
                            {IMPORT_FIELDS.map((field) => (
                              <option key={field} value={field}>
                                {t(enumKey('imports.fieldName', field))}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {!mapsAName(columns) && (
                <p class="form-error" data-testid="import-no-name">
                  {t('imports.nameNeeded')}
                </p>
              )}
              <div class="actions">
                <button type="button" class="button secondary" data-testid="import-check" disabled={busy || !mapsAName(columns)} onClick={runCheck}>
                  {t('imports.check')}
                </button>
                <button type="button" class="button secondary" data-testid="import-cancel" onClick={restart}>
                  {t('imports.another')}
                </button>
              </div>
            </>
          )}
          {check && (
            <ImportCheckView
              check={check}
              choices={choices}
              onChoose={(line, choice) => setChoices({ ...choices, [line]: choice })}
              busy={busy}
              onStart={start}
            />
          )}
        </>
      )}
    </section>
  );
}
