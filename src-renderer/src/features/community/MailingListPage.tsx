import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  mailingPurposeLabels,
  mailingPurposes,
  type MailingFiltersInput,
  type MailingList,
  type MailingPurpose,
} from '../../../../src-shared/domain/community';
import { serviceAreas } from '../../../../src-shared/domain/customer';
import {
  exclusionReasonLabels,
  exclusionReasons,
  mailingChannels,
  type MailingChannel,
} from '../../../../src-shared/rules/mailing-eligibility';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatCount, formatDate, plural } from '../../components/format';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { channelLabel } from './labels';
import '../../styles/community.css';

interface ListForm {
  name: string;
  purpose: MailingPurpose;
  groupId: string;
  interest: string;
  areaId: string;
  landlordId: string;
  channels: MailingChannel[];
  includePaused: boolean;
  notes: string;
}

function formOf(list: MailingList | undefined): ListForm {
  return {
    name: list?.name ?? '',
    purpose: list?.purpose ?? 'newsletter',
    groupId: list?.filters.groupId ?? '',
    interest: list?.filters.interest ?? '',
    areaId: list?.filters.areaId ?? '',
    landlordId: list?.filters.landlordId ?? '',
    channels: list?.filters.channels ?? ['email', 'post'],
    includePaused: list?.filters.includePaused ?? false,
    notes: list?.notes ?? '',
  };
}

function filtersOf(form: ListForm): MailingFiltersInput {
  return {
    groupId: form.groupId || null,
    interest: (form.interest || null) as MailingFiltersInput['interest'],
    areaId: form.areaId || null,
    landlordId: form.landlordId || null,
    channels: form.channels,
    includePaused: form.includePaused,
  };
}

/** A mailing list: who it is for, who it reaches today and how, who it leaves out and why. */
export function MailingListPage() {
  const { id } = useParams();
  const list = useApiQuery('mailing.list', { id: id! }, { enabled: !!id });
  if (id && !list.data)
    return list.error ? (
      <Notice tone="error">{list.error.message}</Notice>
    ) : (
      <Loading what="Loading the mailing list" />
    );
  return <MailingListEditor key={list.data?.updatedAt ?? 'new'} list={list.data} />;
}

function MailingListEditor({ list }: { list: MailingList | undefined }) {
  const navigate = useNavigate();
  const canWrite = useCan('community.write');
  const [form, setForm] = useState<ListForm>(() => formOf(list));
  const guard = useFormChanges(form, 'the mailing list');
  const groups = useApiQuery('groups.list', {});
  const org = useApiQuery('organisation.get', {});
  const save = useApiMutation('mailing.saveList', {
    onSuccess: (saved) => {
      guard.saved();
      if (!list) navigate(`/mailing-lists/${saved.id}`, { replace: true });
    },
  });
  const errors = fieldErrors(save.error);
  const set = (key: keyof ListForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const toggleChannel = (c: MailingChannel) =>
    setForm((f) => ({
      ...f,
      channels: f.channels.includes(c) ? f.channels.filter((x) => x !== c) : [...f.channels, c],
    }));

  return (
    <>
      <PageHeader
        title={list ? list.name : 'New mailing list'}
        subtitle={
          list?.lastSentOn
            ? `Last sent ${formatDate(list.lastSentOn)}`
            : 'Built from the register each time, honouring consent and how each customer asked to be contacted.'
        }
        actions={<Link to="/keeping-in-touch">All mailing lists</Link>}
      />
      <div className="community-columns">
        <form
          className="panel"
          aria-labelledby="list-form-title"
          noValidate
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              id: list?.id,
              expectedUpdatedAt: list?.updatedAt,
              name: form.name,
              purpose: form.purpose,
              filters: filtersOf(form),
              notes: form.notes,
            });
          }}
        >
          <h2 id="list-form-title">Who it goes to</h2>
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <TextField
            label="List name"
            required
            value={form.name}
            onChange={set('name')}
            error={errors.name}
          />
          <SelectField
            label="For"
            value={form.purpose}
            options={mailingPurposes.map((p) => ({ value: p, label: mailingPurposeLabels[p] }))}
            onChange={set('purpose')}
          />
          <p className="muted">Leave a filter empty for all involved customers.</p>
          <SelectField
            label="Group"
            value={form.groupId}
            placeholder="Any group, or none"
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            onChange={set('groupId')}
          />
          <SelectField
            label="Interest"
            value={form.interest}
            placeholder="Any interest"
            options={serviceAreas.options}
            onChange={set('interest')}
          />
          <SelectField
            label="Landlord"
            value={form.landlordId}
            placeholder="Every landlord"
            options={(org.data?.landlords ?? []).map((l) => ({ value: l.id, label: l.name }))}
            onChange={set('landlordId')}
          />
          <SelectField
            label="Area"
            value={form.areaId}
            placeholder="Every area"
            options={(org.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={set('areaId')}
          />
          <fieldset className="field">
            <legend className="field__label">Send by</legend>
            <p className="field__hint">
              Each customer gets it the first of these ways they asked for.
            </p>
            {mailingChannels.map((c) => (
              <CheckboxField
                key={c}
                label={channelLabel(c)}
                checked={form.channels.includes(c)}
                onChange={() => toggleChannel(c)}
              />
            ))}
            {errors['filters.channels'] ? (
              <p className="field__error" role="alert">
                {errors['filters.channels']}
              </p>
            ) : null}
          </fieldset>
          <CheckboxField
            label="Include customers who have paused their involvement"
            checked={form.includePaused}
            onChange={(e) => setForm((f) => ({ ...f, includePaused: e.target.checked }))}
          />
          <TextAreaField label="Notes" value={form.notes} onChange={set('notes')} rows={2} />
          {canWrite ? (
            <button type="submit" className="button" disabled={save.isPending}>
              {list ? 'Save the list' : 'Save the new list'}
            </button>
          ) : null}
        </form>
        <MailingPreview filters={filtersOf(form)} />
      </div>
      {list ? (
        <ExportAndSend list={list} dirty={JSON.stringify(formOf(list)) !== JSON.stringify(form)} />
      ) : null}
    </>
  );
}

function MailingPreview({ filters }: { filters: MailingFiltersInput }) {
  const ok = filters.channels.length > 0;
  const build = useApiQuery(
    'mailing.build',
    { filters },
    { enabled: ok, placeholderData: (p) => p },
  );
  if (!ok)
    return (
      <section className="panel" aria-labelledby="preview-title">
        <h2 id="preview-title">Who it reaches today</h2>
        <p>Choose at least one way to send it.</p>
      </section>
    );
  const b = build.data;
  return (
    <section className="panel" aria-labelledby="preview-title" aria-busy={build.isFetching}>
      <h2 id="preview-title">Who it reaches today</h2>
      {build.error ? <Notice tone="error">{build.error.message}</Notice> : null}
      {!b ? <Loading what="Building the list" /> : null}
      {b ? (
        <>
          <p className="mailing-total">
            <strong>{formatCount(b.included)}</strong> of {formatCount(b.inScope)}{' '}
            {plural(b.inScope, 'customer', 'customers')} in scope:{' '}
            {mailingChannels
              .filter((c) => b.byChannel[c] > 0)
              .map((c) => `${formatCount(b.byChannel[c])} by ${channelLabel(c).toLowerCase()}`)
              .join(', ') || 'nobody'}
            .
          </p>
          <h3>Left out, and why ({formatCount(b.excludedTotal)})</h3>
          {b.excludedTotal === 0 ? (
            <p>Nobody in scope is left out.</p>
          ) : (
            <>
              <ul className="reason-counts">
                {exclusionReasons
                  .filter((r) => b.byReason[r] > 0)
                  .map((r) => (
                    <li key={r}>
                      {exclusionReasonLabels[r]}: {formatCount(b.byReason[r])}
                    </li>
                  ))}
              </ul>
              <div className="table-scroll">
                <table className="table table--compact" aria-label="Customers left out">
                  <thead>
                    <tr>
                      <th scope="col">Customer</th>
                      <th scope="col">Left out because</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.excluded.map((e) => (
                      <tr key={e.customerId}>
                        <th scope="row">
                          <Link to={`/customers/${e.customerId}`}>{e.name}</Link>
                        </th>
                        <td>{e.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {b.excludedTotal > b.excluded.length ? (
                <p className="muted">
                  The first {formatCount(b.excluded.length)} are shown; the export’s “Left out”
                  sheet lists all {formatCount(b.excludedTotal)}.
                </p>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function ExportAndSend({ list, dirty }: { list: MailingList; dirty: boolean }) {
  const canExport = useCan('community.export');
  const canSend = useCan('community.send');
  const today = useToday();
  const job = useJob();
  const rhythm = useApiQuery('rhythm.items', {});
  const blank = { title: '', sentOn: today, rhythmKey: '' };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the mailing sent');
  const [done, setDone] = useState<string | null>(null);
  const send = useApiMutation('mailing.recordSent', {
    onSuccess: (c) => {
      guard.saved();
      setForm(blank);
      setDone(
        `Logged “${c.title}” against ${formatCount(c.recipients)} ${plural(c.recipients, 'customer', 'customers')}.`,
      );
    },
  });
  const errors = fieldErrors(send.error);
  const files = job.status?.state === 'done' ? job.status.files : [];
  return (
    <div className="community-columns">
      {canExport ? (
        <section className="panel" aria-labelledby="export-title">
          <h2 id="export-title">Mail-merge file and address labels</h2>
          <p>
            A workbook and CSV of everyone the saved list reaches (with a sheet of who is left out
            and why), and address labels, 21 to an A4 sheet (63.5 × 38.1 mm), for those who get it
            by letter.
          </p>
          {dirty ? (
            <Notice tone="warning">Save the list first: the export uses the saved list.</Notice>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={job.running || dirty}
            onClick={() => void job.start(() => call('mailing.startExport', { id: list.id }))}
          >
            Export the list
          </button>
          <JobProgress job={job} label="The export" />
          {files.length ? (
            <ul className="button-row" aria-label="Files ready">
              {files.map((f) => (
                <li key={f.name}>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void job.download(f.name)}
                  >
                    Download {f.fileName}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {job.status?.state === 'done' && !files.some((f) => f.name === 'labels') ? (
            <p className="muted">Nobody on the list gets it by letter, so there are no labels.</p>
          ) : null}
        </section>
      ) : null}
      {canSend ? (
        <form
          className="panel"
          aria-labelledby="sent-title"
          noValidate
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            send.mutate({
              listId: list.id,
              title: form.title,
              sentOn: form.sentOn,
              rhythmKey: form.rhythmKey || null,
            });
          }}
        >
          <h2 id="sent-title">Record it as sent</h2>
          <p>Logs what was sent against each customer the list reaches, on their record.</p>
          {send.error && !errors.title ? (
            <Notice tone="error">{errorMessage(send.error)}</Notice>
          ) : null}
          {done ? <Notice tone="success">{done}</Notice> : null}
          <TextField
            label="What was sent"
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
            error={errors.title}
          />
          <TextField
            label="Sent on"
            type="date"
            value={form.sentOn}
            onChange={(e) => setForm({ ...form, sentOn: e.target.value })}
            error={errors.sentOn}
          />
          <SelectField
            label="Counts as"
            value={form.rhythmKey}
            placeholder="Not part of the plan"
            options={(rhythm.data ?? []).map((i) => ({ value: i.key, label: i.name }))}
            onChange={(e) => setForm({ ...form, rhythmKey: e.target.value })}
          />
          <button type="submit" className="button" disabled={send.isPending || dirty}>
            Record as sent
          </button>
        </form>
      ) : null}
    </div>
  );
}
