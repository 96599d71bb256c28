import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { Session } from '../types';
import { AuditPanel } from './AuditPanel';

const ADMIN: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['ADMINISTRATOR'] },
  secondFactor: { required: true, enrolled: true },
} as Session;

describe('the audit panel', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:audit', revokeObjectURL: () => {} }));
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('exports the whole log after the administrator confirms who they are, and offers the file', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 403, code: 'reauthentication-required' }, 403));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(
      new Response('{"type":"export"}\n', {
        status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="passerelle-audit-2026-12-07.jsonl"' },
      }),
    );
    const screen = mount(<AuditPanel />, 'en', ADMIN);

    click(screen.byTestId('admin-audit-export'));
    await settle();
    typeInto(screen.byTestId('confirm-password'), 'quiet river under stone');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'POST /api/audit/export',
      'POST /api/session/reauthentication',
      'POST /api/audit/export',
    ]);
    const save = screen.byTestId('admin-audit-save');
    expect(save?.getAttribute('download')).toBe('passerelle-audit-2026-12-07.jsonl');
    expect(save?.getAttribute('href')).toBe('blob:audit');
  });
});
