import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { Session } from '../types';
import { ErasePerson } from './ErasePerson';

const PERSON = '0190f1c2-0000-7000-8000-0000000000dd';

const DATA_OFFICER: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['DATA_OFFICER'] },
  secondFactor: { enrolled: true, required: true },
};

describe('the erasure of a person', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=token-1';
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('asks the user to confirm who they are, with password and code, then erases', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 403, code: 'reauthentication-required', detail: 'Confirmez votre identité.' }, 403),
    );
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    const screen = mount(<ErasePerson personId={PERSON} />, 'fr', DATA_OFFICER);

    choose(screen.byTestId('erasure-reason'), 'PERSON_REQUEST');
    click(screen.byTestId('erasure-confirm'));
    click(screen.byTestId('erasure-submit'));
    await settle();
    expect(screen.byTestId('confirm-identity')).not.toBeNull();
    typeInto(screen.byTestId('confirm-password'), 'trois mots simples');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`);
    expect(calls).toEqual([
      `POST /api/people/${PERSON}/erasure`,
      'POST /api/session/reauthentication',
      `POST /api/people/${PERSON}/erasure`,
    ]);
    expect(JSON.parse(fetchMock.mock.calls[1]![1]?.body as string)).toEqual({
      password: 'trois mots simples',
      code: '123456',
    });
    expect(JSON.parse(fetchMock.mock.calls[2]![1]?.body as string)).toEqual({ reason: 'PERSON_REQUEST' });
    expect(screen.byTestId('confirm-identity')).toBeNull();
  });
});
