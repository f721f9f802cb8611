import { useState, type FormEvent } from 'react';
import type { Activity } from '../../../../src-shared/domain/meetings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

function lengthInHours(a: Activity): string {
  const hours = (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 3_600_000;
  return String(Math.round(hours * 4) / 4);
}

/**
 * Staff at the activity and the hours they gave. These are staff time, not
 * involvement: the customers' hours and attendance figures leave them out.
 */
export function StaffAttending({ activity }: { activity: Activity }) {
  const canWrite = useCan('attendance.write');
  const staff = activity.attendees.filter((p) => p.isStaff);
  const remove = useApiMutation('attendance.removeStaff');
  const totalMinutes = staff.reduce((sum, p) => sum + (p.minutesGiven ?? 0), 0);
  return (
    <section className="panel" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff attending</h2>
      <p className="muted">
        Staff time is kept apart from customers’ involvement hours and attendance.
      </p>
      {staff.length === 0 ? (
        <p className="muted">No staff recorded.</p>
      ) : (
        <table className="table groups-staff-table">
          <caption className="visually-hidden">Staff attending</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Hours
              </th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {staff.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td className="num">{formatHours(p.minutesGiven)}</td>
                {canWrite ? (
                  <td className="groups-row-action">
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ attendanceId: p.id })}
                    >
                      Remove<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          {staff.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{formatHours(totalMinutes)}</td>
                {canWrite ? <td /> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
      {remove.error ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {canWrite && activity.status !== 'cancelled' ? <AddStaff activity={activity} /> : null}
    </section>
  );
}

function formatHours(minutes: number | null): string {
  if (!minutes) return '';
  const hours = minutes / 60;
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(2).replace(/0$/, '');
}

function AddStaff({ activity }: { activity: Activity }) {
  const people = useApiQuery('staff.list', {});
  const [staffId, setStaffId] = useState('');
  const [hours, setHours] = useState(() => lengthInHours(activity));
  const guard = useUnsavedChanges(staffId !== '', 'the staff member attending');
  const add = useApiMutation('attendance.addStaff', {
    onSuccess: () => {
      setStaffId('');
      setHours(lengthInHours(activity));
    },
  });
  const errors = add.error ? fieldErrors(add.error) : {};
  const options = (people.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: s.name }));

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate({
      activityId: activity.id,
      staffId,
      hours: hours.trim() === '' ? Number.NaN : Number(hours),
    });
  }
  return (
    <form
      {...guard.formProps}
      className="inline-form groups-staff-add"
      onSubmit={submit}
      noValidate
      aria-label="Add staff attending"
    >
      <SelectField
        id="staff-attending-person"
        label="Member of staff"
        hint="Choosing someone already listed changes their hours."
        placeholder="Choose…"
        value={staffId}
        options={options}
        error={errors.staffId}
        onChange={(e) => setStaffId(e.target.value)}
      />
      <TextField
        id="staff-attending-hours"
        label="Hours"
        inputMode="decimal"
        className="input groups-staff-hours"
        value={hours}
        error={errors.hours}
        onChange={(e) => setHours(e.target.value)}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        Add staff
      </button>
      {add.error && Object.keys(errors).length === 0 ? (
        <p className="field__error" role="alert">
          {errorMessage(add.error)}
        </p>
      ) : null}
    </form>
  );
}
