import { keepPreviousData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  customerStatuses,
  serviceAreas,
  skillOptions,
  type CustomerListInput,
  type CustomerSortField,
  type CustomerStatus,
  type ServiceArea,
  type Skill,
  type Tenure,
  tenures,
} from '../../../../src-shared/domain/customer';
import { useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField } from '../../components/Field';
import { formatCount, formatDate } from '../../components/format';
import { SortableHeader, type SortState } from '../../components/SortableTable';
import { Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { ExportCustomersButton } from '../customer-import/ExportCustomersButton';
import { StatusBadge } from './StatusBadge';
import '../../styles/customers.css';

const PAGE = 200;
const ROW_HEIGHT = 40;

/**
 * The register's columns. On a narrow window the Area column goes first
 * (it is on the record and in the filters): Status, Age and Last activity,
 * which the work turns on, stay in view.
 */
const columns: { key: CustomerSortField | null; label: string; className?: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'postcode', label: 'Postcode', className: 'col-postcode' },
  { key: 'landlord', label: 'Landlord', className: 'col-landlord' },
  { key: 'area', label: 'Area', className: 'col-area' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'age', label: 'Age', className: 'num col-age' },
  { key: 'lastActivity', label: 'Last activity', className: 'col-activity' },
];

/** Filters live in the address, so coming back from a record finds the list as it was left. */
function useListState() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const set = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return { get, set };
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function CustomerList() {
  const state = useListState();
  const navigate = useNavigate();
  const canWrite = useCan('customers.write');
  const canImport = useCan('customers.import');
  const canRestore = useCan('customers.restore');
  const organisation = useApiQuery('organisation.get', {});
  const eligibleFor = useApiQuery(
    'groups.get',
    { id: state.get('eligible') },
    { enabled: state.get('eligible') !== '' },
  );
  const [typed, setTyped] = useState(state.get('q'));
  const search = useDebounced(typed, 200);
  const searchBox = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);

  useEffect(() => {
    if (search !== state.get('q')) state.set({ q: search });
    // Only the settled search text should move the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const sort = (state.get('sort') || (search ? 'relevance' : 'name')) as CustomerSortField;
  const direction = state.get('dir') === 'desc' ? 'desc' : 'asc';
  const filters: CustomerListInput = {
    search,
    landlordId: state.get('landlord') || undefined,
    areaId: state.get('area') || undefined,
    status: state.get('status') ? [state.get('status') as CustomerStatus] : undefined,
    interest: (state.get('interest') || undefined) as ServiceArea | undefined,
    skill: (state.get('skill') || undefined) as Skill | undefined,
    noRecentActivity: state.get('idle') === '1' || undefined,
    // Set by a group's "find tenants who could join" link; no control of their own.
    tenure: (state.get('tenure') || undefined) as Tenure | undefined,
    eligibleForGroupId: state.get('eligible') || undefined,
    sort,
    direction,
  };
  const filterKey = JSON.stringify(filters);

  // The visible rows span at most two pages; each page is one cached query.
  const [firstVisible, setFirstVisible] = useState(0);
  const pageA = Math.floor(firstVisible / PAGE);
  const first = useApiQuery(
    'customers.list',
    { ...filters, offset: pageA * PAGE, limit: PAGE },
    { placeholderData: keepPreviousData },
  );
  const second = useApiQuery(
    'customers.list',
    { ...filters, offset: (pageA + 1) * PAGE, limit: PAGE },
    {
      placeholderData: keepPreviousData,
      enabled: (first.data?.total ?? 0) > (pageA + 1) * PAGE,
    },
  );
  const total = first.data?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  useEffect(() => {
    if (Math.floor(start / PAGE) !== Math.floor(firstVisible / PAGE)) setFirstVisible(start);
  }, [start, firstVisible]);

  // A new search or filter starts at the top.
  useEffect(() => {
    setActive(0);
    setFirstVisible(0);
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey]);

  const rowAt = (index: number) => {
    const page = Math.floor(index / PAGE);
    const source = page === pageA ? first.data : page === pageA + 1 ? second.data : undefined;
    const stale = page === pageA ? first.isPlaceholderData : second.isPlaceholderData;
    return stale ? undefined : source?.rows[index - page * PAGE];
  };

  useEffect(() => {
    if (!focusActive.current) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${active}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      focusActive.current = false;
    }
  });

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (
        e.key === '/' &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) &&
        !target.isContentEditable
      ) {
        e.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const move = (to: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    focusActive.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A row already on screen is focused now: when nothing changes (↓ from the search onto
    // row 0, already active) there is no render for the effect to do it after.
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${next}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      focusActive.current = false;
    }
  };

  const onTableKey = (e: KeyboardEvent) => {
    const visible = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + visible,
      PageUp: active - visible,
      Home: 0,
      End: total - 1,
    };
    if (e.key === 'ArrowUp' && active === 0 && (e.target as HTMLElement).tagName === 'A') {
      e.preventDefault();
      searchBox.current?.focus();
    } else if (e.key in moves) {
      e.preventDefault();
      move(moves[e.key]!);
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'A') {
      const row = rowAt(active);
      if (row) navigate(`/customers/${row.id}`);
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(0);
    } else if (e.key === 'Enter') {
      const row = rowAt(0);
      if (row && search === typed) navigate(`/customers/${row.id}`);
    }
  };

  const sortBy = (next: SortState<CustomerSortField>) =>
    state.set({ sort: next.key, dir: next.direction === 'desc' ? 'desc' : '' });

  const landlords = (organisation.data?.landlords ?? []).map((l) => ({
    value: l.id,
    label: l.name,
  }));
  const areas = (organisation.data?.areas ?? [])
    .filter((a) => !state.get('landlord') || a.landlordId === state.get('landlord'))
    .map((a) => ({ value: a.id, label: a.name }));
  const filtered = [
    'landlord',
    'area',
    'status',
    'interest',
    'skill',
    'idle',
    'tenure',
    'eligible',
  ].some((k) => state.get(k));

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length
    ? virtualizer.getTotalSize() - items[items.length - 1]!.end
    : 0;

  return (
    <>
      <PageHeader
        title="Customers"
        subtitle="The Customer Voice register: everyone who has signed up to be involved."
        actions={
          <>
            {canRestore ? (
              <Link className="button button--quiet" to="/customers/deleted">
                Deleted customers
              </Link>
            ) : null}
            <ExportCustomersButton filters={filters} />
            {canImport ? (
              <Link className="button button--secondary" to="/customers/import">
                Import
              </Link>
            ) : null}
            {canWrite ? (
              <Link className="button" to="/customers/new">
                New customer
              </Link>
            ) : null}
          </>
        }
      />
      <section className="panel customer-filters" aria-label="Search and filters">
        <div className="customer-filters__grid">
          <div className="customer-filters__search field">
            <label htmlFor="customer-search" className="field__label">
              Search
            </label>
            <div id="customer-search-hint" className="field__hint">
              Name, postcode, email, phone or notes. Press / to search, ↓ to move into the results.
            </div>
            <input
              id="customer-search"
              ref={searchBox}
              className="input"
              type="search"
              value={typed}
              autoComplete="off"
              aria-describedby="customer-search-hint"
              aria-controls="customer-table"
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={onSearchKey}
            />
          </div>
          <SelectField
            label="Landlord"
            options={landlords}
            placeholder="All landlords"
            value={state.get('landlord')}
            onChange={(e) => state.set({ landlord: e.target.value, area: '' })}
          />
          <SelectField
            label="Area"
            options={areas}
            placeholder="All areas"
            value={state.get('area')}
            onChange={(e) => state.set({ area: e.target.value })}
          />
          <SelectField
            label="Status"
            options={customerStatuses.options}
            placeholder="Any status"
            value={state.get('status')}
            onChange={(e) => state.set({ status: e.target.value })}
          />
          <SelectField
            label="Interest"
            options={serviceAreas.options}
            placeholder="Any interest"
            value={state.get('interest')}
            onChange={(e) => state.set({ interest: e.target.value })}
          />
          <SelectField
            label="Skill"
            options={skillOptions.options}
            placeholder="Any skill"
            value={state.get('skill')}
            onChange={(e) => state.set({ skill: e.target.value })}
          />
          <CheckboxField
            label="No activity in the last 12 months"
            checked={state.get('idle') === '1'}
            onChange={(e) => state.set({ idle: e.target.checked ? '1' : '' })}
          />
        </div>
        {state.get('tenure') || eligibleFor.data ? (
          <p className="customer-filters__from-link">
            Showing only{' '}
            {state.get('tenure')
              ? `${tenures.labels[state.get('tenure') as Tenure]?.toLowerCase() ?? state.get('tenure')}s`
              : 'customers'}
            {eligibleFor.data
              ? ` who could join ${eligibleFor.data.group.name} without breaking a membership rule`
              : ''}
            .
          </p>
        ) : null}
        {filtered ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              state.set({
                landlord: '',
                area: '',
                status: '',
                interest: '',
                skill: '',
                idle: '',
                tenure: '',
                eligible: '',
              })
            }
          >
            Clear filters
          </button>
        ) : null}
      </section>

      <p className="customer-count" role="status" aria-live="polite">
        {first.isPending
          ? 'Loading…'
          : `${formatCount(total)} ${total === 1 ? 'customer' : 'customers'}${search || filtered ? ' match' : ''}`}
      </p>
      {first.error ? <Notice tone="error">{first.error.message}</Notice> : null}

      <div className="customer-table" ref={scroller} onKeyDown={onTableKey}>
        <table
          className="table"
          id="customer-table"
          aria-rowcount={total + 1}
          aria-label="Customers"
        >
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) =>
                c.key ? (
                  <SortableHeader
                    key={c.label}
                    label={c.label}
                    sortKey={c.key}
                    sort={{ key: sort, direction }}
                    onSort={sortBy}
                    className={c.className}
                  />
                ) : (
                  <th key={c.label} scope="col" className={c.className}>
                    {c.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={columns.length} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className={item.index === active ? 'is-active' : undefined}
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => setActive(item.index)}
                >
                  {row ? (
                    <>
                      <td>
                        <Link
                          to={`/customers/${row.id}`}
                          tabIndex={item.index === active ? 0 : -1}
                          onFocus={() => setActive(item.index)}
                        >
                          {row.lastName}, {row.firstName}
                          {row.preferredName ? (
                            <span className="muted"> ({row.preferredName})</span>
                          ) : null}
                        </Link>
                        {row.isBoardMember ? <span className="badge">Board</span> : null}
                      </td>
                      <td>{row.postcode ?? '—'}</td>
                      <td title={row.landlordName ?? undefined}>{row.landlordName ?? '—'}</td>
                      <td className="col-area">{row.areaName ?? '—'}</td>
                      <td>
                        <StatusBadge status={row.status} />
                      </td>
                      <td className="num">{row.age ?? '—'}</td>
                      <td>
                        {row.lastActivityAt ? (
                          formatDate(row.lastActivityAt)
                        ) : (
                          <span className="muted">None</span>
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={columns.length} className="muted">
                      Loading…
                    </td>
                  )}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={columns.length} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {!first.isPending && total === 0 ? (
          <p className="customer-table__empty">
            {search || filtered
              ? 'No customers match. Try fewer words or clear the filters.'
              : 'No customers yet.'}
          </p>
        ) : null}
      </div>
    </>
  );
}
