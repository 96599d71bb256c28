import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle } from '../test/render';
import type { EmergencyAccess, Session } from '../types';
import { EmergencyAccessScreen } from './EmergencyAccessScreen';

const COORDINATOR: Session = { ...SESSION, user: { ...SESSION.user, roles: ['COORDINATOR'] } };

const TAKEN: EmergencyAccess = {
  id: '0190f1c2-0000-7000-8000-0000000000e1',
  kind: 'TAKEN_INTO_CARE',
  personId: '0190f1c2-0000-7000-8000-0000000000e2',
  patientCode: '7K3MQ9TX',
  userId: '0190f1c2-0000-7000-8000-0000000000e3',
  userName: 'Yann',
  reason: 'Moved to our shelter this week',
  grantedAt: '2026-03-12T09:00:00Z',
  expiresAt: '2026-03-12T09:00:00Z',
  active: false,
};

describe('the accesses to review', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=token-1';
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('lists a taking into care from another site with its reason, and lets another user review it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([TAKEN]));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<EmergencyAccessScreen />, 'en', COORDINATOR);
    await settle();

    expect(screen.byTestId('emergency-kind')?.textContent).toBe('Taken into care from another site');
    expect(screen.byTestId('emergency-row')?.textContent).toContain('Moved to our shelter this week');
    click(screen.byTestId('emergency-review'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(`${init?.method} ${url}`).toBe(`POST /api/emergency-access/${TAKEN.id}/review`);
    expect(screen.byTestId('emergency-empty')).not.toBeNull();
  });
});
