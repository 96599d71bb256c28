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

  it('is taken into care at the current site with a reason and the code on the person’s card', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: PERSON }));
    const opened = vi.fn();
    const screen = mount(<OutsideScope personId={PERSON} onOpened={opened} />, 'en');

    expect(screen.byTestId('take-into-care')?.textContent).toContain('Clinique mobile Calais');
    click(screen.byTestId('take-into-care'));
    expect((screen.byTestId('care-submit') as HTMLButtonElement).disabled).toBe(true);
    typeInto(screen.byTestId('care-reason'), 'Moved to our shelter this week');
    typeInto(screen.byTestId('care-patient-code'), '7k3m-q9tx');
    click(screen.byTestId('care-submit'));
    await settle();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init?.method} ${url}`).toBe(`POST /api/people/${PERSON}/care-sites`);
    expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Moved to our shelter this week', patientCode: '7k3m-q9tx' });
    expect(opened).toHaveBeenCalledOnce();
  });

  it('shows a code that is not the person’s at its field and opens nothing', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        {
          status: 400,
          code: 'patient-code-mismatch',
          detail: 'Type or scan the patient code on the card the person shows you.',
          fieldErrors: [{ field: 'patientCode', code: 'patient-code-mismatch', message: 'Type or scan the patient code on the card the person shows you.' }],
        },
        400,
      ),
    );
    const opened = vi.fn();
    const screen = mount(<OutsideScope personId={PERSON} onOpened={opened} />, 'en');

    click(screen.byTestId('take-into-care'));
    typeInto(screen.byTestId('care-reason'), 'Moved to our shelter this week');
    typeInto(screen.byTestId('care-patient-code'), '0000-0000');
    click(screen.byTestId('care-submit'));
    await settle();

    expect(opened).not.toHaveBeenCalled();
    expect(screen.byTestId('take-into-care-form')?.textContent).toContain('card the person shows you');
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
