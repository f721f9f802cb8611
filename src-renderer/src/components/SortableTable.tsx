import { useSearchParams } from 'react-router';

export type SortDirection = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/**
 * A column heading that sorts its table: a button (so Tab reaches it and
 * Enter or Space sorts), with aria-sort telling a screen reader which column
 * orders the rows. Choosing the sorted column again reverses it.
 */
export function SortableHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (next: SortState<K>) => void;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() =>
          onSort({
            key: sortKey,
            direction: active && sort.direction === 'asc' ? 'desc' : 'asc',
          })
        }
      >
        {label}
        <span aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '\u00a0▲' : '\u00a0▼') : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * The sort kept in the address (`sort`, `dir`), as the register keeps it, so
 * coming back to a list finds it ordered as it was left. `prefix` keeps two
 * tables on one screen apart.
 */
export function useSortParam<K extends string>(
  keys: readonly K[],
  fallback: SortState<K>,
  prefix = '',
): [SortState<K>, (next: SortState<K>) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.get(`${prefix}sort`);
  const dir = params.get(`${prefix}dir`);
  const sort: SortState<K> =
    key && (keys as readonly string[]).includes(key)
      ? { key: key as K, direction: dir === 'desc' ? 'desc' : 'asc' }
      : fallback;
  const setSort = (next: SortState<K>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set(`${prefix}sort`, next.key);
        if (next.direction === 'desc') out.set(`${prefix}dir`, 'desc');
        else out.delete(`${prefix}dir`);
        return out;
      },
      { replace: true },
    );
  return [sort, setSort];
}

type Sortable = string | number | boolean | null | undefined;
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Sorts a short list in the window (long, paged lists sort where the data
 * is). Empty values go last either way; ties keep their original order.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  valueOf: Record<K, (row: T) => Sortable>,
): T[] {
  const read = valueOf[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: read(row) }))
    .sort((a, b) => {
      const empty = (v: Sortable) => v === null || v === undefined || v === '';
      if (empty(a.value) || empty(b.value)) {
        if (empty(a.value) && empty(b.value)) return a.index - b.index;
        return empty(a.value) ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' && typeof b.value === 'string'
          ? collator.compare(a.value, b.value)
          : Number(a.value) - Number(b.value);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}
