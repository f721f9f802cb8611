import { useState } from 'react';
import { Link } from 'react-router';
import {
  communicationKindLabels,
  mailingPurposeLabels,
  type RhythmPlanItem,
} from '../../../../src-shared/domain/community';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextField } from '../../components/Field';
import { formatCount, formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { channelLabel, rhythmStateLabels, rhythmStateTone } from './labels';
import { PlanSettings } from './PlanSettings';
import '../../styles/community.css';

/** Keeping in touch: mailing lists, what was sent, and the Framework's rhythm with its due dates. */
export function KeepingInTouchPage() {
  const canWrite = useCan('community.write');
  return (
    <>
      <PageHeader
        title="Keeping in touch"
        subtitle="Mailing lists from the register, what was sent to whom, and the Framework’s plan: an Open Day twice a year, the update video and the newsletter every quarter."
        actions={
          <>
            {canWrite ? (
              <Link className="button" to="/mailing-lists/new">
                New mailing list
              </Link>
            ) : null}
            <Link className="button button--secondary" to="/involvement-menu">
              Involvement menu
            </Link>
          </>
        }
      />
      <RhythmPlan />
      <MailingLists />
      <SentCommunications />
    </>
  );
}

function MailingLists() {
  const lists = useApiQuery('mailing.lists', {});
  return (
    <section className="panel" aria-labelledby="lists-title">
      <h2 id="lists-title">Mailing lists</h2>
      {!lists.data ? <Loading what="Loading the lists" /> : null}
      {lists.data?.length === 0 ? <p>No mailing lists yet.</p> : null}
      {lists.data?.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">For</th>
              <th scope="col">Sent by</th>
              <th scope="col">Last sent</th>
            </tr>
          </thead>
          <tbody>
            {lists.data.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  <Link to={`/mailing-lists/${l.id}`}>{l.name}</Link>
                </th>
                <td>{mailingPurposeLabels[l.purpose]}</td>
                <td>{l.filters.channels.map(channelLabel).join(', ')}</td>
                <td>{l.lastSentOn ? formatDate(l.lastSentOn) : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function SentCommunications() {
  const sent = useApiQuery('mailing.communications', {});
  return (
    <section className="panel" aria-labelledby="sent-log-title">
      <h2 id="sent-log-title">Sent</h2>
      {!sent.data ? <Loading what="Loading what was sent" /> : null}
      {sent.data?.length === 0 ? <p>Nothing has been recorded as sent yet.</p> : null}
      {sent.data?.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Kind</th>
              <th scope="col">Sent on</th>
              <th scope="col">List</th>
              <th scope="col" className="num">
                Recipients
              </th>
            </tr>
          </thead>
          <tbody>
            {sent.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>{communicationKindLabels[c.kind]}</td>
                <td>{formatDate(c.sentOn)}</td>
                <td>{c.listName ?? '—'}</td>
                <td className="num">{formatCount(c.recipients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function RhythmPlan() {
  const plan = useApiQuery('rhythm.plan', {});
  const today = useToday();
  const canSet = useCan('community.settings');
  return (
    <section className="panel" aria-labelledby="rhythm-title">
      <h2 id="rhythm-title">The Framework’s plan</h2>
      {!plan.data ? <Loading what="Loading the plan" /> : null}
      <div className="rhythm-grid">
        {plan.data?.map((item) => (
          <RhythmItemCard key={item.key} item={item} today={today} />
        ))}
      </div>
      {plan.data ? <DeliveryForm items={plan.data} /> : null}
      {plan.data && canSet ? (
        <PlanSettings
          key={plan.data.map((i) => `${i.key}${i.timesPerYear}${i.name}`).join()}
          items={plan.data}
        />
      ) : null}
    </section>
  );
}

function RhythmItemCard({ item, today }: { item: RhythmPlanItem; today: string }) {
  // This financial year's parts; last year's missed ones show on Home.
  const thisYear = item.periods.slice(item.timesPerYear);
  return (
    <div className="rhythm-item">
      <h3>{item.name}</h3>
      <p className="muted">
        {item.timesPerYear === 4 ? 'Every quarter' : `${item.timesPerYear} times a year`}
        {item.note ? `. ${item.note}` : ''}
      </p>
      <ul className="rhythm-periods">
        {thisYear.map((p) => (
          <li key={p.from}>
            <span className={`badge badge--${rhythmStateTone[p.state]}`}>
              {rhythmStateLabels[p.state]}
            </span>{' '}
            {p.deliveredOn
              ? `delivered ${formatDate(p.deliveredOn)}`
              : `${p.dueOn < today ? 'was due' : 'due by'} ${formatDate(p.dueOn)}`}
          </li>
        ))}
      </ul>
      {item.presenters ? (
        <details>
          <summary>Presenting: each group’s customer lead ({item.presenters.length})</summary>
          {item.presenters.length === 0 ? (
            <p className="muted">No group has a customer lead recorded.</p>
          ) : (
            <ul>
              {item.presenters.map((p) => (
                <li key={`${p.group}-${p.name}`}>
                  {p.group}: {p.name}
                </li>
              ))}
            </ul>
          )}
        </details>
      ) : null}
    </div>
  );
}

function DeliveryForm({ items }: { items: RhythmPlanItem[] }) {
  const canWrite = useCan('community.write');
  const today = useToday();
  const blank = { rhythmKey: items[0]?.key ?? '', deliveredOn: today, note: '' };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the delivery');
  const save = useApiMutation('rhythm.recordDelivery', {
    onSuccess: () => {
      guard.saved();
      setForm(blank);
    },
  });
  const errors = fieldErrors(save.error);
  if (!canWrite) return null;
  return (
    <form
      className="community-subform"
      aria-labelledby="delivery-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h3 id="delivery-title">Record one done</h3>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">Recorded.</Notice> : null}
      <div className="form-grid">
        <SelectField
          label="What"
          value={form.rhythmKey}
          options={items.map((i) => ({ value: i.key, label: i.name }))}
          onChange={(e) => setForm({ ...form, rhythmKey: e.target.value })}
        />
        <TextField
          label="Done on"
          type="date"
          value={form.deliveredOn}
          onChange={(e) => setForm({ ...form, deliveredOn: e.target.value })}
          error={errors.deliveredOn}
        />
        <TextField
          label="Note"
          hint="The Open Day’s topics and speakers, the video’s subject."
          value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
        />
      </div>
      <button type="submit" className="button">
        Record it
      </button>
    </form>
  );
}
