import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../types';
import { click, mount, typeInto } from '../test/render';
import { FormError } from './FormError';

const REFUSED: Problem = { status: 409, code: 'form-incomplete', detail: 'Le formulaire ne peut pas être signé.' };

/** A long form whose action sits at the bottom, far from where the error is shown. */
function LongForm({ problem }: { problem: Problem }) {
  const [shown, setShown] = useState<Problem | null>(null);
  const [name, setName] = useState('');
  return (
    <form>
      <FormError problem={shown} />
      <input data-testid="name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      <button type="button" data-testid="sign" onClick={() => setShown({ ...problem })}>
        Signer
      </button>
    </form>
  );
}

describe('a refused action', () => {
  const scrolled: Element[] = [];

  beforeEach(() => {
    scrolled.length = 0;
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    document.body.innerHTML = '';
  });

  it('scrolls its error into view and moves focus to it each time it is refused, not while the user types', () => {
    const screen = mount(<LongForm problem={REFUSED} />);
    expect(screen.byTestId('form-error')).toBeNull();

    click(screen.byTestId('sign'));
    const error = screen.byTestId('form-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(error);
    expect(scrolled).toEqual([error]);

    typeInto(screen.byTestId('name'), 'Amina');
    expect(scrolled).toHaveLength(1);

    screen.byTestId('sign')!.focus();
    click(screen.byTestId('sign'));
    expect(document.activeElement).toBe(screen.byTestId('form-error'));
    expect(scrolled).toHaveLength(2);
  });

  it('brings the first invalid field when every error is shown next to its field', () => {
    const screen = mount(
      <form>
        <input data-testid="first" />
        <input data-testid="invalid" aria-invalid="true" />
        <FormError problem={{ status: 400, code: 'invalid-input', fieldErrors: [{ field: 'name', code: 'required', message: 'Requis' }] }} placed={['name']} />
      </form>,
    );

    expect(screen.byTestId('form-error')).toBeNull();
    expect(document.activeElement).toBe(screen.byTestId('invalid'));
    expect(scrolled).toEqual([screen.byTestId('invalid')]);
  });
});
