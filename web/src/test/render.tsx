// Helpers for component tests: render inside the app context, wait for async updates.
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { AppContext, type AppState } from '../appContext';
import { translator, type Language } from '../i18n';
import type { Session } from '../types';

export const SITE = {
  id: '0190f1c2-0000-7000-8000-000000000001',
  programmeId: '0190f1c2-0000-7000-8000-0000000000aa',
  programmeName: 'Mission littoral',
  name: 'Clinique mobile Calais',
  kind: 'MOBILE_TEAM' as const,
  city: 'Calais',
  active: true,
};

export const SESSION: Session = {
  organisation: 'Test',
  user: { id: '0190f1c2-0000-7000-8000-0000000000bb', username: 'amina', displayName: 'Amina', roles: ['CLINICIAN'] },
  sites: [SITE],
  currentSite: SITE,
  secondFactor: { enrolled: false, required: false },
  secondFactorRequired: false,
};

export function mount(children: ComponentChildren, language: Language = 'fr', session: Session | null = SESSION) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const state: AppState = {
    session,
    setSession: () => {},
    language,
    setLanguage: () => {},
    t: translator(language),
  };
  act(() => {
    render(<AppContext.Provider value={state}>{children}</AppContext.Provider>, container);
  });
  return {
    container,
    byTestId: (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    allByTestId: (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Lets pending promises and the re-renders they cause run (under fake timers too, without moving them on). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
      else await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function typeInto(element: HTMLElement | null, value: string): void {
  const input = element as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(element: HTMLElement | null, value: string): void {
  const select = element as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(element: HTMLElement | null): void {
  act(() => {
    element!.click();
  });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}
