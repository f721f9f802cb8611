import { useState } from 'react';
import type { LinkedCase } from '../../../../src-shared/domain/self-assessment';
import { useApiQuery } from '../../api/hooks';
import { caseStatusLabels } from '../../../../src-shared/rules/case-lifecycle';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { formatDate } from '../../components/format';

/** Finds cases by reference to link as evidence; the chosen ones are listed with a way to unlink. */
export function CasePicker({
  id,
  provision,
  linked,
  onChange,
  disabled,
}: {
  id: string;
  provision: string;
  linked: LinkedCase[];
  onChange: (next: LinkedCase[]) => void;
  disabled: boolean;
}) {
  const [search, setSearch] = useState('');
  const term = search.trim();
  const found = useApiQuery(
    'cases.list',
    { search: term, limit: 8 },
    { enabled: term.length >= 2 && !disabled },
  );
  const linkedIds = new Set(linked.map((c) => c.id));
  const offers = (found.data?.rows ?? []).filter((c) => !linkedIds.has(c.id));
  return (
    <fieldset className="cases-picker">
      <legend>Linked cases</legend>
      {linked.length ? (
        <ul className="cases-picker__list">
          {linked.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.reference}</strong> {c.subject}
              </span>
              {disabled ? null : (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onChange(linked.filter((l) => l.id !== c.id))}
                >
                  Unlink {c.reference}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No cases linked.</p>
      )}
      {disabled ? null : (
        <SearchAndChoose
          id={`${id}-case-search`}
          label={`Find a case to link to provision ${provision}`}
          hint="Type at least two characters of the reference, like DCP-2026."
          query={search}
          onQueryChange={setSearch}
          results={term.length >= 2 && found.data ? offers : undefined}
          resultKey={(c) => c.id}
          choiceLabel={(c) => `Link ${c.reference}`}
          choiceDetails={(c) =>
            `${caseStatusLabels[c.status]}, referred ${formatDate(c.referredOn)}`
          }
          resultsLabel={`Cases matching ${term}`}
          noResults={`No other case matches “${term}”.`}
          listClassName="cases-picker__list"
          onChoose={(c) => {
            onChange([...linked, { id: c.id, reference: c.reference, subject: '' }]);
            setSearch('');
          }}
        />
      )}
    </fieldset>
  );
}
