import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { rememberRegistrationName } from '../memory';
import { choose, click, jsonResponse, mount, settle, typeInto } from '../test/render';
import type { Person } from '../types';
import { PersonFormScreen } from './PersonFormScreen';

const PERSON: Person = {
  id: '0190f1c2-0000-7000-8000-000000000010',
  patientCode: 'ABCD1234',
  chosenName: 'Yonas',
  otherNames: [],
  sex: 'MALE',
  birthDate: null,
  age: null,
  languages: ['ti'],
  countryOfOrigin: 'ER',
  phone: null,
  flags: [],
  registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
  version: 1,
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
};

describe('the person form screen', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('pre-fills the chosen name from the search and checks required fields before sending', async () => {
    rememberRegistrationName('Amina');
    const screen = mount(<PersonFormScreen />);
    expect((screen.byTestId('person-chosen-name') as HTMLInputElement).value).toBe('Amina');

    click(screen.byTestId('person-save'));

    expect(fetchMock).not.toHaveBeenCalled();
    const errors = screen.allByTestId('field-error');
    expect(errors.map((error) => error.dataset.field)).toEqual(['details.sex']);
  });

  it('shows the server problem at the top and each field error next to its field', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        {
          status: 400,
          code: 'invalid-input',
          detail: 'Certains champs ne sont pas valides. Rien n’a été enregistré.',
          fieldErrors: [
            { field: 'details.phone', code: 'Pattern', message: 'Format de téléphone non valide.' },
            { field: 'details.birthDate', code: 'birth-date-in-future', message: 'La date est dans le futur.' },
          ],
        },
        400,
      ),
    );
    const screen = mount(<PersonFormScreen />);
    typeInto(screen.byTestId('person-chosen-name'), 'Amina');
    choose(screen.byTestId('person-sex'), 'FEMALE');
    choose(screen.byTestId('person-birth-precision'), 'EXACT');
    typeInto(screen.byTestId('person-birth-date'), '2030-01-01');
    typeInto(screen.byTestId('person-phone'), 'abc');

    click(screen.byTestId('person-save'));
    await settle();

    // The details are checked for likely existing persons first; the server refuses them there.
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/people/likely-matches');
    const body = JSON.parse(fetchMock.mock.calls[0]![1]!.body as string);
    expect(body.details).toMatchObject({ chosenName: 'Amina', sex: 'FEMALE', birthDate: { precision: 'EXACT', date: '2030-01-01' } });
    expect(screen.byTestId('form-error')?.textContent).toContain('Rien n’a été enregistré.');
    const phoneError = screen.container.querySelector('[data-testid="field-error"][data-field="details.phone"]');
    expect(phoneError?.textContent).toBe('Format de téléphone non valide.');
    expect(phoneError?.closest('.field')?.querySelector('[data-testid="person-phone"]')).not.toBeNull();
    expect(screen.container.querySelector('[data-field="details.birthDate"]')?.textContent).toBe('La date est dans le futur.');
    expect((screen.byTestId('person-chosen-name') as HTMLInputElement).value).toBe('Amina');
  });

  it('shows likely existing persons with why, and registers only when the user says someone new', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse([
          {
            person: { ...PERSON, otherNames: [], inScope: true },
            probability: 0.87,
            reasons: [
              { field: 'names', level: 'all names similar', weight: 6.9 },
              { field: 'birth date', level: 'day-month swap or one digit', weight: 4.6 },
              { field: 'sex', level: 'same', weight: 1 },
            ],
          },
        ]),
      )
      .mockResolvedValueOnce(jsonResponse({ ...PERSON, id: '0190f1c2-0000-7000-8000-000000000099' }, 201));
    const screen = mount(<PersonFormScreen />);
    typeInto(screen.byTestId('person-chosen-name'), 'Yunus Tesfay');
    choose(screen.byTestId('person-sex'), 'MALE');

    click(screen.byTestId('person-save'));
    await settle();

    expect(fetchMock).toHaveBeenCalledOnce();
    const why = screen.byTestId('likely-why')?.textContent ?? '';
    expect(why).toContain('87');
    expect(why).toContain('noms : tous proches');
    expect(why).toContain('jour et mois inversés');
    expect(screen.byTestId('likely-this-is-them')).not.toBeNull();

    click(screen.byTestId('likely-someone-new'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe('/api/people');
    expect(JSON.parse(fetchMock.mock.calls[1]![1]!.body as string).details.chosenName).toBe('Yunus Tesfay');
    expect(location.pathname).toBe('/people/0190f1c2-0000-7000-8000-000000000099');
  });

  it('keeps what was typed after a conflict until the user reloads', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(PERSON))
      .mockResolvedValueOnce(
        jsonResponse(
          { status: 409, code: 'stale-version', detail: 'Quelqu’un d’autre a modifié cette fiche.', currentVersion: 2 },
          409,
        ),
      )
      .mockResolvedValueOnce(jsonResponse({ ...PERSON, chosenName: 'Yonas T.', version: 2 }));
    const screen = mount(<PersonFormScreen personId={PERSON.id} />);
    await settle();
    typeInto(screen.byTestId('person-chosen-name'), 'Yonas Tesfay');

    click(screen.byTestId('person-save'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(`${init?.method} ${url}`).toBe(`PUT /api/people/${PERSON.id}`);
    expect(JSON.parse(init?.body as string).version).toBe(1);
    expect(screen.byTestId('form-error')?.textContent).toContain('Quelqu’un d’autre a modifié cette fiche.');
    expect((screen.byTestId('person-chosen-name') as HTMLInputElement).value).toBe('Yonas Tesfay');

    click(screen.byTestId('reload'));
    await settle();

    expect((screen.byTestId('person-chosen-name') as HTMLInputElement).value).toBe('Yonas T.');
    expect(screen.byTestId('form-error')).toBeNull();
  });
});
