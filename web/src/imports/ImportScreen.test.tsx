import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle } from '../test/render';
import { ImportScreen, POLL_MS } from './ImportScreen';
import type { ImportCheck, ImportJobStatus, ImportUpload } from './importsApi';

const IMPORT = '0190f1c2-0000-7000-8000-000000000031';
const EXISTING = '0190f1c2-0000-7000-8000-000000000032';
const coordinator = { ...SESSION, user: { ...SESSION.user, roles: ['COORDINATOR' as const] } };

const UPLOADED: ImportUpload = {
  importId: IMPORT,
  headers: ['Prénom', 'Nom', 'Sexe', 'Naissance', 'Remarque'],
  rows: 4,
  guessed: { Prénom: 'GIVEN_NAME', Nom: 'FAMILY_NAME', Sexe: 'SEX', Naissance: 'BIRTH_DATE' },
};

const CHECKED: ImportCheck = {
  rows: 4,
  accepted: 3,
  preview: [
    { line: 2, chosenName: 'Amina Haddad', otherNames: [], sex: 'FEMALE', birthDate: { precision: 'YEAR', date: '2001-01-01' }, languages: [], countryOfOrigin: 'SD', site: 'Calais', unaccompaniedMinor: false, refused: false },
    { line: 3, chosenName: 'Mohamed Ali', otherNames: [], sex: 'MALE', birthDate: null, languages: [], countryOfOrigin: null, site: 'Calais', unaccompaniedMinor: false, refused: false },
    { line: 4, chosenName: 'Mohamed Ali', otherNames: [], sex: 'MALE', birthDate: null, languages: [], countryOfOrigin: null, site: 'Calais', unaccompaniedMinor: false, refused: false },
    { line: 5, chosenName: null, otherNames: [], sex: null, birthDate: null, languages: [], countryOfOrigin: null, site: null, unaccompaniedMinor: false, refused: true },
  ],
  refusals: [{ line: 5, column: 'Sexe', code: 'import-row-sex-unknown', message: 'The sex is neither female, male, other nor unknown.' }],
  duplicates: [
    { line: 3, inFile: [{ line: 4, probability: 0.99 }], inRegistry: [{ personId: EXISTING, chosenName: 'Muhammad Ali', sex: 'MALE', age: 30, probability: 0.91 }] },
    { line: 4, inFile: [{ line: 3, probability: 0.99 }], inRegistry: [] },
  ],
};

function job(status: ImportJobStatus['status'], written: number, extra: Partial<ImportJobStatus> = {}): ImportJobStatus {
  return { importId: IMPORT, status, total: 2, written, imported: status === 'DONE' ? 2 : 0, linked: 1, skipped: 1, refused: 1, ...extra };
}

function pickFile(input: HTMLElement | null, content: string) {
  const file = new File([content], 'persons.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input!.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return file;
}

describe('the import of persons from a spreadsheet', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('sends the file, maps its columns, shows refusals and duplicates, imports with the choices made and follows the job to its report', async () => {
    vi.useFakeTimers();
    fetchMock
      .mockResolvedValueOnce(jsonResponse(UPLOADED, 201))
      .mockResolvedValueOnce(jsonResponse(CHECKED))
      .mockResolvedValueOnce(jsonResponse(job('RUNNING', 0), 202))
      .mockResolvedValueOnce(jsonResponse(job('RUNNING', 1)))
      .mockResolvedValueOnce(jsonResponse(job('DONE', 2)));
    const screen = mount(<ImportScreen />, 'en', coordinator);

    const file = pickFile(screen.byTestId('import-file'), 'Prénom,Nom\nAmina,Haddad\n');
    click(screen.byTestId('import-upload'));
    await settle();
    const [uploadUrl, upload] = fetchMock.mock.calls[0]!;
    expect(uploadUrl).toBe('/api/imports');
    expect(upload?.body).toBe(file);
    expect((upload?.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect((screen.byTestId('import-map-0') as HTMLSelectElement).value).toBe('GIVEN_NAME');
    expect((screen.byTestId('import-map-4') as HTMLSelectElement).value).toBe('');

    choose(screen.byTestId('import-map-3'), 'BIRTH_YEAR');
    click(screen.byTestId('import-check'));
    await settle();
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({
      columns: { GIVEN_NAME: 'Prénom', FAMILY_NAME: 'Nom', SEX: 'Sexe', BIRTH_YEAR: 'Naissance' },
    });
    expect(screen.byTestId('import-counts')?.textContent).toBe('3 rows accepted · 1 row refused · 2 likely duplicates');
    expect(screen.byTestId('import-row-2')?.textContent).toContain('Amina Haddad');
    expect(screen.byTestId('import-row-5')?.textContent).toContain('Row refused');
    expect(screen.byTestId('import-refusal')?.textContent).toBe('Row 5, column “Sexe”: The sex is neither female, male, other nor unknown.');
    expect(screen.byTestId('import-duplicate-3')?.textContent).toContain('like rows 4 of the file');
    expect(screen.byTestId('import-choice-3')?.textContent).toContain('Same person as \u2068Muhammad Ali\u2069 (Male, 30 years, 91%)');

    choose(screen.byTestId('import-choice-3'), `LINK:${EXISTING}`);
    choose(screen.byTestId('import-choice-4'), 'SKIP');
    expect(screen.byTestId('import-summary')?.textContent).toContain('1 person will be created.');
    click(screen.byTestId('import-run'));
    await settle();
    const [runUrl, run] = fetchMock.mock.calls[2]!;
    expect(runUrl).toBe(`/api/imports/${IMPORT}/run`);
    expect(JSON.parse(String(run?.body))).toEqual({
      mapping: { columns: { GIVEN_NAME: 'Prénom', FAMILY_NAME: 'Nom', SEX: 'Sexe', BIRTH_YEAR: 'Naissance' } },
      decisions: [
        { line: 3, action: 'LINK', personId: EXISTING },
        { line: 4, action: 'SKIP' },
      ],
    });
    expect(screen.byTestId('import-job')?.dataset.status).toBe('RUNNING');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS);
    });
    await settle();
    expect((screen.byTestId('import-progress') as HTMLProgressElement).value).toBe(1);
    expect(screen.byTestId('import-job')?.textContent).toContain('1 of 2 (50%)');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS);
    });
    await settle();
    expect(fetchMock.mock.calls[4]![0]).toBe(`/api/imports/${IMPORT}`);
    expect(screen.byTestId('import-imported')?.textContent).toBe('2 persons created');
    expect(screen.byTestId('import-refused')?.textContent).toBe('1 row refused');
    expect(screen.byTestId('import-report')?.getAttribute('href')).toBe(`/api/imports/${IMPORT}/report?language=en`);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    });
    expect(fetchMock).toHaveBeenCalledTimes(5);
  });

  it('asks for a name column before checking', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...UPLOADED, guessed: { Sexe: 'SEX' } }, 201));
    const screen = mount(<ImportScreen />, 'fr', coordinator);
    pickFile(screen.byTestId('import-file'), 'Sexe\nF\n');
    click(screen.byTestId('import-upload'));
    await settle();

    expect(screen.byTestId('import-no-name')?.textContent).toContain('au moins une colonne de nom');
    expect((screen.byTestId('import-check') as HTMLButtonElement).disabled).toBe(true);
    choose(screen.byTestId('import-map-1'), 'FULL_NAME');
    expect((screen.byTestId('import-check') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows why a file is refused, in Arabic, and that a failed job imported nothing', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ status: 400, code: 'import-file-type', detail: 'ليس ملف CSV أو XLSX.' }, 400))
      .mockResolvedValueOnce(jsonResponse(UPLOADED, 201))
      .mockResolvedValueOnce(jsonResponse(CHECKED))
      .mockResolvedValueOnce(jsonResponse(job('FAILED', 0, { failure: 'patient-code-taken' }), 202));
    const screen = mount(<ImportScreen />, 'ar', coordinator);
    pickFile(screen.byTestId('import-file'), '%PDF');
    click(screen.byTestId('import-upload'));
    await settle();
    expect(screen.byTestId('form-error')?.textContent).toBe('ليس ملف CSV أو XLSX.');
    expect(screen.byTestId('import-mapping')).toBeNull();

    click(screen.byTestId('import-upload'));
    await settle();
    click(screen.byTestId('import-check'));
    await settle();
    click(screen.byTestId('import-run'));
    await settle();
    expect(screen.byTestId('import-failed')?.textContent).toContain('لم يُستورد شيء');
    expect(screen.byTestId('import-failed')?.textContent).toContain('patient-code-taken');
    expect(screen.byTestId('import-report')).not.toBeNull();
    click(screen.byTestId('import-again'));
    expect(screen.byTestId('import-upload')).not.toBeNull();
  });
});
