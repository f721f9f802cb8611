import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Tara, TaraCriterionState, TaraVisit } from '../../../../src-shared/domain/community';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { downloadBase64, fileToBase64 } from '../customer-import/file-bytes';
import { call } from '../../api/client';
import { CustomerChooser } from './CustomerChooser';
import '../../styles/community.css';

export function TaraPage() {
  const { id } = useParams();
  const tara = useApiQuery('taras.get', { id: id! }, { enabled: !!id });
  if (id && !tara.data)
    return tara.error ? (
      <Notice tone="error">{tara.error.message}</Notice>
    ) : (
      <Loading what="Loading the association" />
    );
  const t = tara.data;
  return (
    <>
      <PageHeader
        title={t ? t.name : 'New resident association'}
        subtitle={
          t
            ? `${t.areaName ?? 'No area'} · support visit due ${formatDate(t.visitDueOn)}${t.visitOverdue ? ' (overdue)' : ''} · ${t.criteriaMet} of ${t.criteriaTotal} criteria met`
            : 'Register a tenant and resident association.'
        }
        actions={<Link to="/taras">All associations</Link>}
      />
      <TaraDetails key={t?.updatedAt ?? 'new'} tara={t} />
      {t ? (
        <>
          <Criteria tara={t} />
          <Visits tara={t} />
          <HistoryPanel entity="taras" id={t.id} />
        </>
      ) : null}
    </>
  );
}

type Role = 'chair' | 'secretary' | 'treasurer';
const roleWords: Record<Role, string> = {
  chair: 'Chair',
  secretary: 'Secretary',
  treasurer: 'Treasurer',
};

function TaraDetails({ tara }: { tara: Tara | undefined }) {
  const navigate = useNavigate();
  const org = useApiQuery('organisation.get', {});
  const canWrite = useCan('community.write');
  const initial = {
    name: tara?.name ?? '',
    areaId: tara?.areaId ?? '',
    neighbourhoodId: tara?.neighbourhoodId ?? '',
    chair: { customerId: tara?.chair.customerId ?? null, name: tara?.chair.name ?? '' },
    secretary: { customerId: tara?.secretary.customerId ?? null, name: tara?.secretary.name ?? '' },
    treasurer: { customerId: tara?.treasurer.customerId ?? null, name: tara?.treasurer.name ?? '' },
    constitutionAdoptedOn: tara?.constitutionAdoptedOn ?? '',
    agmOn: tara?.agmOn ?? '',
    accountsOn: tara?.accountsOn ?? '',
    insuranceUntil: tara?.insuranceUntil ?? '',
    recognisedFrom: tara?.recognisedFrom ?? '',
    recognisedTo: tara?.recognisedTo ?? '',
    notes: tara?.notes ?? '',
  };
  const [form, setForm] = useState(initial);
  const guard = useFormChanges(form, 'the association’s details');
  const save = useApiMutation('taras.save', {
    onSuccess: (saved) => {
      guard.saved();
      if (!tara) navigate(`/taras/${saved.id}`, { replace: true });
    },
  });
  const errors = fieldErrors(save.error);
  const text = (key: keyof typeof initial) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const neighbourhoods = (org.data?.neighbourhoods ?? []).filter(
    (n) => !form.areaId || n.areaId === form.areaId,
  );
  const officer = (role: Role) => {
    const o = form[role];
    return (
      <fieldset className="field" key={role}>
        <legend className="field__label">{roleWords[role]}</legend>
        {o.customerId ? (
          <p>
            <Link to={`/customers/${o.customerId}`}>{o.name || 'On the register'}</Link> (on the
            register){' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setForm((f) => ({ ...f, [role]: { customerId: null, name: '' } }))}
            >
              Change
            </button>
          </p>
        ) : (
          <>
            <CustomerChooser
              id={`${role}-lookup`}
              label={`Find the ${role} on the register`}
              onChoose={(c) =>
                setForm((f) => ({ ...f, [role]: { customerId: c.id, name: c.name } }))
              }
            />
            <TextField
              label={`Or their name, if not on the register`}
              value={o.name}
              onChange={(e) =>
                setForm((f) => ({ ...f, [role]: { customerId: null, name: e.target.value } }))
              }
            />
          </>
        )}
      </fieldset>
    );
  };
  return (
    <form
      className="panel"
      aria-labelledby="tara-details-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          id: tara?.id,
          expectedUpdatedAt: tara?.updatedAt,
          chair: { customerId: form.chair.customerId, name: form.chair.name },
          secretary: { customerId: form.secretary.customerId, name: form.secretary.name },
          treasurer: { customerId: form.treasurer.customerId, name: form.treasurer.name },
        });
      }}
    >
      <h2 id="tara-details-title">The association</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <TextField
          label="Name"
          required
          value={form.name}
          onChange={text('name')}
          error={errors.name}
        />
        <SelectField
          label="Area"
          value={form.areaId}
          placeholder="No area"
          options={(org.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(e) => setForm((f) => ({ ...f, areaId: e.target.value, neighbourhoodId: '' }))}
        />
        <SelectField
          label="Neighbourhood"
          value={form.neighbourhoodId}
          placeholder="No neighbourhood"
          options={neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
          onChange={text('neighbourhoodId')}
        />
      </div>
      <div className="form-grid">{(['chair', 'secretary', 'treasurer'] as const).map(officer)}</div>
      <div className="form-grid">
        <TextField
          label="Constitution adopted"
          type="date"
          value={form.constitutionAdoptedOn}
          onChange={text('constitutionAdoptedOn')}
          error={errors.constitutionAdoptedOn}
        />
        <TextField
          label="Last AGM"
          type="date"
          value={form.agmOn}
          onChange={text('agmOn')}
          error={errors.agmOn}
        />
        <TextField
          label="Last accounts"
          type="date"
          value={form.accountsOn}
          onChange={text('accountsOn')}
          error={errors.accountsOn}
        />
        <TextField
          label="Insured until"
          type="date"
          value={form.insuranceUntil}
          onChange={text('insuranceUntil')}
          error={errors.insuranceUntil}
        />
        <TextField
          label="Recognised from"
          type="date"
          value={form.recognisedFrom}
          onChange={text('recognisedFrom')}
          error={errors.recognisedFrom}
        />
        <TextField
          label="Recognised to"
          type="date"
          value={form.recognisedTo}
          onChange={text('recognisedTo')}
          error={errors.recognisedTo}
        />
      </div>
      <TextAreaField label="Notes" rows={3} value={form.notes} onChange={text('notes')} />
      {canWrite ? (
        <button type="submit" className="button" disabled={save.isPending}>
          {tara ? 'Save the details' : 'Register the association'}
        </button>
      ) : null}
    </form>
  );
}

function Criteria({ tara }: { tara: Tara }) {
  return (
    <section className="panel" aria-labelledby="criteria-title">
      <h2 id="criteria-title">Recognition criteria</h2>
      <p className="progress-line">
        <progress max={100} value={tara.percent} aria-label="Criteria met" />
        {tara.criteriaMet} of {tara.criteriaTotal} met ({tara.percent}%)
        {tara.selfSufficient ? <span className="badge badge--green">Self-sufficient</span> : null}
      </p>
      <ul className="criteria-list">
        {tara.criteria.map((c) => (
          <CriterionRow
            key={`${c.key}-${c.met}-${c.note}-${c.evidence?.fileName}`}
            tara={tara}
            criterion={c}
          />
        ))}
      </ul>
    </section>
  );
}

function CriterionRow({ tara, criterion }: { tara: Tara; criterion: TaraCriterionState }) {
  const canWrite = useCan('community.write');
  const [form, setForm] = useState({
    met: criterion.met,
    note: criterion.note ?? '',
    checkedOn: criterion.checkedOn ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const guard = useFormChanges(
    { ...form, file: file?.name ?? null },
    `the criterion “${criterion.label}”`,
  );
  const save = useApiMutation('taras.saveCriterion', { onSuccess: () => guard.saved() });
  return (
    <li>
      <form
        className="criterion-form"
        noValidate
        {...guard.formProps}
        onSubmit={async (e) => {
          e.preventDefault();
          save.mutate({
            taraId: tara.id,
            key: criterion.key,
            ...form,
            evidence: file
              ? {
                  fileName: file.name,
                  mimeType: file.type || 'application/octet-stream',
                  contentBase64: await fileToBase64(file),
                }
              : undefined,
          });
        }}
      >
        <CheckboxField
          label={criterion.label}
          checked={form.met}
          disabled={!canWrite}
          onChange={(e) => setForm({ ...form, met: e.target.checked })}
        />
        <TextField
          label="Checked on"
          type="date"
          value={form.checkedOn}
          onChange={(e) => setForm({ ...form, checkedOn: e.target.value })}
        />
        <TextField
          label="Note"
          value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
        />
        <div className="field">
          <label className="field__label" htmlFor={`evidence-${criterion.key}`}>
            Evidence
          </label>
          {criterion.evidence ? (
            <p>
              <button
                type="button"
                className="button button--quiet"
                onClick={async () => {
                  const f = await call('taras.evidence', { taraId: tara.id, key: criterion.key });
                  downloadBase64(f.fileName, f.data, f.mimeType);
                }}
              >
                {criterion.evidence.fileName}
              </button>
            </p>
          ) : null}
          <input
            id={`evidence-${criterion.key}`}
            type="file"
            className="input"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {canWrite ? (
          <button
            type="submit"
            className="button button--secondary"
            disabled={save.isPending}
            aria-label={`Save “${criterion.label}”`}
          >
            Save
          </button>
        ) : null}
      </form>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
    </li>
  );
}

function Visits({ tara }: { tara: Tara }) {
  const [editing, setEditing] = useState<TaraVisit | 'new' | null>(
    tara.visits.length ? null : 'new',
  );
  const canWrite = useCan('community.write');
  return (
    <section className="panel" aria-labelledby="visits-title">
      <h2 id="visits-title">Annual support visits</h2>
      <p>
        Next visit due {formatDate(tara.visitDueOn)}
        {tara.visitOverdue ? <span className="badge badge--red"> Overdue</span> : null}.
      </p>
      {tara.visits.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Planned for</th>
              <th scope="col">Held</th>
              <th scope="col">Findings</th>
              <th scope="col">Support agreed</th>
              <th scope="col">Follow-up</th>
              {canWrite ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {tara.visits.map((v) => (
              <tr key={v.id}>
                <td>{formatDate(v.scheduledOn)}</td>
                <td>{v.heldOn ? formatDate(v.heldOn) : 'Not yet'}</td>
                <td>{v.findings ?? '—'}</td>
                <td>{v.supportAgreed ?? '—'}</td>
                <td>
                  {v.followUp ?? '—'}
                  {v.followUpDueOn ? ` (by ${formatDate(v.followUpDueOn)})` : ''}
                </td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing(v)}
                    >
                      Change
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No support visit recorded yet.</p>
      )}
      {canWrite && editing === null ? (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Plan or record a visit
        </button>
      ) : null}
      {canWrite && editing !== null ? (
        <VisitForm
          key={editing === 'new' ? 'new' : editing.id}
          taraId={tara.id}
          visit={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

function VisitForm({
  taraId,
  visit,
  onDone,
}: {
  taraId: string;
  visit: TaraVisit | null;
  onDone: () => void;
}) {
  const [form, setForm] = useState({
    scheduledOn: visit?.scheduledOn ?? '',
    heldOn: visit?.heldOn ?? '',
    findings: visit?.findings ?? '',
    supportAgreed: visit?.supportAgreed ?? '',
    followUp: visit?.followUp ?? '',
    followUpDueOn: visit?.followUpDueOn ?? '',
  });
  const guard = useFormChanges(form, 'the support visit');
  const save = useApiMutation('taras.saveVisit', {
    onSuccess: () => {
      guard.saved();
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const text = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form
      className="community-subform"
      aria-labelledby="visit-form-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: visit?.id, taraId, ...form });
      }}
    >
      <h3 id="visit-form-title">{visit ? 'Change the visit' : 'A support visit'}</h3>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <TextField
          label="Planned for"
          type="date"
          value={form.scheduledOn}
          onChange={text('scheduledOn')}
          error={errors.scheduledOn}
        />
        <TextField
          label="Held on"
          type="date"
          value={form.heldOn}
          onChange={text('heldOn')}
          error={errors.heldOn}
        />
        <TextField
          label="Follow-up due"
          type="date"
          value={form.followUpDueOn}
          onChange={text('followUpDueOn')}
        />
      </div>
      <TextAreaField label="Findings" rows={3} value={form.findings} onChange={text('findings')} />
      <TextAreaField
        label="Support agreed"
        rows={2}
        value={form.supportAgreed}
        onChange={text('supportAgreed')}
      />
      <TextAreaField
        label="Follow-up actions"
        rows={2}
        value={form.followUp}
        onChange={text('followUp')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Save the visit
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
