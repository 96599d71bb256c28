import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { RightsSection } from './RightsSection';

const PERSON = '0190f1c2-0000-7000-8000-000000000051';
const SOCIAL = { ...SESSION, user: { ...SESSION.user, roles: ['SOCIAL_LEGAL_WORKER' as const] } };
const GRANTED = {
  id: '0190f1c2-0000-7000-8000-000000000052',
  domain: 'COVERAGE',
  kind: 'AME_GRANTED',
  occurredOn: '2026-11-02',
  validUntil: '2027-11-01',
  documents: ['PROOF_OF_IDENTITY'],
  recordedAt: '2026-11-02T10:00:00Z',
  recordedBy: 'Sara',
  version: 1,
};

describe('the rights file on a person’s page', () => {
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

  it('lets a social worker record AME granted, sending no age with a coverage step', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(jsonResponse(GRANTED, 201))
      .mockResolvedValueOnce(jsonResponse([GRANTED]));
    const screen = mount(<RightsSection personId={PERSON} />, 'en', SOCIAL);
    await settle();

    choose(screen.byTestId('rights-kind'), 'AME_GRANTED');
    typeInto(screen.byTestId('rights-date'), '2026-11-02');
    expect(screen.byTestId('rights-declared-age')).toBeNull();
    click(screen.byTestId('rights-save'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/rights/people/${PERSON}/steps`);
    const sent = JSON.parse(String(init?.body));
    expect(sent).toMatchObject({ kind: 'AME_GRANTED', occurredOn: '2026-11-02', documents: [] });
    expect(sent).not.toHaveProperty('assessedAge');
    expect(screen.byTestId('rights-step')?.textContent).toContain('AME granted');
  });

  it('shows other carers only whether the person is covered, not by which scheme', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 'COVERED', until: '2027-11-01' }));
    const screen = mount(<RightsSection personId={PERSON} />, 'en');
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/rights/people/${PERSON}/coverage`);
    expect(screen.byTestId('rights-coverage')?.textContent).toContain('Covered');
    expect(screen.byTestId('rights-coverage')?.textContent).not.toContain('AME');
    expect(screen.byTestId('rights-form')).toBeNull();
  });
});
