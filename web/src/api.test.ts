import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, requestHeaders } from './api';
import { applyLanguage } from './i18n';
import { jsonResponse } from './test/render';

function clearCookies() {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

describe('the API client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    clearCookies();
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('sends the UI language and JSON on every call, the CSRF token only on writes', () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    applyLanguage('ar');
    expect(requestHeaders('GET')).toMatchObject({ 'Accept-Language': 'ar', 'Content-Type': 'application/json' });
    expect(requestHeaders('GET')['X-XSRF-TOKEN']).toBeUndefined();
    expect(requestHeaders('POST')['X-XSRF-TOKEN']).toBe('abc=123');
    expect(requestHeaders('PUT')['X-XSRF-TOKEN']).toBe('abc=123');
    expect(requestHeaders('DELETE')['X-XSRF-TOKEN']).toBe('abc=123');
  });

  it('asks for the session before logging in, to get the CSRF cookie', async () => {
    fetchMock
      .mockImplementationOnce(async () => {
        document.cookie = 'XSRF-TOKEN=fresh; path=/';
        return jsonResponse({ status: 401, code: 'not-authenticated' }, 401);
      })
      .mockResolvedValueOnce(jsonResponse({ user: { id: 'u', username: 'a', displayName: 'A', roles: [] }, sites: [] }));

    await api.login('amina', 'a long passphrase');

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/session',
      'POST /api/session',
    ]);
    const headers = fetchMock.mock.calls[1]![1]!.headers as Record<string, string>;
    expect(headers['X-XSRF-TOKEN']).toBe('fresh');
  });

  it('searches with a POST body, never with the name in the URL', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    await api.searchPeople({ query: 'Mohammed Ali', birthYear: 2001 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/people/search');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ query: 'Mohammed Ali', birthYear: 2001 });
  });

  it('turns an error into the server problem detail', async () => {
    const problem = {
      status: 409,
      code: 'stale-version',
      title: 'Modifiée par quelqu’un d’autre',
      detail: 'Quelqu’un a modifié cette fiche.',
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(problem, 409));
    const error = await api.person('0190f1c2-0000-7000-8000-000000000010').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
  });

  it('reports a network failure as status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = (await api.sites().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
  });

  it('answers null for the session when logged out', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 401, code: 'not-authenticated' }, 401));
    expect(await api.session()).toBeNull();
  });
});
