import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { KeyRotationStatus, Session } from '../types';
import { KeyRotationPanel } from './KeyRotationPanel';

const ADMIN: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['ADMINISTRATOR'] },
  secondFactor: { required: true, enrolled: true },
} as Session;

const PENDING: KeyRotationStatus = {
  epoch: 3,
  since: '2026-03-01T03:00:00Z',
  erasurePendingSince: '2026-03-09T10:00:00Z',
  dueAt: '2026-03-16T10:00:00Z',
  maxDelayDays: 7,
};

describe('the key rotation panel', () => {
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

  it('asks the administrator to tick the warning and confirm who they are, then rotates', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(PENDING));
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 403, code: 'reauthentication-required' }, 403));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(jsonResponse({ epoch: 4, keysRewrapped: 10, personsIndexed: 12, millis: 80 }));
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ ...PENDING, epoch: 4, erasurePendingSince: null, dueAt: null, since: '2026-03-10T10:00:00Z' }),
    );
    const screen = mount(<KeyRotationPanel />, 'en', ADMIN);
    await settle();

    expect(screen.byTestId('key-rotation-epoch')?.textContent).toBe('3');
    expect(screen.byTestId('key-rotation-panel')?.textContent).toContain('7 days after an erasure');
    expect(screen.byTestId('key-rotation-rotate')?.hasAttribute('disabled')).toBe(true);
    click(screen.byTestId('key-rotation-confirm'));
    click(screen.byTestId('key-rotation-rotate'));
    await settle();
    typeInto(screen.byTestId('confirm-password'), 'quiet river under stone');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/key-rotation',
      'POST /api/key-rotation',
      'POST /api/session/reauthentication',
      'POST /api/key-rotation',
      'GET /api/key-rotation',
    ]);
    expect(screen.byTestId('key-rotation-result')?.textContent).toBe('Keys rotated: epoch 4, 12 persons indexed again.');
    expect(screen.byTestId('key-rotation-epoch')?.textContent).toBe('4');
  });
});
