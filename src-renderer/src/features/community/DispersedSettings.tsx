import { useState } from 'react';
import type { DispersedCommunity } from '../../../../src-shared/domain/community';
import type { Organisation } from '../../../../src-shared/domain/organisation';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';

/**
 * Organisation settings: which areas or neighbourhoods have small or
 * dispersed stock, so each gets its yearly visit or roadshow.
 */
export function DispersedSettings({ organisation }: { organisation: Organisation }) {
  const flagged = useApiQuery('dispersed.list', {});
  const canEdit = useCan('organisation.write');
  const places = [
    ...organisation.areas.map((a) => ({
      kind: 'area' as const,
      id: a.id,
      label: `${a.name} (whole area)`,
    })),
    ...organisation.neighbourhoods.map((n) => ({
      kind: 'neighbourhood' as const,
      id: n.id,
      label: `${n.name}, ${organisation.areas.find((a) => a.id === n.areaId)?.name ?? ''}`,
    })),
  ];
  const [choice, setChoice] = useState('');
  const chosen = places.find((p) => `${p.kind}:${p.id}` === choice);
  const existing = flagged.data?.find(
    (d) => chosen && d.placeKind === chosen.kind && d.placeId === chosen.id,
  );
  return (
    <section className="panel" aria-labelledby="dispersed-settings-heading">
      <h2 id="dispersed-settings-heading">Small or dispersed communities</h2>
      <p className="muted">
        Places with small patches of homes (10 to 30) or where another landlord is dominant. Each
        should have a visit or roadshow at least once a year.
      </p>
      {flagged.data?.length ? (
        <ul>
          {flagged.data.map((d) => (
            <li key={d.id}>
              {d.name}
              {d.homes !== null ? `: ${d.homes} homes` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>None marked yet.</p>
      )}
      {canEdit ? (
        <>
          <SelectField
            label="Area or neighbourhood"
            value={choice}
            placeholder="Choose a place to mark or change"
            options={places.map((p) => ({ value: `${p.kind}:${p.id}`, label: p.label }))}
            onChange={(e) => setChoice(e.target.value)}
          />
          {chosen ? (
            <FlagForm
              key={`${choice}-${existing?.id ?? 'none'}`}
              place={chosen}
              existing={existing}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function FlagForm({
  place,
  existing,
}: {
  place: { kind: 'area' | 'neighbourhood'; id: string; label: string };
  existing: DispersedCommunity | undefined;
}) {
  const [form, setForm] = useState({
    dispersed: !!existing,
    homes: existing?.homes?.toString() ?? '',
    note: existing?.note ?? '',
  });
  const guard = useFormChanges(form, `${place.label} as a dispersed community`);
  const save = useApiMutation('dispersed.setFlag', { onSuccess: () => guard.saved() });
  return (
    <form
      className="community-subform"
      noValidate
      aria-label={`${place.label} as a dispersed community`}
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          placeKind: place.kind,
          placeId: place.id,
          dispersed: form.dispersed,
          homes: form.homes === '' ? null : Number(form.homes),
          note: form.note,
        });
      }}
    >
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
      <CheckboxField
        label="Small or dispersed stock: visit at least once a year"
        checked={form.dispersed}
        onChange={(e) => setForm({ ...form, dispersed: e.target.checked })}
      />
      <div className="form-grid">
        <TextField
          label="Homes"
          inputMode="numeric"
          value={form.homes}
          onChange={(e) => setForm({ ...form, homes: e.target.value })}
        />
        <TextField
          label="Note"
          value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
        />
      </div>
      <button type="submit" className="button">
        Save
      </button>
    </form>
  );
}
