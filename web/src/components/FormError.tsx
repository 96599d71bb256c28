import type { ComponentChildren } from 'preact';
import { unplaced } from '../problems';
import type { Problem } from '../types';

interface Props {
  problem: Problem | null;
  /** Field paths the form shows next to their fields; other field errors are listed here. */
  placed?: string[];
  children?: ComponentChildren;
}

/** The problem's detail at the top of a form, with any field error no field shows. */
export function FormError({ problem, placed = [], children }: Props) {
  if (!problem) return null;
  const others = unplaced(problem, placed);
  if (!problem.detail && others.length === 0 && !children) return null;
  return (
    <div class="form-error" role="alert" data-testid="form-error">
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
