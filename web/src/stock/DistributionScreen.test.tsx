import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, SITE, typeInto } from '../test/render';
import { DistributionScreen } from './DistributionScreen';

const STORE = { id: '0190f1c2-0000-7000-8000-0000000000a1', siteId: SITE.id, kind: 'MOBILE_BAG', name: 'Sac', version: 1 };
const PERSON = '0190f1c2-0000-7000-8000-0000000000d1';
const item = (code: string, entitlement: { quantity: number; days: number } | null) => ({
  code,
  category: 'NON_MEDICAL',
  nameFr: code,
  nameEn: code,
  nameAr: code,
  unit: 'piece',
  packSize: 1,
  entitlement,
  components: [],
});
const ITEMS = [item('sleeping-bag', { quantity: 1, days: 30 }), item('blanket', { quantity: 1, days: 30 }), item('soap-bar', null)];

describe('the distribution screen', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let posted: Record<string, unknown> | null = null;

  beforeEach(() => {
    applyLanguage('fr');
    posted = null;
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/stock/items') return jsonResponse(ITEMS);
      if (url === '/api/stock/locations') return jsonResponse([STORE]);
      if (url === '/api/people/search') {
        return jsonResponse([{ id: PERSON, chosenName: 'Awa', patientCode: 'ABCD-EFGH', inScope: true, otherNames: [], sex: 'FEMALE' }]);
      }
      if (url === `/api/stock/people/${PERSON}/distributions`) {
        return jsonResponse([{ distributionId: 'd', itemCode: 'sleeping-bag', quantity: 1, occurredAt: new Date().toISOString(), siteId: SITE.id }]);
      }
      if (url === '/api/stock/distributions' && init?.method === 'POST') {
        posted = JSON.parse(String(init.body));
        return jsonResponse({ id: posted!.id, movements: [] }, 201);
      }
      return jsonResponse({ status: 404, code: 'not-found' }, 404);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('hands goods to a person found by card code, after showing what their entitlements still allow', async () => {
    const screen = mount(<DistributionScreen />);
    await settle();
    typeInto(screen.byTestId('distribute-query'), 'ABCD-EFGH');
    click(screen.byTestId('distribute-search'));
    await settle();
    click(screen.byTestId('distribute-choose'));
    await settle();

    const entitled = screen.allByTestId('distribute-entitled').map((line) => line.textContent);
    expect(entitled[0]).toContain('peut encore recevoir 0');
    expect(entitled[1]).toContain('peut encore recevoir 1');
    choose(screen.byTestId('distribute-item'), 'blanket');
    click(screen.byTestId('distribute-save'));
    await settle();

    expect(posted).toMatchObject({ locationId: STORE.id, personId: PERSON, items: [{ itemCode: 'blanket', quantity: 1 }] });
    expect(posted!.counts).toBeUndefined();
    expect(screen.byTestId('distribute-done')).not.toBeNull();
  });

  it('lets a logistician count a group by sex and age group, without names', async () => {
    const logistician = { ...SESSION, user: { ...SESSION.user, roles: ['LOGISTICIAN' as const] } };
    const screen = mount(<DistributionScreen />, 'ar', logistician);
    await settle();

    expect(screen.byTestId('distribute-to-person')).toBeNull();
    expect(screen.byTestId('distribute-query')).toBeNull();
    choose(screen.byTestId('distribute-item'), 'soap-bar');
    typeInto(screen.byTestId('distribute-quantity'), '12');
    typeInto(screen.byTestId('distribute-count-people'), '9');
    click(screen.byTestId('distribute-add-count'));
    choose(screen.allByTestId('distribute-count-age')[1]!, '05-14');
    typeInto(screen.allByTestId('distribute-count-people')[1]!, '3');
    click(screen.byTestId('distribute-save'));
    await settle();

    expect(posted).toMatchObject({
      locationId: STORE.id,
      items: [{ itemCode: 'soap-bar', quantity: 12 }],
      counts: [
        { sex: 'FEMALE', ageGroup: '18+', people: 9 },
        { sex: 'MALE', ageGroup: '05-14', people: 3 },
      ],
    });
    expect(posted!.personId).toBeUndefined();
  });
});
