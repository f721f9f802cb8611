import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  importField,
  importFields,
  type ImportFieldKey,
  type ImportOutcome,
  type ImportPreview,
  type ImportRowPreview,
} from '../../../../src-shared/domain/customer-import';
import { call, errorMessage } from '../../api/client';
import { CheckboxField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { fileToBase64 } from './file-bytes';
import '../../styles/customer-import.css';

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

const actionLabels: Record<ImportRowPreview['action'], { text: string; badge: string }> = {
  create: { text: 'New', badge: 'badge--green' },
  update: { text: 'Update', badge: 'badge--amber' },
  unchanged: { text: 'Unchanged', badge: '' },
  deleted: { text: 'Deleted: left out', badge: '' },
  restore: { text: 'Deleted: to restore', badge: 'badge--amber' },
  invalid: { text: 'Has problems', badge: 'badge--red' },
};

/**
 * Import from the team's spreadsheets: choose a file, check how its columns
 * map to customer fields, see what each row would do and every problem by
 * row and column, then confirm. Nothing is written before the confirmation,
 * and then all rows or none.
 */
export function CustomerImport() {
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [restoreDeleted, setRestoreDeleted] = useState(false);
  const canRestore = useCan('customers.restore');
  // The import runs as a job: the window shows its progress and stays responsive.
  const queryClient = useQueryClient();
  const commit = useJob({
    onDone: (status) => {
      setOutcome(status.result as ImportOutcome);
      setPreview(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      void queryClient.invalidateQueries();
    },
  });

  const check = async (
    chosen: ChosenFile,
    mapping?: (ImportFieldKey | null)[],
    restore = restoreDeleted,
  ) => {
    setReading(true);
    setProblem(null);
    try {
      setPreview(
        await call('customerTransfer.previewImport', {
          ...chosen,
          ...(mapping ? { mapping } : {}),
          ...(restore ? { restoreDeleted: true } : {}),
        }),
      );
    } catch (e) {
      setPreview(null);
      setProblem(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setOutcome(null);
    commit.reset();
    if (!chosen) return;
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    // Each file starts by leaving deleted customers out: bringing them back is a choice.
    setRestoreDeleted(false);
    await check(next, undefined, false);
  };

  const remap = (column: number, field: string) => {
    if (!file || !preview) return;
    const mapping = preview.mapping.map((f, i) =>
      i === column ? ((field || null) as ImportFieldKey | null) : f,
    );
    void check(file, mapping);
  };

  const counts = preview?.counts;
  const canConfirm = preview !== null && preview.errors.length === 0 && !reading && !commit.running;
  const mappedColumns = preview
    ? preview.mapping
        .map((field, column) => ({ field, header: preview.headers[column]! }))
        .filter((c): c is { field: ImportFieldKey; header: string } => c.field !== null)
    : [];

  return (
    <>
      <PageHeader
        title="Import customers"
        subtitle="Add or update customers from a spreadsheet (.csv or .xlsx). Nothing is saved until you confirm."
        actions={
          <Link className="button button--secondary" to="/customers">
            Back to customers
          </Link>
        }
      />

      {outcome ? (
        <Notice tone="success">
          Imported {outcome.fileName}: {outcome.counts.create} added, {outcome.counts.update}{' '}
          updated, {outcome.counts.unchanged} unchanged
          {outcome.counts.restore ? `, ${outcome.counts.restore} restored` : ''}
          {outcome.counts.deleted ? `, ${outcome.counts.deleted} deleted left out` : ''}.{' '}
          <Link to="/customers">See the register</Link>.
        </Notice>
      ) : null}

      <section className="panel" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">1. Choose the file</h2>
        <div className="field">
          <label htmlFor={fileInputId} className="field__label">
            Spreadsheet
          </label>
          <div id={`${fileInputId}-hint`} className="field__hint">
            The first row must name the columns. Rows that match a customer already on the register
            (by reference, email, or name and postcode) update that customer instead of adding
            another; a row for someone deleted from the register is left out.
          </div>
          <input
            ref={fileInput}
            id={fileInputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileInputId}-hint`}
            onChange={choose}
          />
        </div>
        {reading ? <Loading what="Reading the file" /> : null}
        {problem ? <Notice tone="error">{problem}</Notice> : null}
      </section>

      {preview && counts ? (
        <>
          <section className="panel" aria-labelledby="import-mapping-heading">
            <h2 id="import-mapping-heading">2. Check the columns</h2>
            <p className="muted">
              {preview.fileName}
              {preview.sheetName ? `, sheet “${preview.sheetName}”` : ''}: choose the customer field
              each column holds.
            </p>
            <table className="table import-mapping">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Customer field</th>
                </tr>
              </thead>
              <tbody>
                {preview.headers.map((header, column) => (
                  <tr key={`${column}-${header}`}>
                    <th scope="row">{header}</th>
                    <td>
                      <select
                        className="input"
                        aria-label={`Customer field for column ${header}`}
                        value={preview.mapping[column] ?? ''}
                        onChange={(e) => remap(column, e.target.value)}
                        disabled={reading}
                      >
                        <option value="">Do not import</option>
                        {importFields.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.label}
                            {'required' in f && f.required ? ' (required)' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="panel" aria-labelledby="import-preview-heading">
            <h2 id="import-preview-heading">3. Check what will happen</h2>
            <p className="import-counts" role="status">
              {counts.rows} {counts.rows === 1 ? 'row' : 'rows'}: {counts.create} new,{' '}
              {counts.update} to update, {counts.unchanged} unchanged,{' '}
              {counts.deleted + counts.restore > 0
                ? `${counts.deleted + counts.restore} deleted from the register, `
                : ''}
              {counts.invalid} with problems.
            </p>

            {counts.deleted + counts.restore > 0 ? (
              <div className="notice notice--warning" aria-labelledby="import-deleted-heading">
                <h3 id="import-deleted-heading">
                  {counts.deleted + counts.restore === 1
                    ? '1 row is a customer who was deleted from the register'
                    : `${counts.deleted + counts.restore} rows are customers who were deleted from the register`}
                </h3>
                <p>
                  {restoreDeleted
                    ? 'They will be brought back onto the register and updated from the file.'
                    : 'They are left out of the import and stay deleted.'}{' '}
                  {canRestore
                    ? 'Bring them back only if they asked to be involved again.'
                    : 'Only an administrator can bring a deleted customer back.'}
                </p>
                {canRestore ? (
                  <CheckboxField
                    label="Bring the deleted customers back onto the register"
                    checked={restoreDeleted}
                    disabled={reading}
                    onChange={(e) => {
                      setRestoreDeleted(e.target.checked);
                      if (file) void check(file, preview.mapping, e.target.checked);
                    }}
                  />
                ) : null}
              </div>
            ) : null}

            {preview.errors.length > 0 ? (
              <div className="import-errors" role="alert" aria-labelledby="import-errors-heading">
                <h3 id="import-errors-heading">
                  {preview.errors.length === 1
                    ? '1 problem to correct'
                    : `${preview.errors.length} problems to correct`}
                </h3>
                <p>
                  Nothing will be imported until every problem is corrected in the file (or the
                  column mapping). Correct the file, then choose it again.
                </p>
                <ul tabIndex={0} aria-label="Problems to correct">
                  {preview.errors.map((error, i) => (
                    <li key={i}>{error.message}</li>
                  ))}
                </ul>
              </div>
            ) : null}

            {/* Scrolls on its own: focusable, so the keyboard can scroll it too. */}
            <div
              className="import-preview"
              tabIndex={0}
              role="region"
              aria-label="Rows of the file and what importing each will do"
            >
              <table className="table">
                <caption className="visually-hidden">
                  The first {preview.rows.length} rows of the file and what importing each will do
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Row
                    </th>
                    <th scope="col">Will be</th>
                    {mappedColumns.map((c) => (
                      <th scope="col" key={c.field}>
                        {importField(c.field).label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.row}>
                      <td className="num">{row.row}</td>
                      <td>
                        <span className={`badge ${actionLabels[row.action].badge}`}>
                          {actionLabels[row.action].text}
                        </span>
                        {row.deletedOn ? (
                          <span className="import-changes"> on {formatDate(row.deletedOn)}</span>
                        ) : null}
                        {row.changes.length > 0 ? (
                          <span className="import-changes"> {row.changes.join(', ')}</span>
                        ) : null}
                      </td>
                      {mappedColumns.map((c) => (
                        <td key={c.field}>{row.values[c.field]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {counts.rows > preview.rows.length ? (
              <p className="muted">
                Showing the first {preview.rows.length} of {counts.rows} rows; the counts and
                problems cover them all.
              </p>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="import-confirm-heading">
            <h2 id="import-confirm-heading">4. Import</h2>
            <JobProgress job={commit} label="The import" />
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={!canConfirm}
                aria-describedby="import-confirm-hint"
                onClick={() =>
                  file &&
                  preview &&
                  void commit.start(() =>
                    call('customerTransfer.startImport', {
                      ...file,
                      mapping: preview.mapping,
                      ...(restoreDeleted ? { restoreDeleted: true } : {}),
                    }),
                  )
                }
              >
                {commit.running ? 'Importing…' : 'Confirm import'}
              </button>
            </div>
            <p id="import-confirm-hint" className="muted">
              {preview.errors.length > 0
                ? 'Correct the problems above first: an import with problems would save nothing.'
                : `This adds ${counts.create} and updates ${counts.update} customers${
                    counts.restore ? `, brings back ${counts.restore}` : ''
                  }${counts.deleted ? ` and leaves out ${counts.deleted} deleted` : ''}, all in one go.`}
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}
