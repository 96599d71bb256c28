import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { OutsideScope } from './OutsideScope';

const PERSON = '0190f1c2-0000-7000-8000-000000000010';

describe('a person followed at another site', () => {
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

  it('is taken into care at the current site', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: PERSON }));
    const opened = vi.fn();
    const screen = mount(<OutsideScope personId={PERSON} onOpened={opened} />, 'en');

    expect(screen.byTestId('take-into-care')?.textContent).toContain('Clinique mobile Calais');
    click(screen.byTestId('take-into-care'));
    await settle();

    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/people/${PERSON}/care-sites`);
    expect(fetchMock.mock.calls[0]![1]?.method).toBe('POST');
    expect(opened).toHaveBeenCalledOnce();
  });

  it('breaks the glass after the user confirms who they are, then retries', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse({ status: 403, code: 'reauthentication-required', detail: 'Confirm who you are' }, 403),
      )
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse({ id: 'grant' }, 201));
    const opened = vi.fn();
    const screen = mount(<OutsideScope personId={PERSON} onOpened={opened} />, 'en');

    typeInto(screen.byTestId('emergency-reason'), 'Unconscious, need treatment history');
    click(screen.byTestId('emergency-submit'));
    await settle();
    expect(screen.byTestId('confirm-identity')).not.toBeNull();
    expect(opened).not.toHaveBeenCalled();

    typeInto(screen.byTestId('confirm-password'), 'my own password');
    click(screen.byTestId('confirm-submit'));
    await settle();

    const calls = fetchMock.mock.calls.map(([url, init]) => [url, JSON.parse(String(init?.body))]);
    expect(calls).toEqual([
      [`/api/people/${PERSON}/emergency-access`, { reason: 'Unconscious, need treatment history' }],
      ['/api/session/reauthentication', { password: 'my own password' }],
      [`/api/people/${PERSON}/emergency-access`, { reason: 'Unconscious, need treatment history' }],
    ]);
    expect(opened).toHaveBeenCalledOnce();
  });

  it('shows a data officer no way in', () => {
    const dataOfficer = { ...SESSION, user: { ...SESSION.user, roles: ['DATA_OFFICER' as const] } };
    const screen = mount(<OutsideScope personId={PERSON} onOpened={() => {}} />, 'en', dataOfficer);

    expect(screen.byTestId('take-into-care')).toBeNull();
    expect(screen.byTestId('emergency-submit')).toBeNull();
  });
});
