import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnosis, DiagnosisChapter } from '../coding';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { DiagnosesScreen } from './DiagnosesScreen';

const CHAPTERS: DiagnosisChapter[] = [
  { numeral: 'I', first: 'A00', last: 'B99', title: { fr: 'Maladies infectieuses', en: 'Infectious diseases', ar: 'الأمراض المعدية' }, diagnoses: 80 },
  { numeral: 'V', first: 'F00', last: 'F99', title: { fr: 'Troubles mentaux', en: 'Mental disorders', ar: 'الاضطرابات النفسية' }, diagnoses: 50 },
];
const SCABIES: Diagnosis = {
  code: 'B86',
  chapter: 'I',
  block: 'B85-B89',
  labels: { fr: 'Gale', en: 'Scabies', ar: 'الجرب' },
  favourite: false,
};
const LICE: Diagnosis = {
  code: 'B85.0',
  chapter: 'I',
  block: 'B85-B89',
  labels: { fr: 'Pédiculose due à Pediculus humanus capitis', en: 'Head lice', ar: 'قمل الرأس' },
  favourite: true,
};

describe('the diagnoses screen', () => {
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

  it('shows the site’s favourites and stars a diagnosis found by a search', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(CHAPTERS))
      .mockResolvedValueOnce(jsonResponse([LICE]))
      .mockResolvedValueOnce(jsonResponse([SCABIES]))
      .mockResolvedValueOnce(jsonResponse([LICE, { ...SCABIES, favourite: true }]));
    const screen = mount(<DiagnosesScreen delay={0} />, 'fr');
    await settle();

    expect(screen.allByTestId('favourite-row').map((row) => row.textContent)).toEqual([
      '★B85.0Pédiculose due à Pediculus humanus capitis',
    ]);
    typeInto(screen.byTestId('diagnoses-search'), 'gale');
    await settle();
    expect(String(fetchMock.mock.calls[2]![0])).toBe('/api/diagnoses?q=gale&limit=200');
    const star = screen.byTestId('diagnoses-results')!.querySelector<HTMLElement>('[data-testid="diagnosis-star"]');
    expect(star!.getAttribute('aria-pressed')).toBe('false');
    expect(star!.getAttribute('aria-label')).toBe('Ajouter B86 aux favoris du site');

    click(star);
    await settle();

    const [url, init] = fetchMock.mock.calls[3]!;
    expect(url).toBe('/api/diagnoses/favourites/B86');
    expect(init?.method).toBe('PUT');
    expect(screen.allByTestId('favourite-row')).toHaveLength(2);
    expect(star!.getAttribute('aria-pressed')).toBe('true');
  });

  it('browses a chapter and unstars a favourite', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(CHAPTERS))
      .mockResolvedValueOnce(jsonResponse([LICE]))
      .mockResolvedValueOnce(jsonResponse([LICE, SCABIES]))
      .mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<DiagnosesScreen delay={0} />, 'en');
    await settle();

    choose(screen.byTestId('diagnoses-chapter'), 'I');
    await settle();
    expect(String(fetchMock.mock.calls[2]![0])).toBe('/api/diagnoses?q=&limit=200&chapter=I');
    expect(screen.allByTestId('diagnosis-row')).toHaveLength(2);

    click(screen.byTestId('favourite-row')!.querySelector<HTMLElement>('[data-testid="diagnosis-star"]'));
    await settle();

    expect(fetchMock.mock.calls[3]![0]).toBe('/api/diagnoses/favourites/B85.0');
    expect(fetchMock.mock.calls[3]![1]?.method).toBe('DELETE');
    expect(screen.byTestId('favourites-empty')).not.toBeNull();
  });

  it('says why a star could not be saved, in the user’s language', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(CHAPTERS))
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(jsonResponse([SCABIES]))
      .mockResolvedValueOnce(
        jsonResponse({ status: 403, code: 'role-not-allowed', detail: 'Votre rôle ne permet pas cette action.' }, 403),
      );
    const screen = mount(<DiagnosesScreen delay={0} />, 'fr');
    await settle();
    typeInto(screen.byTestId('diagnoses-search'), 'B86');
    await settle();
    click(screen.byTestId('diagnosis-star'));
    await settle();

    expect(screen.byTestId('form-error')!.textContent).toBe('Votre rôle ne permet pas cette action.');
    expect(screen.byTestId('favourites-empty')).not.toBeNull();
  });
});
