import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { forgetEverything, takeRegistrationName } from '../memory';
import { withCheckCharacter } from '../patientCode';
import { click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { SearchScreen } from './SearchScreen';

const FOUND = {
  id: '0190f1c2-0000-7000-8000-000000000011',
  patientCode: 'EFGH5678',
  chosenName: 'Amina Tesfay',
  otherNames: ['Aminata Yusuf'],
  sex: 'FEMALE',
  birthDate: { precision: 'EXACT', date: '1994-08-17' },
  age: 32,
  registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
  inScope: true,
};

describe('the search screen', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('fr');
    forgetEverything();
    history.replaceState(null, '', '/');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('lists the people found with what helps recognise them', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse([
        {
          id: '0190f1c2-0000-7000-8000-000000000010',
          patientCode: 'ABCD1234',
          chosenName: 'Mohammed Ali',
          otherNames: ['Muhammad Ali', 'محمد علي'],
          sex: 'MALE',
          birthDate: { precision: 'ESTIMATED', date: '2002-05-01', estimatedAge: 24, estimatedOn: '2026-05-01' },
          age: 24,
          countryOfOrigin: 'SD',
          registeredSiteId: '0190f1c2-0000-7000-8000-000000000001',
          inScope: true,
        },
      ]),
    );
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), 'mohamed');
    click(screen.byTestId('search-submit'));
    await settle();

    const results = screen.allByTestId('search-result');
    expect(results).toHaveLength(1);
    const text = results[0]!.textContent ?? '';
    for (const part of ['Mohammed Ali', 'Muhammad Ali', 'Homme', '~24 ans (estimé)', 'Soudan', 'ABCD-1234']) {
      expect(text).toContain(part);
    }
    expect(results[0]!.getAttribute('href')).toBe('/people/0190f1c2-0000-7000-8000-000000000010');
    expect(screen.byTestId('search-result-why')).toBeNull();
  });

  it('says how likely each person is and why: the name that matched and what agreed', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse([
        {
          ...FOUND,
          match: {
            probability: 0.457,
            matchedName: 'Aminata Yusuf',
            reasons: [
              { field: 'names', level: 'one name similar', weight: -0.32 },
              { field: 'birth date', level: 'consistent with imprecise date', weight: 2.32 },
              { field: 'sex', level: 'same', weight: 0.96 },
            ],
          },
        },
      ]),
    );
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), 'aminata');
    click(screen.byTestId('search-submit'));
    await settle();

    const why = screen.byTestId('search-result-why')?.textContent ?? '';
    expect(why).toContain('Probabilité 46 %');
    expect(screen.byTestId('matched-name')?.textContent).toContain('nom correspondant : Aminata Yusuf');
    expect(why).toContain('date de naissance : compatible avec une date approximative');
    expect(why).toContain('sexe : identique');
    expect(why).not.toContain('noms :');
    screen.unmount();

    const english = mount(<SearchScreen />, 'en');
    typeInto(english.byTestId('search-input'), 'aminata');
    click(english.byTestId('search-submit'));
    await settle();
    const inEnglish = english.byTestId('search-result-why')?.textContent ?? '';
    expect(inEnglish).toContain('46% likely:');
    expect(inEnglish).toContain('matched name: Aminata Yusuf');
    expect(inEnglish).toContain('birth date: consistent with an approximate date');
  });

  it('searches by age instead of birth year, and not by both', async () => {
    fetchMock.mockResolvedValue(jsonResponse([]));
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), 'Selam');
    typeInto(screen.byTestId('search-age'), '30');
    click(screen.byTestId('search-submit'));
    await settle();

    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ query: 'Selam', age: 30, limit: 50 });

    typeInto(screen.byTestId('search-birth-year'), '1995');
    click(screen.byTestId('search-submit'));
    await settle();

    expect(fetchMock).toHaveBeenCalledOnce();
    const error = screen.container.querySelector('[data-testid="field-error"][data-field="age"]');
    expect(error?.textContent).toBe('Indiquez l’année de naissance ou l’âge, pas les deux.');
  });

  it('says when no one is found and offers to register the name searched for', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), ' Amina Yusuf ');
    click(screen.byTestId('search-submit'));
    await settle();

    expect(screen.byTestId('search-empty')?.textContent).toBe('Aucune personne trouvée.');
    click(screen.byTestId('register-new'));
    expect(location.pathname).toBe('/new-person');
    expect(takeRegistrationName()).toBe('Amina Yusuf');
  });

  it('suggests what to try when no one is found, each a search away', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse([])));
    const screen = mount(<SearchScreen />, 'en');
    typeInto(screen.byTestId('search-input'), 'Naglaa Mahgoub');
    typeInto(screen.byTestId('search-birth-year'), '1990');
    click(screen.byTestId('search-submit'));
    await settle();

    const suggestions = screen.byTestId('search-suggestions')?.textContent ?? '';
    expect(suggestions).toContain('The year of birth or age may have been recorded differently.');
    expect(suggestions).toContain('scan it or type its code (XXXX-XXXX)');
    expect(screen.allByTestId('try-one-name').map((button) => button.textContent)).toEqual(['Naglaa', 'Mahgoub']);

    click(screen.byTestId('try-without-birth')!);
    await settle();
    expect(JSON.parse(fetchMock.mock.calls[1]![1]!.body as string)).toEqual({ query: 'Naglaa Mahgoub', limit: 50 });
    expect((screen.byTestId('search-birth-year') as HTMLInputElement).value).toBe('');
    expect(screen.byTestId('try-without-birth')).toBeNull();

    click(screen.allByTestId('try-one-name')[1]!);
    await settle();
    expect(JSON.parse(fetchMock.mock.calls[2]![1]!.body as string)).toEqual({ query: 'Mahgoub', limit: 50 });
    expect(screen.byTestId('try-one-name')).toBeNull();
  });

  it('keeps the card code pattern whole and left to right in Arabic', () => {
    const screen = mount(<SearchScreen />, 'ar');
    const pattern = screen.byTestId('code-pattern');
    expect(pattern?.textContent).toBe('(XXXX-XXXX)');
    expect(pattern?.tagName).toBe('BDI');
    expect(pattern?.getAttribute('dir')).toBe('ltr');
    expect(pattern?.classList.contains('nowrap')).toBe(true);
  });

  it('does not pre-fill the name with a patient code', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), withCheckCharacter('7KQ2M9P'));
    click(screen.byTestId('search-submit'));
    await settle();
    click(screen.byTestId('register-new'));
    expect(takeRegistrationName()).toBe('');
  });

  it('says when no one has the patient code searched for', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<SearchScreen />, 'en');
    const code = withCheckCharacter('7KQ2M9P');
    typeInto(screen.byTestId('search-input'), code.toLowerCase());
    click(screen.byTestId('search-submit'));
    await settle();

    expect(screen.byTestId('search-empty')?.textContent).toContain(`No one has the patient code ${code.slice(0, 4)}-${code.slice(4)}`);
  });

  it('says a mistyped patient code is not valid and searches nothing', async () => {
    const code = withCheckCharacter('7KQ2M9P');
    const wrong = code.slice(0, 7) + (code.endsWith('0') ? '1' : '0');
    const screen = mount(<SearchScreen />, 'en');
    typeInto(screen.byTestId('search-input'), `${wrong.slice(0, 4)}-${wrong.slice(4)}`);
    click(screen.byTestId('search-submit'));
    await settle();

    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.container.textContent).toContain('This patient code is not valid');
  });
});
