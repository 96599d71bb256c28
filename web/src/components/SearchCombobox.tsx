import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { toProblem } from '../problems';

export interface SearchComboboxProps<T> {
  id: string;
  label: string;
  /** Finds the options for what is typed (also for nothing typed, when the field gets the focus). */
  search: (query: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  renderOption: (item: T) => ComponentChildren;
  onPick: (item: T) => void;
  placeholder?: string;
  disabled?: boolean;
  /** Milliseconds to wait after the last key before searching. */
  delay?: number;
  testId: string;
}

/**
 * A text field that searches as one types and lists what it finds below (the ARIA combobox
 * pattern): arrows move through the options, Enter picks one, Escape closes the list. Answers to
 * earlier queries that arrive late are dropped.
 */
export function SearchCombobox<T>(props: SearchComboboxProps<T>) {
  const { t } = useApp();
  const { id, testId, delay = 200 } = props;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = (text: string) => {
    const request = ++latest.current;
    props
      .search(text)
      .then((found) => {
        if (request !== latest.current) return;
        setProblem(null);
        setOptions(found);
        setActive(found.length > 0 ? 0 : -1);
        setOpen(true);
      })
      .catch((error: unknown) => {
        if (request !== latest.current) return;
        setProblem(toProblem(error, t).detail ?? t('app.unexpectedError'));
        setOptions([]);
      });
  };

  const schedule = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(text.trim()), delay);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const pick = (item: T) => {
    props.onPick(item);
    setQuery('');
    setOpen(false);
    setOptions([]);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) {
        run(query.trim());
        return;
      }
      setActive((current) => Math.min(current + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      const item = options[active];
      if (open && item !== undefined) {
        event.preventDefault();
        pick(item);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-options`;
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div class="search-combobox">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder={props.placeholder}
        disabled={props.disabled}
        value={query}
        data-testid={`${testId}-input`}
        onFocus={() => !open && run(query.trim())}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setQuery(text);
          schedule(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {open && (
        <ul id={listId} role="listbox" class="combobox-options" data-testid={`${testId}-options`}>
          {options.length === 0 && (
            <li class="empty" role="presentation">
              {t('coding.noMatch')}
            </li>
          )}
          {options.map((item, index) => (
            <li
              key={props.keyOf(item)}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : undefined}
              data-testid={`${testId}-option`}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(item);
              }}
            >
              {props.renderOption(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
