import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { unplaced } from '../problems';
import type { Problem } from '../types';

interface Props {
  problem: Problem | null;
  /** Field paths the form shows next to their fields; other field errors are listed here. */
  placed?: string[];
  children?: ComponentChildren;
}

/**
 * The problem's detail at the top of a form, with any field error no field shows. Each new
 * problem is brought to the user: the page scrolls to it and focus moves to it, so that a refused
 * save or signature at the bottom of a long form does not look as if nothing happened. A new
 * problem is a new object: a screen that derives its problem while rendering must memoise it.
 */
export function FormError({ problem, placed = [], children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // With nothing to say at the top (every error is next to its field), the first invalid field is brought.
    if (problem) bringIntoView(box.current ?? document.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }, [problem]);

  if (!problem) return null;
  const others = unplaced(problem, placed);
  if (!problem.detail && others.length === 0 && !children) return null;
  return (
    <div class="form-error" role="alert" tabIndex={-1} ref={box} data-testid="form-error">
      {problem.detail && <p>{problem.detail}</p>}
      {others.length > 0 && (
        <ul>
          {others.map((error, index) => (
            <li key={index} data-testid="field-error" data-field={error.field}>
              {error.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** Scrolls the element to the middle of the screen (at once if the user asked for less motion) and focuses it. */
function bringIntoView(element: HTMLElement | null): void {
  if (!element) return;
  const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  element.scrollIntoView?.({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
}
