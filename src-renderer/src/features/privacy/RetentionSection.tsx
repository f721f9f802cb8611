import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type {
  RetentionDue,
  RetentionOverview,
  RetentionSchedule,
} from '../../../../src-shared/domain/privacy';
import { retentionTypeLabels, retentionTypes } from '../../../../src-shared/domain/privacy';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { apiKey } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { formatCount, formatDate, plural } from '../../components/format';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';

function ScheduleForm({ schedule }: { schedule: RetentionSchedule }) {
  const queryClient = useQueryClient();
  const initial = Object.fromEntries(retentionTypes.map((t) => [t, String(schedule[t])]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const { formProps, saved, savedAs } = useFormChanges(values, 'the retention schedule');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    const found: Record<string, string> = {};
    for (const t of retentionTypes)
      if (!/^\d+$/.test(values[t]!.trim()))
        found[t] =
          `Give the years to keep ${retentionTypeLabels[t].toLowerCase()} as a whole number.`;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const next = await call(
        'privacy.saveRetention',
        Object.fromEntries(retentionTypes.map((t) => [t, Number(values[t])])) as RetentionSchedule,
      );
      queryClient.setQueryData(apiKey('privacy.retention', {}), next);
      savedAs(values);
      saved();
      setNote('Retention schedule saved.');
    } catch (error) {
      setErrors({ ...fieldErrors(error), form: errorMessage(error) });
    }
  };
  return (
    <form
      {...formProps}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="schedule-title"
    >
      <h2 id="schedule-title">Retention schedule</h2>
      <p className="muted">
        Years each kind of record is kept: customers from their last activity, cases from closure,
        claims from payment or decision. A customer who asks to be erased is due at once.
      </p>
      <div className="privacy-schedule">
        {retentionTypes.map((t) => (
          <TextField
            key={t}
            label={`${retentionTypeLabels[t]} (years)`}
            inputMode="numeric"
            value={values[t] ?? ''}
            error={errors[t]}
            onChange={(e) => setValues((v) => ({ ...v, [t]: e.target.value }))}
          />
        ))}
      </div>
      {errors.form && !retentionTypes.some((t) => errors[t]) ? (
        <Notice tone="error">{errors.form}</Notice>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Save the schedule
        </button>
        {note ? <span role="status">{note}</span> : null}
      </div>
    </form>
  );
}

function EraseControl({
  item,
  onErase,
}: {
  item: RetentionDue;
  onErase: (reason: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(
    item.reason.startsWith('Asked') ? 'The person asked' : 'Retention period over',
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-label={`Erase ${item.label}`}
        onClick={() => setOpen(true)}
      >
        Erase…
      </button>
    );
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await onErase(reason);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <div className="privacy-confirm" role="group" aria-label={`Erase ${item.label}`}>
      <p>
        This removes names, contact details, notes and files for good. Counts in reports stay as
        they are. It cannot be undone.
      </p>
      <TextField
        label="Why"
        hint="Kept on the audit trail: do not write the person’s name here."
        value={reason}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        error={error ?? undefined}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void erase()}
        >
          Erase for good
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Keep
        </button>
      </div>
    </div>
  );
}

/** What the schedule says is due, and why, with erasure one record at a time. */
export function RetentionSection({ overview }: { overview: RetentionOverview }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const job = useJob();
  const erase = async (item: RetentionDue, reason: string) => {
    const r = await call('privacy.erase', { type: item.type, id: item.id, reason });
    setDone(
      `${item.label} erased: ${formatCount(r.recordsChanged)} ${plural(r.recordsChanged, 'record', 'records')} anonymised, ${formatCount(r.changeLogEntriesRedacted)} history ${plural(r.changeLogEntriesRedacted, 'entry', 'entries')} redacted, ${formatCount(r.filesDeleted)} ${plural(r.filesDeleted, 'file', 'files')} deleted.`,
    );
    await job.start(async () => r);
    void queryClient.invalidateQueries({ queryKey: apiKey('privacy.retention', {}) });
    void queryClient.invalidateQueries({ queryKey: apiKey('privacy.requests', {}) });
    void queryClient.invalidateQueries({ queryKey: apiKey('privacy.attention', {}) });
  };
  return (
    <section className="panel" aria-labelledby="due-title">
      <ScheduleForm schedule={overview.schedule} />
      <h2 id="due-title">Due for erasure</h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <JobProgress job={job} label="Compacting the database" />
      {job.status?.state === 'done' ? (
        <p role="status">
          The database has been compacted: the erased values are gone from the file.
        </p>
      ) : null}
      {overview.due.length === 0 ? (
        <p>Nothing is due under the schedule today.</p>
      ) : (
        <table className="table table--compact privacy-due">
          <caption className="visually-hidden">Records due for erasure, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Record</th>
              <th scope="col">Due since</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.due.map((d) => (
              <tr key={`${d.type}-${d.id}`}>
                <td>{retentionTypeLabels[d.type]}</td>
                <td>{d.label}</td>
                <td>{formatDate(d.dueOn)}</td>
                <td>{d.reason}</td>
                <td>
                  <EraseControl item={d} onErase={(reason) => erase(d, reason)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.moreDue > 0 ? (
        <p className="muted">And {overview.moreDue} more, listed once these are done.</p>
      ) : null}
    </section>
  );
}
