import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LINE, formatDose, type Medicine, type PrescriptionLine } from '../coding';
import { applyLanguage } from '../i18n';
import { jsonResponse, mount, settle, typeInto } from '../test/render';
import { act } from 'preact/test-utils';
import { DosageEditor } from './DosageEditor';
import { DosagePictograms } from './DosagePictograms';

const AMOXICILLIN: Medicine = {
  code: 'amoxicillin-500-caps',
  atc: 'J01CA04',
  name: { fr: 'amoxicilline', en: 'amoxicillin' },
  form: { code: 'capsule', labels: { fr: 'gélule', en: 'capsule', ar: 'كبسولة' } },
  strength: '500 mg',
  unit: {
    code: 'capsule',
    one: { fr: 'gélule', en: 'capsule', ar: 'كبسولة' },
    other: { fr: 'gélules', en: 'capsules', ar: 'كبسولات' },
  },
};

describe('the dosage editor', () => {
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

  it('picks a medicine from the formulary and takes the dose at each time of day, the days and instructions', async () => {
    fetchMock.mockResolvedValue(jsonResponse([AMOXICILLIN]));
    const lines: PrescriptionLine[] = [];
    function Editor() {
      const [line, setLine] = useState(EMPTY_LINE);
      return (
        <DosageEditor
          id="line-0"
          value={line}
          delay={0}
          onChange={(next) => {
            lines.push(next);
            setLine(next);
          }}
        />
      );
    }
    const editor = mount(<Editor />, 'fr');

    typeInto(editor.byTestId('line-0-medicine-input'), 'amox');
    await settle();
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe('/api/medicines?q=amox&limit=12');
    act(() => {
      editor.byTestId('line-0-medicine-option')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    await settle();
    typeInto(editor.byTestId('line-0-morning'), '1');
    typeInto(editor.byTestId('line-0-evening'), '1,5');
    typeInto(editor.byTestId('line-0-days'), '7');
    typeInto(editor.byTestId('line-0-instructions'), 'Pendant le repas');

    expect(lines.at(-1)).toEqual({
      medicineCode: 'amoxicillin-500-caps',
      morning: 1,
      noon: 0,
      evening: 1.5,
      night: 0,
      days: 7,
      instructions: 'Pendant le repas',
    });
    expect(editor.byTestId('line-0-medicine-chosen')!.textContent).toContain('amoxicilline');
    expect(editor.byTestId('pictogram-noon')!.getAttribute('data-taken')).toBe('false');
    expect(editor.byTestId('pictogram-morning')!.getAttribute('data-taken')).toBe('true');
    expect(editor.container.textContent).toContain('gélule');
  });

  it('shows a line’s doses under their pictograms, crossing out the times with none', () => {
    const view = mount(
      <DosagePictograms morning={1} noon={0} evening={0.5} night={2} unit={(n) => (n >= 2 ? 'comprimés' : 'comprimé')} />,
      'fr',
    );

    expect(view.byTestId('dosage-morning')!.textContent).toBe('1comprimé');
    expect(view.byTestId('dosage-evening')!.textContent).toBe('½comprimé');
    expect(view.byTestId('dosage-night')!.textContent).toBe('2comprimés');
    expect(view.byTestId('dosage-noon')!.querySelector('svg')!.getAttribute('data-taken')).toBe('false');
    expect(view.byTestId('dosage-noon')!.querySelector('svg')!.getAttribute('aria-label')).toBe('Midi');
    expect(formatDose(1.25)).toBe('1¼');
  });
});
