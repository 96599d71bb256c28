import type { Problem } from '../types';
import { errorId, FieldErrors } from '../components/FieldErrors';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problem: Problem | null;
  /** The field's path in the API's field errors. */
  path: string;
  type?: string;
  hint?: string;
  autocomplete?: string;
}

/** A labelled text input with its hint and its field errors. */
export function TextField({ id, label, value, onInput, problem, path, type = 'text', hint, autocomplete = 'off' }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        onInput={(event) => onInput(event.currentTarget.value)}
        aria-describedby={`${hint ? id + '-hint ' : ''}${errorId(path)}`}
        data-testid={id}
      />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrors problem={problem} path={path} id={errorId(path)} />
    </div>
  );
}
