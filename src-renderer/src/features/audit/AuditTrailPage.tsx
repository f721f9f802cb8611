import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../../src-shared/domain/privacy';
import { auditActionLabels, type AuditAction } from '../../../../src-shared/domain/privacy';
import { dataClassLabels, type DataClass } from '../../../../src-shared/rules/permissions';
import { historyFieldsFor } from '../../../../src-shared/history/fields';
import { useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import '../../styles/privacy.css';

const PAGE_SIZE = 50;

const changeWords: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
};

function actionWords(e: AuditEntry): string {
  return e.source === 'audit'
    ? (auditActionLabels[e.action as AuditAction] ?? e.action)
    : (changeWords[e.action] ?? e.action);
}

function fieldLabel(entity: string | null, field: string | null): string | null {
  if (!entity || !field) return null;
  const w = historyFieldsFor(entity)[field];
  return w && 'label' in w ? w.label : field.replace(/_/g, ' ');
}

function recordWords(e: AuditEntry): string {
  if (!e.entity) return '—';
  const words = e.entity.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The customer chosen as a filter, by name, with a way to clear it. */
function CustomerFilter({
  customerId,
  onChange,
}: {
  customerId: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const chosen = useApiQuery('customers.get', { id: customerId ?? '' }, { enabled: !!customerId });
  const found = useApiQuery(
    'customers.list',
    { search, limit: 8 },
    { enabled: search.trim().length >= 2 && !customerId },
  );
  if (customerId)
    return (
      <div className="field">
        <span className="field__label" id="audit-customer-label">
          Person
        </span>
        <p className="audit-chosen" aria-labelledby="audit-customer-label">
          <span>
            {chosen.data ? `${chosen.data.firstName} ${chosen.data.lastName}` : 'Loading…'}
          </span>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(null)}
            aria-label="Clear the person filter"
          >
            Clear
          </button>
        </p>
      </div>
    );
  return (
    <SearchAndChoose
      id="audit-customer"
      label="Person"
      hint="Type two letters of a customer’s name or postcode."
      query={search}
      onQueryChange={setSearch}
      results={search.trim().length >= 2 ? found.data?.rows : undefined}
      resultKey={(c) => c.id}
      choiceLabel={(c) => `Choose ${c.firstName} ${c.lastName}`}
      choiceDetails={(c) => [c.postcode, c.landlordName].filter(Boolean).join(' · ')}
      resultsLabel="Matching customers"
      noResults={`Nobody on the register matches “${search.trim()}”.`}
      afterChoose="caller"
      onChoose={(c) => {
        setSearch('');
        onChange(c.id);
      }}
    />
  );
}

/**
 * Who changed, read in bulk or exported what: the change log and the audit
 * log as one trail, newest first, filtered by person, staff member, record
 * and date, fifty at a time. Page Up and Page Down move between pages from
 * anywhere in the table.
 */
export function AuditTrailPage() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) || null;
  const page = Number(params.get('page') ?? '0') || 0;
  const query = {
    customerId: get('customer'),
    staffId: get('staff'),
    entity: get('entity'),
    entityId: get('record'),
    from: get('from'),
    to: get('to'),
    source: (get('source') ?? 'all') as 'all' | 'changes' | 'audit',
    page,
    pageSize: PAGE_SIZE,
  };
  const trail = useApiQuery('audit.trail', query);
  const staff = useApiQuery('staff.list', {});
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const [recordText, setRecordText] = useState(query.entityId ?? '');
  const recordValid = recordText === '' || /^[0-9a-f-]{36}$/i.test(recordText.trim());
  const tableRef = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current && trail.data) {
      moved.current = false;
      tableRef.current?.focus();
    }
  }, [trail.data]);

  const go = (to: number) => {
    moved.current = true;
    set('page', to > 0 ? String(to) : null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'PageDown' && trail.data?.more) {
      e.preventDefault();
      go(page + 1);
    } else if (e.key === 'PageUp' && page > 0) {
      e.preventDefault();
      go(page - 1);
    }
  };

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Every change, export, bulk read of special category data and subject access pack, newest first."
        actions={
          <Link className="button button--secondary" to="/settings/privacy">
            Retention and requests
          </Link>
        }
      />
      <form
        className="panel audit-filters"
        aria-label="Filter the trail"
        onSubmit={(e) => e.preventDefault()}
      >
        <CustomerFilter customerId={query.customerId} onChange={(id) => set('customer', id)} />
        <SelectField
          label="Staff member"
          value={query.staffId ?? ''}
          onChange={(e) => set('staff', e.target.value || null)}
          placeholder="Anyone"
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label="Kind of entry"
          value={query.source}
          onChange={(e) => set('source', e.target.value === 'all' ? null : e.target.value)}
          options={[
            { value: 'all', label: 'Changes and audit entries' },
            { value: 'changes', label: 'Changes only' },
            { value: 'audit', label: 'Exports, bulk reads and subject access only' },
          ]}
        />
        <TextField
          label="Record id"
          hint="From a record’s address; blank for any."
          value={recordText}
          error={
            recordValid ? undefined : 'A record id looks like 0193…-…: copy it from the address.'
          }
          onChange={(e) => setRecordText(e.target.value)}
          onBlur={() => recordValid && set('record', recordText.trim() || null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && recordValid) set('record', recordText.trim() || null);
          }}
        />
        <TextField
          label="From"
          type="date"
          value={query.from ?? ''}
          onChange={(e) => set('from', e.target.value || null)}
        />
        <TextField
          label="To"
          type="date"
          value={query.to ?? ''}
          onChange={(e) => set('to', e.target.value || null)}
        />
      </form>
      {trail.error ? <Notice tone="error">{trail.error.message}</Notice> : null}
      {trail.isPending ? <Loading what="Loading the trail" /> : null}
      {trail.data ? (
        <section className="panel" aria-labelledby="audit-results">
          <h2 id="audit-results" className="audit-results__title">
            {trail.data.entries.length === 0
              ? 'Nothing matches these filters'
              : `Entries ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + trail.data.entries.length}`}
          </h2>
          {trail.data.entries.length ? (
            <table
              className="table table--compact audit-table"
              ref={tableRef}
              tabIndex={0}
              onKeyDown={onKeyDown}
              aria-describedby="audit-paging-hint"
            >
              <caption className="visually-hidden">Audit trail, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {trail.data.entries.map((e, i) => (
                  <tr
                    key={`${e.at}-${i}`}
                    className={e.source === 'audit' ? 'audit-row--audit' : undefined}
                  >
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.actorName}</td>
                    <td>{actionWords(e)}</td>
                    <td>{recordWords(e)}</td>
                    <td>
                      {e.source === 'audit'
                        ? e.detail
                        : (fieldLabel(e.entity, e.field) ?? e.detail)}
                      {e.rows !== null
                        ? ` · ${e.rows} ${e.action === 'export' ? 'rows' : 'records'}`
                        : ''}
                      {e.classes.length
                        ? ` · includes ${e.classes
                            .map((c) => dataClassLabels[c as DataClass] ?? c)
                            .join(', ')
                            .toLowerCase()}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <nav className="audit-pager" aria-label="Pages of the trail">
            <button
              type="button"
              className="button button--secondary"
              disabled={page === 0}
              onClick={() => go(page - 1)}
            >
              Newer
            </button>
            <span>Page {page + 1}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={!trail.data.more}
              onClick={() => go(page + 1)}
            >
              Older
            </button>
            <span id="audit-paging-hint" className="muted">
              In the table, Page Down shows older entries and Page Up newer.
            </span>
          </nav>
        </section>
      ) : null}
    </>
  );
}
