import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  engagementKindLabels,
  engagementKinds,
  type Building,
} from '../../../../src-shared/domain/community';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { CustomerChooser } from './CustomerChooser';
import '../../styles/community.css';

export function BuildingPage() {
  const { id } = useParams();
  const building = useApiQuery('buildings.get', { id: id! }, { enabled: !!id });
  if (id && !building.data)
    return building.error ? (
      <Notice tone="error">{building.error.message}</Notice>
    ) : (
      <Loading what="Loading the building" />
    );
  const b = building.data;
  return (
    <>
      <PageHeader
        title={b ? b.name : 'New higher-risk building'}
        subtitle={
          b
            ? `${b.address} · ${b.residentsInvolved} residents involved · last engagement ${b.lastEngagementOn ? formatDate(b.lastEngagementOn) : 'never'}`
            : 'A building of 18 metres or more, or seven storeys or more.'
        }
        actions={<Link to="/dispersed-and-buildings">All buildings</Link>}
      />
      <BuildingForm key={b?.updatedAt ?? 'new'} building={b} />
      {b ? (
        <>
          <Residents building={b} />
          <Engagement building={b} />
          <Reviews building={b} />
        </>
      ) : null}
    </>
  );
}

function BuildingForm({ building }: { building: Building | undefined }) {
  const navigate = useNavigate();
  const org = useApiQuery('organisation.get', {});
  const canEdit = useCan('community.buildings');
  const [form, setForm] = useState({
    name: building?.name ?? '',
    address: building?.address ?? '',
    postcode: building?.postcode ?? '',
    landlordId: building?.landlordId ?? '',
    areaId: building?.areaId ?? '',
    heightMetres: building?.heightMetres?.toString() ?? '',
    storeys: building?.storeys?.toString() ?? '',
    notes: building?.notes ?? '',
  });
  const guard = useFormChanges(form, 'the building');
  const save = useApiMutation('buildings.save', {
    onSuccess: (saved) => {
      guard.saved();
      if (!building) navigate(`/buildings/${saved.id}`, { replace: true });
    },
  });
  const errors = fieldErrors(save.error);
  const text = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const number = (s: string) => (s.trim() === '' ? null : Number(s));
  return (
    <form
      className="panel"
      aria-labelledby="building-form-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          id: building?.id,
          expectedUpdatedAt: building?.updatedAt,
          heightMetres: number(form.heightMetres),
          storeys: number(form.storeys),
        });
      }}
    >
      <h2 id="building-form-title">The building</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <fieldset disabled={!canEdit} className="form-grid">
        <TextField
          label="Name"
          required
          value={form.name}
          onChange={text('name')}
          error={errors.name}
        />
        <TextField
          label="Address"
          required
          value={form.address}
          onChange={text('address')}
          error={errors.address}
        />
        <TextField label="Postcode" value={form.postcode} onChange={text('postcode')} />
        <SelectField
          label="Landlord"
          value={form.landlordId}
          placeholder="No landlord"
          options={(org.data?.landlords ?? []).map((l) => ({ value: l.id, label: l.name }))}
          onChange={text('landlordId')}
        />
        <SelectField
          label="Area"
          value={form.areaId}
          placeholder="No area"
          options={(org.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={text('areaId')}
        />
        <TextField
          label="Height (metres)"
          inputMode="decimal"
          value={form.heightMetres}
          onChange={text('heightMetres')}
          error={errors.heightMetres}
        />
        <TextField
          label="Storeys"
          inputMode="numeric"
          value={form.storeys}
          onChange={text('storeys')}
          error={errors.storeys}
        />
      </fieldset>
      <TextAreaField
        label="Notes"
        rows={2}
        value={form.notes}
        onChange={text('notes')}
        disabled={!canEdit}
      />
      {canEdit ? (
        <button type="submit" className="button" disabled={save.isPending}>
          {building ? 'Save the building' : 'Add the building'}
        </button>
      ) : null}
    </form>
  );
}

function Residents({ building }: { building: Building }) {
  const today = useToday();
  const canWrite = useCan('community.write');
  const add = useApiMutation('buildings.addResident');
  const remove = useApiMutation('buildings.removeResident');
  return (
    <section className="panel" aria-labelledby="residents-title">
      <h2 id="residents-title">Residents involved</h2>
      {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
      {building.residents.length === 0 ? <p>No residents are involved yet.</p> : null}
      {building.residents.length ? (
        <ul>
          {building.residents.map((r) => (
            <li key={r.id}>
              <Link to={`/customers/${r.customerId}`}>{r.name}</Link>, since {formatDate(r.sinceOn)}{' '}
              {canWrite ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`${r.name} has stopped`}
                  onClick={() => remove.mutate({ id: r.id, leftOn: today })}
                >
                  Stopped
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <CustomerChooser
          id="resident-lookup"
          label="Add a resident from the register"
          onChoose={(c) =>
            add.mutate({ buildingId: building.id, customerId: c.id, sinceOn: today })
          }
        />
      ) : null}
    </section>
  );
}

function Engagement({ building }: { building: Building }) {
  const today = useToday();
  const canWrite = useCan('community.write');
  const blank = {
    onDate: today,
    kind: 'residents_meeting' as (typeof engagementKinds)[number],
    summary: '',
    residentsTakingPart: '',
  };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the engagement');
  const save = useApiMutation('buildings.recordEngagement', {
    onSuccess: () => {
      guard.saved();
      setForm(blank);
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <section className="panel" aria-labelledby="engagement-title">
      <h2 id="engagement-title">Building safety engagement</h2>
      {building.engagements.length === 0 ? <p>No engagement recorded.</p> : null}
      {building.engagements.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">What happened</th>
              <th scope="col" className="num">
                Residents
              </th>
            </tr>
          </thead>
          <tbody>
            {building.engagements.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.onDate)}</td>
                <td>{engagementKindLabels[e.kind]}</td>
                <td>{e.summary}</td>
                <td className="num">{e.residentsTakingPart ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canWrite ? (
        <form
          className="community-subform"
          aria-labelledby="engagement-form-title"
          noValidate
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              buildingId: building.id,
              ...form,
              residentsTakingPart:
                form.residentsTakingPart === '' ? null : Number(form.residentsTakingPart),
            });
          }}
        >
          <h3 id="engagement-form-title">Record engagement</h3>
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              label="On"
              type="date"
              value={form.onDate}
              onChange={(e) => setForm({ ...form, onDate: e.target.value })}
              error={errors.onDate}
            />
            <SelectField
              label="Kind"
              value={form.kind}
              options={engagementKinds.map((k) => ({ value: k, label: engagementKindLabels[k] }))}
              onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}
            />
            <TextField
              label="Residents taking part"
              inputMode="numeric"
              value={form.residentsTakingPart}
              onChange={(e) => setForm({ ...form, residentsTakingPart: e.target.value })}
              error={errors.residentsTakingPart}
            />
          </div>
          <TextAreaField
            label="What happened"
            required
            rows={3}
            value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.target.value })}
            error={errors.summary}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            Record it
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Reviews({ building }: { building: Building }) {
  const today = useToday();
  const canWrite = useCan('community.write');
  const recs = useApiQuery('recommendations.list', { limit: 200 }, { enabled: canWrite });
  const blank = { recommendationId: '', reviewedOn: today, comments: '' };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the review');
  const save = useApiMutation('buildings.recordReview', {
    onSuccess: () => {
      guard.saved();
      setForm(blank);
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <section className="panel" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Recommendations the residents review</h2>
      {building.reviews.length === 0 ? <p>No recommendations reviewed yet.</p> : null}
      {building.reviews.length ? (
        <ul>
          {building.reviews.map((v) => (
            <li key={v.id}>
              <Link to={`/recommendations/${v.recommendationId}`}>{v.reference}</Link>: {v.text}{' '}
              <span className="muted">
                (reviewed {formatDate(v.reviewedOn)}
                {v.comments ? `: ${v.comments}` : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <form
          className="community-subform"
          aria-labelledby="review-form-title"
          noValidate
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ buildingId: building.id, ...form });
          }}
        >
          <h3 id="review-form-title">Record a review</h3>
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              label="Recommendation"
              value={form.recommendationId}
              placeholder="Choose from the tracker"
              options={(recs.data?.rows ?? []).map((r) => ({
                value: r.id,
                label: `${r.reference}: ${r.text.slice(0, 80)}`,
              }))}
              onChange={(e) => setForm({ ...form, recommendationId: e.target.value })}
              error={errors.recommendationId}
            />
            <TextField
              label="Reviewed on"
              type="date"
              value={form.reviewedOn}
              onChange={(e) => setForm({ ...form, reviewedOn: e.target.value })}
            />
          </div>
          <TextAreaField
            label="What the residents said"
            rows={2}
            value={form.comments}
            onChange={(e) => setForm({ ...form, comments: e.target.value })}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            Record the review
          </button>
        </form>
      ) : null}
    </section>
  );
}
