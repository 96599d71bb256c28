import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, SITE, typeInto } from '../test/render';
import { PlacesPanel } from './PlacesPanel';
import type { StockLocation } from './stockApi';

const PHARMACY = { id: '0190f1c2-0000-7000-8000-0000000000a1', siteId: SITE.id, kind: 'PHARMACY' as const, name: 'Pharmacie', version: 3 };
const logistician = { ...SESSION, user: { ...SESSION.user, roles: ['LOGISTICIAN' as const] } };

describe('the places panel', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const calls: Array<{ url: string; method: string; body: unknown }> = [];

  beforeEach(() => {
    applyLanguage('fr');
    calls.length = 0;
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (input, init) => {
      const call = { url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null };
      calls.push(call);
      if (call.url.endsWith('/close')) {
        return jsonResponse({ status: 409, code: 'stock-location-not-empty', detail: 'Ce lieu contient encore des articles.' }, 409);
      }
      if (call.method === 'PUT') return jsonResponse({ ...PHARMACY, name: 'Pharmacie du port', version: 4 });
      return jsonResponse({ ...(call.body as object), version: 1 }, 201);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('adds a place at a site of the user with an id made here, and renames one from the version read', async () => {
    const changed = vi.fn();
    const screen = mount(<PlacesPanel locations={[PHARMACY]} onChanged={changed} />, 'fr', logistician);
    choose(screen.byTestId('stock-place-kind'), 'MOBILE_BAG');
    typeInto(screen.container.querySelector('#stock-place-name') as HTMLElement, 'Sac de l’équipe');
    click(screen.byTestId('stock-add-place-save'));
    await settle();
    click(screen.byTestId('stock-rename'));
    typeInto(screen.container.querySelector(`#stock-rename-${PHARMACY.id}`) as HTMLElement, 'Pharmacie du port');
    click(screen.byTestId('stock-rename-save'));
    await settle();

    expect(calls[0]).toMatchObject({ url: '/api/stock/locations', method: 'POST', body: { siteId: SITE.id, kind: 'MOBILE_BAG', name: 'Sac de l’équipe' } });
    expect(calls[1]).toMatchObject({ url: `/api/stock/locations/${PHARMACY.id}`, method: 'PUT', body: { name: 'Pharmacie du port', version: 3 } });
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('stays open on the first place added, saying it was added', async () => {
    function Home() {
      const [places, setPlaces] = useState<StockLocation[]>([]);
      return <PlacesPanel locations={places} onChanged={() => setPlaces([PHARMACY])} />;
    }
    const screen = mount(<Home />, 'fr', logistician);
    expect((screen.byTestId('stock-places') as HTMLDetailsElement).open).toBe(true);
    typeInto(screen.container.querySelector('#stock-place-name') as HTMLElement, 'Pharmacie');
    click(screen.byTestId('stock-add-place-save'));
    await settle();

    expect(screen.allByTestId('stock-place')).toHaveLength(1);
    expect((screen.byTestId('stock-places') as HTMLDetailsElement).open).toBe(true);
    expect(screen.byTestId('stock-place-done')?.textContent).toBe('Lieu ajouté.');
  });

  it('says why a place holding goods is not closed', async () => {
    const changed = vi.fn();
    const screen = mount(<PlacesPanel locations={[PHARMACY]} onChanged={changed} />, 'fr', logistician);
    click(screen.byTestId('stock-close'));
    await settle();

    expect(screen.byTestId('form-error')?.textContent).toContain('contient encore des articles');
    expect(changed).not.toHaveBeenCalled();
  });
});
