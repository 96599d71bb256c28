import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle, typeInto } from '../test/render';
import { MovementForms } from './MovementForms';
import type { StockItem } from './stockApi';

const PLACE = '0190f1c2-0000-7000-8000-0000000000a1';
const item = (code: string, components: { itemCode: string; quantity: number }[] = []) =>
  ({ code, category: 'NON_MEDICAL', nameFr: code, nameEn: code, nameAr: code, unit: 'piece', packSize: 1, entitlement: null, components }) as StockItem;
const ITEMS = [item('soap-bar'), item('toothbrush'), item('hygiene-kit', [{ itemCode: 'toothbrush', quantity: 1 }, { itemCode: 'soap-bar', quantity: 2 }])];

describe('the kit forms of a place', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const posted: { url: string; body: Record<string, unknown> }[] = [];

  beforeEach(() => {
    applyLanguage('en');
    posted.length = 0;
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      posted.push({ url, body });
      if (url === '/api/stock/kits/breakdowns' && body.quantity === 9) {
        return jsonResponse({ status: 409, code: 'stock-insufficient', title: 'Not enough', detail: 'Not enough at this place.' }, 409);
      }
      return jsonResponse({ id: body.id, movements: [] }, 201);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('assembles and breaks down kits, offering only kits and saying what one is made of', async () => {
    const recorded = vi.fn();
    const screen = mount(<MovementForms location={PLACE} locations={[]} items={ITEMS} onRecorded={recorded} />, 'en');
    click(screen.byTestId('stock-tab-assemble'));
    const offered = [...(screen.byTestId('stock-item') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).toEqual(['', 'hygiene-kit']);
    choose(screen.byTestId('stock-item'), 'hygiene-kit');
    expect(screen.byTestId('stock-kit-components')?.textContent).toBe('One kit: 1 × toothbrush, 2 × soap-bar.');
    typeInto(screen.container.querySelector('#stock-quantity'), '3');
    click(screen.byTestId('stock-save'));
    await settle();

    click(screen.byTestId('stock-tab-breakdown'));
    typeInto(screen.container.querySelector('#stock-quantity'), '9');
    click(screen.byTestId('stock-save'));
    await settle();
    expect(screen.container.textContent).toContain('Not enough at this place.');
    typeInto(screen.container.querySelector('#stock-quantity'), '1');
    click(screen.byTestId('stock-save'));
    await settle();

    expect(posted.map((one) => one.url)).toEqual(['/api/stock/kits/assemblies', '/api/stock/kits/breakdowns', '/api/stock/kits/breakdowns']);
    expect(posted[0]?.body).toMatchObject({ locationId: PLACE, kitCode: 'hygiene-kit', quantity: 3 });
    expect(posted[2]?.body).toMatchObject({ locationId: PLACE, kitCode: 'hygiene-kit', quantity: 1 });
    expect(posted[1]?.body.id).not.toEqual(posted[2]?.body.id);
    expect(recorded).toHaveBeenCalledTimes(2);
    expect(screen.byTestId('stock-recorded')).not.toBeNull();
  });
});
