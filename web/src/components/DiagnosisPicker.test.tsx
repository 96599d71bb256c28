import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import type { Diagnosis } from '../coding';
import { jsonResponse, mount, settle, typeInto } from '../test/render';
import { DiagnosisPicker } from './DiagnosisPicker';

const SCABIES: Diagnosis = {
  code: 'B86',
  chapter: 'I',
  block: 'B85-B89',
  labels: { fr: 'Gale', en: 'Scabies', ar: 'الجرب' },
  favourite: true,
};
const PTSD: Diagnosis = {
  code: 'F43.1',
  chapter: 'V',
  block: 'F40-F48',
  labels: { fr: 'État de stress post-traumatique', en: 'Post-traumatic stress disorder', ar: 'اضطراب الكرب التالي للصدمة' },
  favourite: false,
};

function key(element: HTMLElement | null, name: string) {
  act(() => {
    element!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

function Multiple({ initial, changes }: { initial: string[]; changes: string[][] }) {
  const [codes, setCodes] = useState(initial);
  return (
    <DiagnosisPicker
      multiple
      value={codes}
      delay={0}
      onChange={(next) => {
        changes.push(next);
        setCodes(next);
      }}
    />
  );
}

describe('the diagnosis picker', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('lists the site’s favourites first, starred, as soon as it gets the focus', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([SCABIES, PTSD]));
    const changes: string[][] = [];
    const picker = mount(<Multiple initial={[]} changes={changes} />, 'en');

    act(() => picker.byTestId('diagnosis-picker-input')!.focus());
    await settle();

    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/diagnoses?q=&limit=12');
    const options = picker.allByTestId('diagnosis-picker-option');
    expect(options.map((option) => option.textContent)).toEqual(['★ B86 Scabies', 'F43.1 Post-traumatic stress disorder']);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('searches as one types and picks with the keyboard, keeping every code chosen', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(SCABIES)) // the title of the code given
      .mockResolvedValueOnce(jsonResponse([SCABIES, PTSD]));
    const changes: string[][] = [];
    const picker = mount(<Multiple initial={['B86']} changes={changes} />, 'fr');
    await settle();
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/diagnoses/B86');
    expect(picker.byTestId('diagnosis-picker-chosen')!.textContent).toContain('B86 Gale');

    const input = picker.byTestId('diagnosis-picker-input');
    typeInto(input, 'stress');
    await settle();
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe('/api/diagnoses?q=stress&limit=12');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    await settle();

    expect(changes).toEqual([['B86', 'F43.1']]);
    const chosen = picker.allByTestId('diagnosis-picker-chosen').map((item) => item.textContent);
    expect(chosen[1]).toContain('F43.1 État de stress post-traumatique');
    expect(picker.byTestId('diagnosis-picker-options')).toBeNull();
  });

  it('holds one code at most when single, and can clear it', async () => {
    fetchMock.mockResolvedValue(jsonResponse([SCABIES]));
    const chosen: Array<string | null> = [];
    function Single() {
      const [code, setCode] = useState<string | null>(null);
      return (
        <DiagnosisPicker
          value={code}
          delay={0}
          onChange={(next) => {
            chosen.push(next);
            setCode(next);
          }}
        />
      );
    }
    const picker = mount(<Single />, 'ar');

    typeInto(picker.byTestId('diagnosis-picker-input'), 'جرب');
    await settle();
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe(`/api/diagnoses?q=${encodeURIComponent('جرب')}&limit=12`);
    act(() => {
      picker.byTestId('diagnosis-picker-option')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    await settle();

    expect(chosen).toEqual(['B86']);
    expect(picker.byTestId('diagnosis-picker-chosen')!.textContent).toContain('الجرب');
    expect(picker.byTestId('diagnosis-picker-input')).toBeNull();
    act(() => picker.byTestId('diagnosis-picker-remove')!.click());
    expect(chosen).toEqual(['B86', null]);
  });

  it('drops the answer to an earlier query that arrives after a later one', async () => {
    let answerFirst: (response: Response) => void = () => {};
    fetchMock
      .mockImplementationOnce(() => new Promise<Response>((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce(jsonResponse([PTSD]));
    const picker = mount(<Multiple initial={[]} changes={[]} />, 'en');

    typeInto(picker.byTestId('diagnosis-picker-input'), 'ga');
    await settle();
    typeInto(picker.byTestId('diagnosis-picker-input'), 'stress');
    await settle();
    answerFirst(jsonResponse([SCABIES]));
    await settle();

    expect(picker.allByTestId('diagnosis-picker-option').map((o) => o.textContent)).toEqual([
      'F43.1 Post-traumatic stress disorder',
    ]);
  });
});
