import { useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import '../styles/search-choose.css';

/**
 * Every search-and-choose control in the app behaves the same way: in the
 * search box ↓ moves into the results and Enter chooses the first; in the
 * results ↑ and ↓ move, Home and End jump, Enter (or Space) chooses, and ↑
 * from the first or Escape goes back to the search box. After a choice focus
 * stays where the work continues, never on the page's body.
 */

const choiceSelector = '[data-choice]';

function choicesIn(list: Element | null): HTMLElement[] {
  return list ? [...list.querySelectorAll<HTMLElement>(choiceSelector)] : [];
}

/**
 * Arrow keys for a list of choices (buttons marked `data-choice`), put on the
 * list's `onKeyDown`; also for a list with no search box of its own, such as
 * "Is this them?". `back` is where ↑ from the first choice and Escape go.
 */
export function onChoiceListKeyDown(e: KeyboardEvent<HTMLElement>, back?: () => void) {
  const choices = choicesIn(e.currentTarget);
  const at = choices.indexOf(e.target as HTMLElement);
  if (at === -1) return;
  const go = (i: number) => {
    e.preventDefault();
    if (i < 0 && back) back();
    else choices[Math.max(0, Math.min(choices.length - 1, i))]?.focus();
  };
  if (e.key === 'ArrowDown') go(at + 1);
  else if (e.key === 'ArrowUp') go(at - 1);
  else if (e.key === 'Home') go(0);
  else if (e.key === 'End') go(choices.length - 1);
  else if (e.key === 'Escape' && back) go(-1);
}

export interface SearchAndChooseProps<T> {
  id: string;
  label: string;
  hint?: ReactNode;
  query: string;
  onQueryChange: (query: string) => void;
  /** Results for the query as typed; undefined while there is nothing to show yet. */
  results: readonly T[] | undefined;
  resultKey: (item: T) => string;
  /** What the choice's button says, read out as its name: "Choose Moira Dunning". */
  choiceLabel: (item: T) => ReactNode;
  /** Details beside a choice: postcode, landlord, status. */
  choiceDetails?: (item: T) => ReactNode;
  onChoose: (item: T) => void;
  /** Names the list of results for assistive technology. */
  resultsLabel: string;
  /** Shown when the search found nothing. */
  noResults: ReactNode;
  /**
   * Where focus goes after a choice: back to the search box (the default, for
   * choosing several) or nowhere, when the caller moves it to the next field.
   */
  afterChoose?: 'search' | 'caller';
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Focus the search box when it appears (as it comes back after a choice is undone). */
  autoFocus?: boolean;
  /** Extra class for the list, for the screen's own layout. */
  listClassName?: string;
}

export function SearchAndChoose<T>({
  id,
  label,
  hint,
  query,
  onQueryChange,
  results,
  resultKey,
  choiceLabel,
  choiceDetails,
  onChoose,
  resultsLabel,
  noResults,
  afterChoose = 'search',
  inputRef,
  autoFocus,
  listClassName,
}: SearchAndChooseProps<T>) {
  const own = useRef<HTMLInputElement | null>(null);
  const input = inputRef ?? own;
  const listId = useId();
  const hintId = `${id}-hint`;

  const choose = (item: T) => {
    // Focus moves before the list goes, so it never falls to the page's body.
    if (afterChoose === 'search') input.current?.focus();
    onChoose(item);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results?.length) {
      e.preventDefault();
      choicesIn(document.getElementById(listId))[0]?.focus();
    } else if (e.key === 'Enter' && query.trim() !== '') {
      // Enter in a search box chooses; it never submits the form around it.
      e.preventDefault();
      const first = results?.[0];
      if (first) choose(first);
    }
  };

  return (
    <div className="search-choose">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <div id={hintId} className="field__hint">
          {hint ? <>{hint} </> : null}↓ moves into the results; Enter chooses.
        </div>
        <input
          ref={input}
          autoFocus={autoFocus}
          id={id}
          className="input"
          type="search"
          autoComplete="off"
          aria-describedby={hintId}
          aria-controls={results?.length ? listId : undefined}
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <p className="visually-hidden" role="status">
        {results === undefined
          ? ''
          : results.length === 0
            ? 'No matches.'
            : `${results.length} ${results.length === 1 ? 'match' : 'matches'}.`}
      </p>
      {results && results.length > 0 ? (
        <ul
          id={listId}
          className={`search-choose__list${listClassName ? ` ${listClassName}` : ''}`}
          aria-label={resultsLabel}
          onKeyDown={(e) => onChoiceListKeyDown(e, () => input.current?.focus())}
        >
          {results.map((item) => (
            <li key={resultKey(item)}>
              <button
                type="button"
                data-choice=""
                className="button button--secondary"
                onClick={() => choose(item)}
              >
                {choiceLabel(item)}
              </button>
              {choiceDetails ? <span className="muted"> {choiceDetails(item)}</span> : null}
            </li>
          ))}
        </ul>
      ) : results ? (
        <p className="muted">{noResults}</p>
      ) : null}
    </div>
  );
}
