import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, SITE, typeInto } from '../test/render';
import { LineListScreen } from './LineListScreen';

const clinician = { ...SESSION, user: { ...SESSION.user, roles: ['CLINICIAN' as const] } };
const CHOLERA = {
  code: 'cholera', prefix: 'CHO', ring: true, thresholds: [], severities: [],
  names: { fr: 'Choléra', en: 'Cholera', ar: 'الكوليرا' },
  severityLabel: { fr: 'Déshydratation', en: 'Dehydration', ar: 'الجفاف' },
  definitions: { SUSPECTED: { fr: 'Diarrhée aqueuse aiguë', en: 'Acute watery diarrhoea', ar: 'إسهال' } },
};
const CURVE = {
  disease: 'cholera',
  weeks: [
    { week: '2026-W48', weekStart: '2026-11-23', counts: { SUSPECTED: 2, PROBABLE: 0, CONFIRMED: 1, DISCARDED: 0 } },
    { week: '2026-W49', weekStart: '2026-11-30', counts: { SUSPECTED: 0, PROBABLE: 0, CONFIRMED: 0, DISCARDED: 0 } },
  ],
};

describe('the line-list screen', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const posted: unknown[] = [];

  beforeEach(() => {
    applyLanguage('ar');
    posted.length = 0;
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return jsonResponse({}, 201);
      }
      if (url.endsWith('/diseases')) return jsonResponse([CHOLERA]);
      if (url.includes('/epicurve')) return jsonResponse(CURVE);
      if (url.includes('/figures')) return jsonResponse({ disease: 'cholera', cases: 3, deaths: 1, caseFatalityPercent: 33.33, places: [] });
      return jsonResponse([]);
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('says there is no case instead of showing an empty table', async () => {
    const screen = mount(<LineListScreen />, 'fr', clinician);
    await settle();

    expect(screen.byTestId('no-cases')).not.toBeNull();
    expect(screen.byTestId('line-list')).toBeNull();
  });

  it('draws the weekly curve and records an anonymous case at the site, in Arabic', async () => {
    const screen = mount(<LineListScreen />, 'ar', clinician);
    await settle();

    const weeks = screen.container.querySelectorAll('[data-testid="epicurve-week"]');
    expect([...weeks].map((week) => week.getAttribute('data-total'))).toEqual(['3', '0']);
    expect(weeks[0]?.querySelectorAll('rect')).toHaveLength(2);
    expect(screen.byTestId('figure-cfr')?.textContent).toBe('33.33 %');

    click(screen.byTestId('add-case'));
    await settle();
    typeInto(screen.byTestId('case-onset'), '2026-12-01');
    choose(screen.byTestId('case-sex'), 'FEMALE');
    typeInto(screen.byTestId('case-age'), '7');
    click(screen.byTestId('save-case'));
    await settle();

    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ disease: 'cholera', siteId: SITE.id, classification: 'SUSPECTED', onsetOn: '2026-12-01', sex: 'FEMALE', ageYears: 7 });
    expect(JSON.stringify(posted[0])).not.toContain('name');
  });
});
