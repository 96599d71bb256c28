import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import type { Session } from '../types';
import { ExportPersonalData } from './ExportPersonalData';

const PERSON = '0190f1c2-0000-7000-8000-0000000000cc';

const DATA_OFFICER: Session = {
  ...SESSION,
  user: { ...SESSION.user, roles: ['DATA_OFFICER'] },
  secondFactor: { enrolled: true, required: true },
};

function pdf(): Response {
  return new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="passerelle-7K3MQ9TX-2026-03-12.pdf"',
    },
  });
}

describe('the export of a person’s data', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() }));
    document.cookie = 'XSRF-TOKEN=token-1';
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('asks for the chosen language and format, with the CSRF token, and offers the file', async () => {
    fetchMock.mockResolvedValueOnce(pdf());
    const screen = mount(<ExportPersonalData personId={PERSON} />, 'fr', DATA_OFFICER);

    choose(screen.byTestId('export-language'), 'ar');
    choose(screen.byTestId('export-format'), 'PDF');
    click(screen.byTestId('export-submit'));
    await settle();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init?.method} ${url}`).toBe(`POST /api/people/${PERSON}/export`);
    expect(JSON.parse(init?.body as string)).toEqual({ format: 'PDF', language: 'ar' });
    expect((init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('token-1');
    const link = screen.byTestId('export-download') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('blob:export');
    expect(link.getAttribute('download')).toBe('passerelle-7K3MQ9TX-2026-03-12.pdf');
    expect(screen.byTestId('export-open')).toBeNull();
  });

  it('asks the user to confirm who they are, then exports', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 403, code: 'reauthentication-required', detail: 'Confirmez votre identité.' }, 403),
    );
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(
      new Response('<!DOCTYPE html><html></html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html;charset=UTF-8', 'Content-Disposition': 'attachment; filename="p.html"' },
      }),
    );
    const screen = mount(<ExportPersonalData personId={PERSON} />, 'fr', DATA_OFFICER);
    choose(screen.byTestId('export-format'), 'HTML');

    click(screen.byTestId('export-submit'));
    await settle();
    expect(screen.byTestId('confirm-identity')).not.toBeNull();
    expect(screen.byTestId('export-download')).toBeNull();
    typeInto(screen.byTestId('confirm-password'), 'trois mots simples');
    typeInto(screen.byTestId('confirm-code'), '123456');
    click(screen.byTestId('confirm-submit'));
    await settle();

    const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`);
    expect(calls).toEqual([
      `POST /api/people/${PERSON}/export`,
      'POST /api/session/reauthentication',
      `POST /api/people/${PERSON}/export`,
    ]);
    expect(JSON.parse(fetchMock.mock.calls[2]![1]?.body as string)).toEqual({ format: 'HTML', language: 'fr' });
    expect(screen.byTestId('confirm-identity')).toBeNull();
    expect(screen.byTestId('export-download')?.getAttribute('download')).toBe('p.html');
    expect(screen.byTestId('export-open')?.getAttribute('target')).toBe('_blank');
  });

  it('shows any other refusal', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 403, code: 'role-not-allowed', detail: 'Votre rôle ne le permet pas.' }, 403),
    );
    const screen = mount(<ExportPersonalData personId={PERSON} />, 'fr', DATA_OFFICER);

    click(screen.byTestId('export-submit'));
    await settle();

    expect(screen.byTestId('form-error')?.textContent).toContain('Votre rôle ne le permet pas.');
    expect(screen.byTestId('confirm-identity')).toBeNull();
  });
});
