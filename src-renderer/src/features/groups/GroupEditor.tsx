import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  groupFamilies,
  groupFamilyLabels,
  groupKinds,
  groupKindLabels,
  type Group,
} from '../../../../src-shared/domain/groups';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Loading, PageHeader } from '../../components/PageHeader';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';

interface Form {
  name: string;
  family: string;
  kind: string;
  targetMeetingsPerYear: string;
  cadenceNote: string;
  commitment: string;
  description: string;
  startsOn: string;
  endsOn: string;
  minTenantsPerPartner: string;
  excludeBoardMembers: boolean;
  minAge: string;
  maxAge: string;
}

const blank: Form = {
  name: '',
  family: 'service_development',
  kind: 'task_and_finish',
  targetMeetingsPerYear: '',
  cadenceNote: '',
  commitment: '',
  description: '',
  startsOn: '',
  endsOn: '',
  minTenantsPerPartner: '',
  excludeBoardMembers: false,
  minAge: '',
  maxAge: '',
};

function fromGroup(g: Group): Form {
  const s = (v: number | string | null) => (v === null ? '' : String(v));
  return {
    name: g.name,
    family: g.family,
    kind: g.kind,
    targetMeetingsPerYear: s(g.targetMeetingsPerYear),
    cadenceNote: s(g.cadenceNote),
    commitment: s(g.commitment),
    description: s(g.description),
    startsOn: s(g.startsOn),
    endsOn: s(g.endsOn),
    minTenantsPerPartner: s(g.minTenantsPerPartner),
    excludeBoardMembers: g.excludeBoardMembers,
    minAge: s(g.minAge),
    maxAge: s(g.maxAge),
  };
}

const num = (v: string) => (v.trim() === '' ? null : Number(v));

export function GroupEditor() {
  const { id } = useParams();
  const existing = useApiQuery('groups.get', { id: id ?? '' }, { enabled: Boolean(id) });
  if (id && !existing.data) return <Loading what="Loading the group" />;
  return <GroupForm group={existing.data?.group ?? null} />;
}

function GroupForm({ group }: { group: Group | null }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(group ? fromGroup(group) : blank);
  const [initial] = useState(form);
  const guard = useUnsavedChanges(isChanged(initial, form), group ? group.name : 'the new group');
  const save = useApiMutation('groups.save', {
    onSuccess: (g) => {
      guard.saved();
      navigate(`/groups/${g.id}`);
    },
  });
  const errors = save.error ? fieldErrors(save.error) : {};
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      id: group?.id,
      expectedUpdatedAt: group?.updatedAt,
      name: form.name,
      family: form.family as Group['family'],
      kind: form.kind as Group['kind'],
      targetMeetingsPerYear: num(form.targetMeetingsPerYear),
      cadenceNote: form.cadenceNote,
      commitment: form.commitment,
      description: form.description,
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
      minTenantsPerPartner: num(form.minTenantsPerPartner),
      excludeBoardMembers: form.excludeBoardMembers,
      minAge: num(form.minAge),
      maxAge: num(form.maxAge),
    });
  }

  const taskAndFinish = form.kind === 'task_and_finish';
  return (
    <>
      <PageHeader title={group ? `Edit ${group.name}` : 'New group'} />
      <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
        {save.error ? (
          <ErrorSummary
            items={summaryItems(errors, 'group', {
              message: errorMessage(save.error),
              fieldId: 'group-name',
            })}
          />
        ) : null}
        <div className="form-grid">
          <TextField
            id="group-name"
            label="Name"
            required
            value={form.name}
            error={errors.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          <SelectField
            id="group-family"
            label="Family"
            value={form.family}
            options={groupFamilies.map((f) => ({ value: f, label: groupFamilyLabels[f] }))}
            onChange={(e) => set({ family: e.target.value })}
          />
          <SelectField
            id="group-kind"
            label="Kind"
            value={form.kind}
            options={groupKinds.map((k) => ({ value: k, label: groupKindLabels[k] }))}
            onChange={(e) => set({ kind: e.target.value })}
          />
          <TextField
            id="group-startsOn"
            label="Starts on"
            type="date"
            required={taskAndFinish}
            hint={taskAndFinish ? 'The day of the first session.' : undefined}
            value={form.startsOn}
            error={errors.startsOn}
            onChange={(e) => set({ startsOn: e.target.value })}
          />
          <TextField
            id="group-endsOn"
            label="Ends on"
            type="date"
            required={taskAndFinish}
            hint={taskAndFinish ? 'The day the manager shows the revised policy.' : undefined}
            value={form.endsOn}
            error={errors.endsOn}
            onChange={(e) => set({ endsOn: e.target.value })}
          />
          <TextField
            id="group-targetMeetingsPerYear"
            label="Target meetings a year"
            hint="At least this many; leave empty for no target."
            inputMode="numeric"
            value={form.targetMeetingsPerYear}
            error={errors.targetMeetingsPerYear}
            onChange={(e) => set({ targetMeetingsPerYear: e.target.value })}
          />
          <TextField
            id="group-cadenceNote"
            label="How often it meets"
            hint="For example: monthly"
            value={form.cadenceNote}
            onChange={(e) => set({ cadenceNote: e.target.value })}
          />
        </div>
        <TextAreaField
          id="group-commitment"
          label="Commitment described to volunteers"
          value={form.commitment}
          onChange={(e) => set({ commitment: e.target.value })}
        />
        <TextAreaField
          id="group-description"
          label="Description"
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <fieldset>
          <legend>Membership rules</legend>
          <div className="form-grid">
            <TextField
              id="group-minTenantsPerPartner"
              label="Tenants needed from each partner landlord"
              hint="Standing scrutiny groups: 2. Leave empty for no rule."
              inputMode="numeric"
              value={form.minTenantsPerPartner}
              error={errors.minTenantsPerPartner}
              onChange={(e) => set({ minTenantsPerPartner: e.target.value })}
            />
            <TextField
              id="group-minAge"
              label="Youngest age"
              inputMode="numeric"
              value={form.minAge}
              error={errors.minAge}
              onChange={(e) => set({ minAge: e.target.value })}
            />
            <TextField
              id="group-maxAge"
              label="Oldest age"
              inputMode="numeric"
              value={form.maxAge}
              error={errors.maxAge}
              onChange={(e) => set({ maxAge: e.target.value })}
            />
          </div>
          <CheckboxField
            id="group-excludeBoardMembers"
            label="Board members may not be members"
            checked={form.excludeBoardMembers}
            onChange={(e) => set({ excludeBoardMembers: e.target.checked })}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save group
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate(-1)}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
