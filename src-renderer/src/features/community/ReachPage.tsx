import { useState } from 'react';
import { Link } from 'react-router';
import {
  communityVisitKindLabels,
  communityVisitKinds,
  type DispersedCommunity,
} from '../../../../src-shared/domain/community';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatCount, formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import '../../styles/community.css';

/** Dispersed communities and higher-risk buildings: who has heard from us in the last 12 months. */
export function ReachPage() {
  return (
    <>
      <PageHeader
        title="Dispersed communities and buildings"
        subtitle="Every small or dispersed community should have a visit or roadshow at least once a year; residents of higher-risk buildings review building safety."
      />
      <DispersedSection />
      <BuildingsSection />
    </>
  );
}

function DispersedSection() {
  const list = useApiQuery('dispersed.list', {});
  const visits = useApiQuery('dispersed.visits', {});
  const canFlag = useCan('organisation.write');
  const none = list.data?.filter((d) => d.noneInYear) ?? [];
  return (
    <section className="panel" aria-labelledby="dispersed-title">
      <h2 id="dispersed-title">Dispersed communities</h2>
      {!list.data ? <Loading what="Loading the communities" /> : null}
      {list.data?.length === 0 ? (
        <p>
          No area or neighbourhood is marked as small or dispersed.{' '}
          {canFlag ? (
            <Link to="/settings/organisation">Mark them in the organisation settings.</Link>
          ) : null}
        </p>
      ) : null}
      {list.data?.length ? (
        <>
          <p>
            <span className={`badge badge--${none.length ? 'red' : 'green'}`}>
              {formatCount(none.length)}
            </span>{' '}
            with no visit or roadshow in the last 12 months.
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col" className="num">
                  Homes
                </th>
                <th scope="col">Last visit or roadshow</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((d) => (
                <tr key={d.id} className={d.noneInYear ? 'row--attention' : undefined}>
                  <th scope="row">
                    {d.name}
                    {d.areaName ? <span className="muted"> ({d.areaName})</span> : null}
                  </th>
                  <td className="num">{d.homes ?? '—'}</td>
                  <td>
                    {d.lastVisitOn ? formatDate(d.lastVisitOn) : 'Never'}{' '}
                    {d.noneInYear ? (
                      <span className="badge badge--red">None in 12 months</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <VisitForm communities={list.data} />
        </>
      ) : null}
      {visits.data?.length ? (
        <>
          <h3>What customers said</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col">What customers said</th>
                <th scope="col">Feedback given</th>
              </tr>
            </thead>
            <tbody>
              {visits.data.map((v) => (
                <tr key={v.id}>
                  <td>
                    {formatDate(v.onDate)}
                    <div className="muted">{communityVisitKindLabels[v.kind]}</div>
                  </td>
                  <td>
                    {list.data?.find((d) => d.id === v.communityId)?.name}
                    {v.venue ? <div className="muted">{v.venue}</div> : null}
                  </td>
                  <td>{v.customersSaid}</td>
                  <td>{v.feedbackGiven ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function VisitForm({ communities }: { communities: DispersedCommunity[] }) {
  const canWrite = useCan('community.write');
  const today = useToday();
  const blank = {
    communityId: communities[0]?.id ?? '',
    onDate: today,
    kind: 'roadshow' as (typeof communityVisitKinds)[number],
    venue: '',
    peopleMet: '',
    customersSaid: '',
    feedbackGiven: '',
  };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the visit');
  const save = useApiMutation('dispersed.recordVisit', {
    onSuccess: () => {
      guard.saved();
      setForm(blank);
    },
  });
  const errors = fieldErrors(save.error);
  if (!canWrite) return null;
  const text = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form
      className="community-subform"
      aria-labelledby="community-visit-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          peopleMet: form.peopleMet === '' ? null : Number(form.peopleMet),
        });
      }}
    >
      <h3 id="community-visit-title">Record a visit or roadshow</h3>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">Recorded.</Notice> : null}
      <div className="form-grid">
        <SelectField
          label="Community"
          value={form.communityId}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          onChange={text('communityId')}
        />
        <TextField
          label="On"
          type="date"
          value={form.onDate}
          onChange={text('onDate')}
          error={errors.onDate}
        />
        <SelectField
          label="Kind"
          value={form.kind}
          options={communityVisitKinds.map((k) => ({
            value: k,
            label: communityVisitKindLabels[k],
          }))}
          onChange={text('kind')}
        />
        <TextField label="Where" value={form.venue} onChange={text('venue')} />
        <TextField
          label="People met"
          inputMode="numeric"
          value={form.peopleMet}
          onChange={text('peopleMet')}
          error={errors.peopleMet}
        />
      </div>
      <TextAreaField
        label="What customers said"
        required
        rows={3}
        value={form.customersSaid}
        onChange={text('customersSaid')}
        error={errors.customersSaid}
      />
      <TextAreaField
        label="Feedback given to them"
        rows={2}
        value={form.feedbackGiven}
        onChange={text('feedbackGiven')}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        Record the visit
      </button>
    </form>
  );
}

function BuildingsSection() {
  const buildings = useApiQuery('buildings.list', {});
  const canAdd = useCan('community.buildings');
  const none = buildings.data?.filter((b) => b.noneInYear) ?? [];
  return (
    <section className="panel" aria-labelledby="buildings-title">
      <h2 id="buildings-title">Higher-risk buildings</h2>
      {!buildings.data ? <Loading what="Loading the buildings" /> : null}
      {buildings.data?.length === 0 ? <p>No higher-risk buildings are recorded.</p> : null}
      {buildings.data?.length ? (
        <>
          <p>
            <span className={`badge badge--${none.length ? 'red' : 'green'}`}>
              {formatCount(none.length)}
            </span>{' '}
            with no resident engagement in the last 12 months.
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Building</th>
                <th scope="col">Landlord</th>
                <th scope="col" className="num">
                  Storeys
                </th>
                <th scope="col" className="num">
                  Residents involved
                </th>
                <th scope="col">Last engagement</th>
              </tr>
            </thead>
            <tbody>
              {buildings.data.map((b) => (
                <tr key={b.id} className={b.noneInYear ? 'row--attention' : undefined}>
                  <th scope="row">
                    <Link to={`/buildings/${b.id}`}>{b.name}</Link>
                    <div className="muted">{b.address}</div>
                  </th>
                  <td>{b.landlordName ?? '—'}</td>
                  <td className="num">{b.storeys ?? '—'}</td>
                  <td className="num">{formatCount(b.residentsInvolved)}</td>
                  <td>
                    {b.lastEngagementOn ? formatDate(b.lastEngagementOn) : 'Never'}{' '}
                    {b.noneInYear ? (
                      <span className="badge badge--red">None in 12 months</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {canAdd ? (
        <Link className="button" to="/buildings/new">
          Add a building
        </Link>
      ) : null}
    </section>
  );
}
