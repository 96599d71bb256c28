import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { RetentionReport, Session } from '../types';
import { RetentionPanel } from './RetentionPanel';

const ADMIN: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['ADMINISTRATOR'] },
  secondFactor: { required: true, enrolled: true },
} as Session;

const REPORT: RetentionReport = {
  at: '2026-03-10T03:30:00Z',
  lines: [
    {
      rule: { recordType: 'person', months: 120, enabled: true, version: 2, defaultMonths: 120 },
      cutoff: '2016-03-10T03:30:00Z',
      expired: 3,
      oldest: '2014-07-01T00:00:00Z',
    },
    {
      rule: { recordType: 'audit', months: 72, enabled: false, version: 0, defaultMonths: 72 },
      cutoff: '2020-03-10T03:30:00Z',
      expired: 0,
      oldest: null,
    },
  ],
};

describe('the retention panel', () => {
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

  const rule = (screen: ReturnType<typeof mount>, type: string) =>
    screen.container.querySelector<HTMLElement>(`[data-testid="retention-rule"][data-record-type="${type}"]`)!;

  it('shows each rule with what a purge would remove now', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(REPORT));
    const screen = mount(<RetentionPanel />, 'en', ADMIN);
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe('/api/retention/report');
    const person = rule(screen, 'person');
    expect(person.querySelector('h3')?.textContent).toBe('Persons not seen');
    expect(person.querySelector<HTMLInputElement>('[data-testid="retention-months"]')?.value).toBe('120');
    expect(person.querySelector('[data-testid="retention-expired"]')?.textContent).toBe('3');
    expect(person.textContent).toContain('1 July 2014');
    const audit = rule(screen, 'audit');
    expect(audit.querySelector<HTMLInputElement>('[data-testid="retention-enabled"]')?.checked).toBe(false);
    expect(audit.textContent).toContain('Purge disabled');
  });

  it('saves a rule with the version it read and shows a refused period next to the field', async () => {
    const message = 'must be less than or equal to 600';
    fetchMock.mockResolvedValueOnce(jsonResponse(REPORT));
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        { status: 400, code: 'invalid-input', fieldErrors: [{ field: 'months', code: 'Max', message }] },
        400,
      ),
    );
    const screen = mount(<RetentionPanel />, 'en', ADMIN);
    await settle();

    typeInto(rule(screen, 'person').querySelector('[data-testid="retention-months"]'), '700');
    click(rule(screen, 'person').querySelector('[data-testid="retention-save"]'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/retention/rules/person');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ months: 700, enabled: true, version: 2 });
    const error = rule(screen, 'person').querySelector<HTMLElement>('[data-testid="field-error"]');
    expect(error?.dataset.field).toBe('months');
    expect(error?.textContent).toBe(message);
  });

  it('asks the administrator to confirm who they are, then purges and shows the counts', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(REPORT));
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 403, code: 'reauthentication-required' }, 403));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        at: '2026-03-10T10:00:00Z',
        purged: [
          { recordType: 'person', outcome: 'PURGED', cutoff: '2016-03-10T10:00:00Z', removed: 3 },
          { recordType: 'audit', outcome: 'DISABLED', removed: 0 },
        ],
      }),
    );
    fetchMock.mockResolvedValueOnce(jsonResponse(REPORT));
    const screen = mount(<RetentionPanel />, 'en', ADMIN);
    await settle();

    expect(screen.byTestId('retention-purge')?.hasAttribute('disabled')).toBe(true);
    click(screen.byTestId('retention-purge-confirm'));
    click(screen.byTestId('retention-purge'));
    await settle();

    expect(screen.byTestId('confirm-identity')).not.toBeNull();
    typeInto(screen.byTestId('confirm-password'), 'quiet river under stone');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/retention/report',
      'POST /api/retention/purge',
      'POST /api/session/reauthentication',
      'POST /api/retention/purge',
      'GET /api/retention/report',
    ]);
    expect(screen.byTestId('confirm-identity')).toBeNull();
    const result = screen.byTestId('retention-purge-result')?.textContent;
    expect(result).toContain('Persons not seen: 3 records removed');
    expect(result).toContain('Audit log: purge disabled');
  });
});
