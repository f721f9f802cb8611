import { useState } from 'react';
import type { RhythmItem } from '../../../../src-shared/domain/community';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';

const times = [1, 2, 3, 4, 6, 12].map((n) => ({
  value: String(n),
  label: n === 4 ? '4 (every quarter)' : n === 12 ? '12 (every month)' : String(n),
}));

/** The team leader's own rhythm: how often each item happens, and what it is called. */
export function PlanSettings({ items }: { items: RhythmItem[] }) {
  const [rows, setRows] = useState(
    items.map((i) => ({
      key: i.key,
      name: i.name,
      timesPerYear: i.timesPerYear,
      note: i.note ?? '',
    })),
  );
  const guard = useFormChanges(rows, 'the plan’s settings');
  const save = useApiMutation('rhythm.saveItems', { onSuccess: () => guard.saved() });
  const errors = fieldErrors(save.error);
  const change = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <details className="community-subform">
      <summary>Change the plan</summary>
      <form
        noValidate
        aria-label="The plan’s settings"
        {...guard.formProps}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ items: rows });
        }}
      >
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        {save.isSuccess ? <Notice tone="success">The plan is saved.</Notice> : null}
        {rows.map((row, i) => (
          <div className="form-grid" key={row.key}>
            <TextField
              label="Name"
              value={row.name}
              onChange={(e) => change(i, { name: e.target.value })}
              error={errors[`items.${i}.name`]}
            />
            <SelectField
              label={`Times a year: ${row.name}`}
              value={String(row.timesPerYear)}
              options={times}
              onChange={(e) => change(i, { timesPerYear: Number(e.target.value) })}
            />
            <TextField
              label="Note"
              value={row.note}
              onChange={(e) => change(i, { note: e.target.value })}
            />
          </div>
        ))}
        <button type="submit" className="button" disabled={save.isPending}>
          Save the plan
        </button>
      </form>
    </details>
  );
}
