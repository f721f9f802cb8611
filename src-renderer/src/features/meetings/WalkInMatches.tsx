import { useEffect, useRef } from 'react';
import type { WalkInMatch } from '../../../../src-shared/api/meetings';
import { duplicateReasonLabels } from '../../../../src-shared/rules/customer-duplicates';
import { onChoiceListKeyDown } from '../../components/SearchAndChoose';

/**
 * "Is this them?": people already on the register who look like the person at
 * the door. Choosing one signs them in; only "No" adds a new register entry.
 */
export function WalkInMatches({
  matches,
  onChoose,
  onAddNew,
  onChangeDetails,
}: {
  matches: WalkInMatch[];
  onChoose: (match: WalkInMatch) => void;
  onAddNew: () => void;
  onChangeDetails: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  // The form the officer was typing in has gone; the first likely match is where to carry on.
  useEffect(() => first.current?.focus(), []);

  return (
    <div
      role="group"
      aria-labelledby="walkin-matches-heading"
      aria-describedby="walkin-matches-why"
    >
      <h3 id="walkin-matches-heading">Is this them?</h3>
      <p id="walkin-matches-why" className="muted">
        {matches.length === 1 ? 'Someone' : 'Some people'} already on the register may be this
        person. Check with them before adding anyone new.
      </p>
      {/* The same keys as every search-and-choose list: arrows move between people, Enter chooses. */}
      <ul className="walkin-matches" onKeyDown={(e) => onChoiceListKeyDown(e)}>
        {matches.map((m, i) => (
          <li key={m.customerId}>
            <button
              ref={i === 0 ? first : undefined}
              data-choice=""
              type="button"
              className="button button--secondary button--block walkin-matches__choice"
              onClick={() => onChoose(m)}
            >
              <span>
                <span className="visually-hidden">Sign in </span>
                {m.name}
              </span>
              <span className="walkin-matches__details">
                {[m.postcode, m.maskedContact].filter(Boolean).join(' · ') || 'No contact details'}
                {' ('}
                {m.reasons.map((r) => duplicateReasonLabels[r]).join(', ')})
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button" onClick={onAddNew}>
          No, add a new person
        </button>
        <button type="button" className="button button--secondary" onClick={onChangeDetails}>
          Change the details
        </button>
      </div>
    </div>
  );
}
