import type { Problem } from '../types';
import { messagesFor } from '../problems';

/** The messages for one field, shown right under it; `id` lets the input point at them. */
interface Props {
  problem: Problem | null;
  path: string;
  id?: string;
  /** Only errors on this very path, not on the fields inside it. */
  exact?: boolean;
}

export function FieldErrors({ problem, path, id, exact = false }: Props) {
  const messages = messagesFor(problem, path, exact);
  if (messages.length === 0) return null;
  return (
    <div class="field-errors" id={id}>
      {messages.map((message, index) => (
        <p key={index} class="field-error" data-testid="field-error" data-field={path}>
          {message}
        </p>
      ))}
    </div>
  );
}

/** The id of a field's error block, for aria-describedby. */
export function errorId(path: string): string {
  return 'error-' + path.replace(/[^a-zA-Z0-9]/g, '-');
}

export function hasErrors(problem: Problem | null, path: string): boolean {
  return messagesFor(problem, path).length > 0;
}
