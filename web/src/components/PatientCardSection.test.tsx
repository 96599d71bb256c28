import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle } from '../test/render';
import { PatientCardSection } from './PatientCardSection';

const PERSON = '0190f1c2-0000-7000-8000-0000000000cc';

/** The print view as the server writes it: a standalone page with its own style. */
const PRINT_VIEW = `<!DOCTYPE html><html lang="fr" dir="ltr"><head><title>Carte</title>
<style>body{margin:1rem}</style></head><body><main>
<article class="patient-card" data-card lang="fr" dir="ltr"><p class="card-heading">Passerelle</p>
<div class="card-body"><svg xmlns="http://www.w3.org/2000/svg" class="card-qr" viewBox="0 0 29 29" data-qr="patient-code"><path d="M4 4h7v1h-7z"/></svg>
<div class="card-identity"><p class="card-label">Votre code</p><p class="card-code" dir="ltr" data-card-code>7K3M-Q9TX</p></div></div>
<p class="card-show">Présentez cette carte</p></article>
<p class="card-cut">Découpez la carte</p>
</main></body></html>`;

describe('the patient card', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const print = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('print', print);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:card'), revokeObjectURL: vi.fn() }));
    document.cookie = 'XSRF-TOKEN=token-1';
    applyLanguage('fr');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fetchMock.mockReset();
    print.mockReset();
    document.body.innerHTML = '';
  });

  it('leaves the name off by default and warns that others may see the card', () => {
    const screen = mount(<PatientCardSection personId={PERSON} />);

    const withName = screen.byTestId('card-with-name') as HTMLInputElement;
    expect(withName.checked).toBe(false);
    expect(document.getElementById(withName.getAttribute('aria-describedby')!)?.textContent).toContain(
      'd’autres peuvent voir la carte',
    );
    expect((screen.byTestId('card-language') as HTMLSelectElement).value).toBe('fr');
  });

  it('downloads the PDF in the chosen language, without the name unless ticked', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="card-7K3MQ9TX.pdf"' },
      }),
    );
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    const screen = mount(<PatientCardSection personId={PERSON} />);

    choose(screen.byTestId('card-language'), 'ar');
    click(screen.byTestId('card-pdf'));
    await settle();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init?.method} ${url}`).toBe(`POST /api/people/${PERSON}/card`);
    expect(JSON.parse(init?.body as string)).toEqual({ format: 'PDF', language: 'ar', withName: false });
    expect((init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('token-1');
    expect(saved).toEqual(['card-7K3MQ9TX.pdf blob:card']);
  });

  it('shows the card the server laid out, with its QR code, and opens the print dialog', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(PRINT_VIEW, { status: 200, headers: { 'Content-Type': 'text/html;charset=UTF-8' } }),
    );
    const screen = mount(<PatientCardSection personId={PERSON} />);

    click(screen.byTestId('card-with-name'));
    click(screen.byTestId('card-print'));
    await settle();

    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toEqual({
      format: 'HTML',
      language: 'fr',
      withName: true,
    });
    const view = document.querySelector<HTMLElement>('[data-testid="card-print-view"]')!;
    expect(view.parentElement).toBe(document.body);
    expect(view.querySelector('[data-card] svg[data-qr="patient-code"]')).not.toBeNull();
    expect(view.querySelector('[data-card-code]')?.textContent).toBe('7K3M-Q9TX');
    expect(view.querySelector('.card-cut')?.textContent).toBe('Découpez la carte');
    expect(view.querySelector('style, title')).toBeNull();
    expect(print).toHaveBeenCalledTimes(1);

    click(view.querySelector<HTMLElement>('[data-testid="card-print-close"]'));
    expect(document.querySelector('[data-testid="card-print-view"]')).toBeNull();
  });

  it('shows a refusal', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ status: 403, code: 'person-outside-scope', detail: 'Suivie sur un autre site.' }, 403),
    );
    const screen = mount(<PatientCardSection personId={PERSON} />);

    click(screen.byTestId('card-print'));
    await settle();

    expect(screen.byTestId('form-error')?.textContent).toContain('Suivie sur un autre site.');
    expect(print).not.toHaveBeenCalled();
  });
});
