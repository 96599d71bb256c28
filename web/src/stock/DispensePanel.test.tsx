import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle, SITE, typeInto } from '../test/render';
import { DispensePanel } from './DispensePanel';

const ENCOUNTER = '0190f1c2-0000-7000-8000-0000000000e1';
const PHARMACY = { id: '0190f1c2-0000-7000-8000-0000000000a1', siteId: SITE.id, kind: 'PHARMACY', name: 'Pharmacie', version: 1 };
const ELSEWHERE = { id: '0190f1c2-0000-7000-8000-0000000000c2', siteId: '0190f1c2-0000-7000-8000-000000000999', kind: 'PHARMACY', name: 'Ailleurs', version: 1 };
const AMOXICILLIN = { code: 'amoxicillin-500-caps', category: 'MEDICINE', nameFr: 'amoxicilline 500 mg', nameEn: 'amoxicillin 500 mg', nameAr: 'أموكسيسيلين', unit: 'capsule', packSize: 1, components: [] };

describe('dispensing a prescription from the consultation', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let posted: unknown = null;

  beforeEach(() => {
    applyLanguage('fr');
    posted = null;
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/stock/items') return jsonResponse([AMOXICILLIN]);
      if (url === '/api/stock/locations') return jsonResponse([ELSEWHERE, PHARMACY]);
      if (url.startsWith(`/api/stock/locations/${PHARMACY.id}/proposal`)) {
        return url.includes('quantity=21')
          ? jsonResponse([{ lot: 'SOON', expiresOn: '2027-01-31', quantity: 21 }])
          : jsonResponse({ status: 409, code: 'stock-insufficient', detail: 'Pas assez.' }, 409);
      }
      if (url === `/api/stock/locations/${PHARMACY.id}/balances?itemCode=amoxicillin-500-caps`) {
        return jsonResponse({
          lots: [
            { locationId: PHARMACY.id, itemCode: 'amoxicillin-500-caps', lot: 'OLD', expiresOn: '2020-01-31', quantity: 50 },
            { locationId: PHARMACY.id, itemCode: 'amoxicillin-500-caps', lot: 'SOON', expiresOn: '2027-01-31', quantity: 30 },
            { locationId: PHARMACY.id, itemCode: 'amoxicillin-500-caps', lot: 'LATER', expiresOn: '2028-06-30', quantity: 10 },
          ],
          totalLots: 3,
          totalItems: 1,
          totalUnits: 90,
          nextAfter: null,
        });
      }
      if (url === '/api/stock/dispensings' && init?.method === 'POST') {
        posted = JSON.parse(String(init.body));
        return jsonResponse({ id: 'x', movements: [{ lot: 'SOON', quantity: -21 }] }, 201);
      }
      return jsonResponse({ status: 404, code: 'not-found' }, 404);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('proposes the lot expiring first for what was prescribed, from a place of the site, and dispenses it once', async () => {
    const screen = mount(<DispensePanel encounterId={ENCOUNTER} lines={[{ line: 0, medicine: 'amoxicillin-500-caps', prescribed: 21 }]} />);
    click(screen.byTestId('dispense-open'));
    await settle();

    expect([...(screen.byTestId('dispense-place') as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Pharmacie']);
    expect((screen.byTestId('dispense-quantity') as HTMLInputElement).value).toBe('21');
    expect(screen.byTestId('dispense-proposal')?.textContent).toContain('SOON');
    click(screen.byTestId('dispense-save'));
    await settle();

    expect(posted).toMatchObject({ encounterId: ENCOUNTER, line: 0, locationId: PHARMACY.id, quantity: 21 });
    expect((posted as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.byTestId('dispense-done')?.textContent).toContain('SOON × 21');
  });

  it('says how many are left and how many are missing when the place holds too little, and does not dispense', async () => {
    const screen = mount(<DispensePanel encounterId={ENCOUNTER} lines={[{ line: 0, medicine: 'amoxicillin-500-caps', prescribed: 21 }]} />, 'ar');
    click(screen.byTestId('dispense-open'));
    await settle();
    typeInto(screen.byTestId('dispense-quantity'), '50');
    await settle();

    expect(screen.byTestId('dispense-shortfall')?.textContent).toContain('يتبقى 40');
    expect(screen.byTestId('dispense-shortfall')?.textContent).toContain('ينقص 10');
    expect((screen.byTestId('dispense-save') as HTMLButtonElement).disabled).toBe(true);
    expect(posted).toBeNull();
  });

  it('dispenses from the lot in hand when the user names it, expired lots not offered, within what that lot holds', async () => {
    const screen = mount(<DispensePanel encounterId={ENCOUNTER} lines={[{ line: 0, medicine: 'amoxicillin-500-caps', prescribed: 21 }]} />);
    click(screen.byTestId('dispense-open'));
    await settle();

    const lots = screen.byTestId('dispense-lot') as HTMLSelectElement;
    expect([...lots.options].map((option) => option.value)).toEqual(['', 'SOON', 'LATER']);
    choose(lots, 'LATER');
    await settle();
    expect(screen.byTestId('dispense-shortfall')?.textContent).toContain('il en reste 10, il en manque 11');
    expect(screen.byTestId('dispense-proposal')).toBeNull();
    typeInto(screen.byTestId('dispense-quantity'), '8');
    await settle();
    click(screen.byTestId('dispense-save'));
    await settle();

    expect(posted).toMatchObject({ lot: 'LATER', quantity: 8 });
  });
});
