import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { forgetEverything, takeRegistrationName } from '../memory';
import { withCheckCharacter } from '../patientCode';
import { click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { SearchScreen } from './SearchScreen';

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

  it('does not pre-fill the name with a patient code', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<SearchScreen />);
    typeInto(screen.byTestId('search-input'), withCheckCharacter('7KQ2M9P'));
    click(screen.byTestId('search-submit'));
    await settle();
    click(screen.byTestId('register-new'));
    expect(takeRegistrationName()).toBe('');
  });
});
