import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import '../../styles/search-choose.css';

/** Finds a customer on the register by name, postcode or contact detail, and hands back the choice. */
export function CustomerChooser({
  id,
  label,
  hint,
  onChoose,
}: {
  id: string;
  label: string;
  hint?: string;
  onChoose: (customer: { id: string; name: string }) => void;
}) {
  const [query, setQuery] = useState('');
  const ready = query.trim().length >= 2;
  const matches = useApiQuery('customers.list', { search: query, limit: 8 }, { enabled: ready });
  return (
    <SearchAndChoose
      id={id}
      label={label}
      hint={hint ?? 'Type two or more letters of a name, postcode or phone number.'}
      query={query}
      onQueryChange={setQuery}
      results={ready ? matches.data?.rows : undefined}
      resultKey={(c) => c.id}
      choiceLabel={(c) =>
        `${c.preferredName ?? c.firstName} ${c.lastName}${c.postcode ? ` (${c.postcode})` : ''}`
      }
      resultsLabel="Matching customers"
      noResults="No customer matches."
      onChoose={(c) => {
        setQuery('');
        onChoose({ id: c.id, name: `${c.preferredName ?? c.firstName} ${c.lastName}` });
      }}
    />
  );
}
