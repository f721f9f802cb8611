import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  applicantKindLabels,
  applicationStatusLabels,
  documentKindLabels,
  grantPaymentMethodLabels,
  type GrantApplication,
  type GrantDocumentKind,
  type GrantPaymentMethod,
} from '../../../../src-shared/domain/grants';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatCount, formatDate, formatPence } from '../../components/format';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { SectionIndex } from '../../components/SectionIndex';
import { useFormChanges, useUnsavedChanges } from '../../components/UnsavedChanges';
import { fileToBase64 } from '../customer-import/file-bytes';
import { downloadFile } from '../meetings/time';
import { useCan } from '../../session';
import { evaluationLabels, evaluationTone, statusTone } from './labels';
import { penceOf, poundsText } from './money';
import '../../styles/grants.css';

/** One application through its stages: details, documents, eligibility, decision, payments, evaluation. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const q = useApiQuery('grants.application', { id });
  if (q.error) return <Notice tone="error">{errorMessage(q.error)}</Notice>;
  if (!q.data) return <Loading what="Loading the application" />;
  const a = q.data;
  const awarded = a.decision === 'awarded';
  const sections = [
    { id: 'app-details', label: 'Details' },
    { id: 'app-documents', label: 'Documents' },
    { id: 'app-eligibility', label: 'Eligibility' },
    { id: 'app-result', label: a.decisionMethod === 'panel' ? 'Scores' : 'Votes' },
    { id: 'app-decision', label: 'Decision' },
    ...(awarded
      ? [
          { id: 'app-payments', label: 'Payments' },
          { id: 'app-evaluation', label: 'Evaluation' },
        ]
      : []),
  ];
  const editable = !a.decision && a.status !== 'withdrawn';
  return (
    <>
      <PageHeader
        title={`${a.reference}: ${a.projectTitle}`}
        subtitle={
          <>
            <Link to={`/grants/rounds/${a.roundId}`}>{a.roundName}</Link>.{' '}
            <span className={`badge badge--${statusTone[a.status]}`}>
              {applicationStatusLabels[a.status]}
            </span>
            {a.evaluationState ? (
              <>
                {' '}
                <span className={`badge badge--${evaluationTone[a.evaluationState]}`}>
                  {evaluationLabels[a.evaluationState]}
                </span>
              </>
            ) : null}
          </>
        }
        actions={
          editable ? (
            <Link className="button button--secondary" to={`/grants/applications/${a.id}/edit`}>
              Edit the application
            </Link>
          ) : undefined
        }
      />
      <SectionIndex sections={sections} />
      <Details a={a} />
      {editable ? <Withdraw a={a} /> : null}
      <Documents a={a} kinds={['supporting']} id="app-documents" title="Supporting documents" />
      <Eligibility a={a} editable={editable} />
      <Result a={a} />
      <Decision a={a} />
      {awarded ? <Payments a={a} /> : null}
      {awarded ? <Evaluation a={a} /> : null}
      <HistoryPanel entity="grant_applications" id={a.id} />
    </>
  );
}

function Details({ a }: { a: GrantApplication }) {
  return (
    <section className="panel" aria-labelledby="app-details">
      <h2 id="app-details">Details</h2>
      <dl className="facts facts--columns">
        <div>
          <dt>Applicant</dt>
          <dd>
            {a.applicantName} ({applicantKindLabels[a.applicantKind]})
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {a.contactCustomerId ? (
              <Link to={`/customers/${a.contactCustomerId}`}>{a.contactName}</Link>
            ) : (
              a.contactName
            )}
            {[a.contactPhone, a.contactEmail].filter(Boolean).length
              ? `, ${[a.contactPhone, a.contactEmail].filter(Boolean).join(', ')}`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDate(a.receivedOn)}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{a.areaName ?? 'Not given'}</dd>
        </div>
        <div>
          <dt>Board priority</dt>
          <dd>{a.priorityName ?? 'Not given'}</dd>
        </div>
        <div>
          <dt>Amount asked</dt>
          <dd>{formatPence(a.amountPence)}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {a.startsOn || a.endsOn
              ? `${formatDate(a.startsOn)} to ${formatDate(a.endsOn)}`
              : 'Not given'}
          </dd>
        </div>
        <div>
          <dt>People expected</dt>
          <dd>{a.peopleExpected === null ? 'Not given' : formatCount(a.peopleExpected)}</dd>
        </div>
        <div>
          <dt>What the project is</dt>
          <dd>{a.projectSummary}</dd>
        </div>
        <div>
          <dt>What it will achieve</dt>
          <dd>{a.outcomes}</dd>
        </div>
      </dl>
    </section>
  );
}

function Documents({
  a,
  kinds,
  id,
  title,
}: {
  a: GrantApplication;
  kinds: GrantDocumentKind[];
  id: string;
  title: string;
}) {
  const [kind, setKind] = useState<GrantDocumentKind>(kinds[0]!);
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file box once the file is attached.
  const [picker, setPicker] = useState(0);
  const attachGuard = useUnsavedChanges(description !== '' || file !== null, 'the document');
  const attach = useApiMutation('grants.attachDocument', {
    onSuccess: () => {
      setFile(null);
      setDescription('');
      setPicker((n) => n + 1);
    },
  });
  const remove = useApiMutation('grants.removeDocument');
  const docs = a.documents.filter((d) => kinds.includes(d.kind));
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {docs.length === 0 ? <p className="muted">None yet.</p> : null}
      {docs.length ? (
        <ul className="grant-documents">
          {docs.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="link-button"
                onClick={async () => downloadFile(await call('grants.document', { id: d.id }))}
              >
                {d.fileName}
              </button>{' '}
              <span className="muted">
                {documentKindLabels[d.kind]}
                {d.description ? `: ${d.description}` : ''}, added{' '}
                {formatDate(d.addedAt.slice(0, 10))}
              </span>{' '}
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove ${d.fileName}`}
                onClick={() => remove.mutate({ id: d.id })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        {...attachGuard.formProps}
        className="grant-attach"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          attach.mutate({
            applicationId: a.id,
            kind,
            description,
            fileName: file.name,
            mimeType: file.type || 'application/octet-stream',
            contentBase64: await fileToBase64(file),
          });
        }}
      >
        {attach.error ? <Notice tone="error">{errorMessage(attach.error)}</Notice> : null}
        <div className="form-grid">
          {kinds.length > 1 ? (
            <SelectField
              label="Kind of file"
              value={kind}
              options={kinds.map((k) => ({ value: k, label: documentKindLabels[k] }))}
              onChange={(e) => setKind(e.target.value as GrantDocumentKind)}
            />
          ) : null}
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              File
            </label>
            <input
              key={picker}
              id={`${id}-file`}
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <button
          type="submit"
          className="button button--secondary"
          disabled={!file || attach.isPending}
        >
          Attach the file
        </button>
      </form>
    </section>
  );
}

function Eligibility({ a, editable }: { a: GrantApplication; editable: boolean }) {
  const check = useApiMutation('grants.checkEligibility');
  return (
    <section className="panel" aria-labelledby="app-eligibility">
      <h2 id="app-eligibility">Eligibility</h2>
      {a.eligibility ? (
        <>
          <p>
            Checked on {formatDate(a.checkedOn)}:{' '}
            <strong>{a.eligibility.eligible ? 'eligible' : 'not eligible'}</strong>.
          </p>
          <ul className="grant-reasons">
            {a.eligibility.reasons.map((r) => (
              <li key={r.test} className={r.passed ? 'grant-reasons__pass' : 'grant-reasons__fail'}>
                <span className={`badge badge--${r.passed ? 'green' : 'red'}`}>
                  {r.passed ? 'Meets' : 'Does not meet'}
                </span>{' '}
                {r.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Not checked yet.</p>
      )}
      {check.error ? <Notice tone="error">{errorMessage(check.error)}</Notice> : null}
      {editable ? (
        <button
          type="button"
          className="button"
          onClick={() => check.mutate({ id: a.id })}
          disabled={check.isPending}
        >
          {a.eligibility ? 'Check again' : 'Check eligibility against the criteria'}
        </button>
      ) : null}
    </section>
  );
}

function Result({ a }: { a: GrantApplication }) {
  return (
    <section className="panel" aria-labelledby="app-result">
      <h2 id="app-result">
        {a.decisionMethod === 'panel' ? 'The panel’s scores' : 'The public vote'}
      </h2>
      {a.decisionMethod === 'panel' ? (
        a.scoreTotal && a.scoreTotal.members ? (
          <p>
            Scored {a.scoreTotal.total} out of {a.scoreTotal.max} by{' '}
            {formatCount(a.scoreTotal.members)} panel{' '}
            {a.scoreTotal.members === 1 ? 'member' : 'members'} (the mean of their scores for each
            criterion).
          </p>
        ) : (
          <p className="muted">Not scored yet.</p>
        )
      ) : a.tallies.length ? (
        <ul>
          {a.tallies.map((t) => (
            <li key={t.id}>
              {t.place}: {formatCount(t.votes)} votes
            </li>
          ))}
          <li>
            <strong>Total: {formatCount(a.tallies.reduce((s, t) => s + t.votes, 0))} votes</strong>
          </li>
        </ul>
      ) : (
        <p className="muted">No votes entered yet.</p>
      )}
      <Link
        to={`/grants/rounds/${a.roundId}/${a.decisionMethod === 'panel' ? 'scoring' : 'votes'}`}
      >
        {a.decisionMethod === 'panel' ? 'Open the panel’s scoring' : 'Open the vote entry'}
      </Link>
    </section>
  );
}

function Decision({ a }: { a: GrantApplication }) {
  const canDecide = useCan('grants.decide');
  const today = useToday();
  const [form, setForm] = useState({
    decision: 'awarded' as 'awarded' | 'declined',
    decidedOn: today,
    award: poundsText(a.amountPence),
    conditions: '',
    reason: '',
    evaluationDueOn: '',
  });
  const guard = useFormChanges(form, `the decision on ${a.reference}`);
  const decide = useApiMutation('grants.decide', { onSuccess: () => guard.saved() });
  const errors = fieldErrors(decide.error);
  if (a.decision)
    return (
      <section className="panel" aria-labelledby="app-decision">
        <h2 id="app-decision">Decision</h2>
        <dl className="facts">
          <div>
            <dt>Decision</dt>
            <dd>
              {a.decision === 'awarded' ? `Awarded ${formatPence(a.awardPence)}` : 'Not funded'} on{' '}
              {formatDate(a.decidedOn)}
            </dd>
          </div>
          {a.conditions ? (
            <div>
              <dt>Conditions</dt>
              <dd>{a.conditions}</dd>
            </div>
          ) : null}
          {a.decisionReason ? (
            <div>
              <dt>Reason</dt>
              <dd>{a.decisionReason}</dd>
            </div>
          ) : null}
          {a.evaluationDueOn ? (
            <div>
              <dt>Evaluation due</dt>
              <dd>{formatDate(a.evaluationDueOn)}</dd>
            </div>
          ) : null}
        </dl>
        {a.decision === 'awarded' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => downloadFile(await call('grants.agreement', { id: a.id }))}
          >
            Download the fund agreement (PDF)
          </button>
        ) : null}
      </section>
    );
  return (
    <section className="panel" aria-labelledby="app-decision">
      <h2 id="app-decision">Decision</h2>
      {a.status !== 'eligible' ? (
        <p className="muted">
          An application is decided once it has been checked and found eligible.
        </p>
      ) : !canDecide ? (
        <p className="muted">Waiting for the team leader’s decision.</p>
      ) : (
        <form
          noValidate
          {...guard.formProps}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            decide.mutate({
              applicationId: a.id,
              decision: form.decision,
              decidedOn: form.decidedOn,
              awardPence: form.decision === 'awarded' ? penceOf(form.award) : null,
              conditions: form.conditions,
              reason: form.reason,
              evaluationDueOn: form.evaluationDueOn || null,
            });
          }}
        >
          {decide.error ? <Notice tone="error">{errorMessage(decide.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              label="Decision"
              value={form.decision}
              options={[
                { value: 'awarded', label: 'Award' },
                { value: 'declined', label: 'Do not fund' },
              ]}
              onChange={(e) =>
                setForm({ ...form, decision: e.target.value as 'awarded' | 'declined' })
              }
            />
            <TextField
              label="Decided on"
              type="date"
              value={form.decidedOn}
              onChange={(e) => setForm({ ...form, decidedOn: e.target.value })}
              error={errors.decidedOn}
            />
            {form.decision === 'awarded' ? (
              <>
                <TextField
                  label="Amount awarded (£)"
                  inputMode="decimal"
                  value={form.award}
                  onChange={(e) => setForm({ ...form, award: e.target.value })}
                  error={errors.awardPence}
                />
                <TextField
                  label="Evaluation due"
                  type="date"
                  value={form.evaluationDueOn}
                  onChange={(e) => setForm({ ...form, evaluationDueOn: e.target.value })}
                  error={errors.evaluationDueOn}
                  hint="Leave empty: the round’s weeks after the project ends."
                />
              </>
            ) : null}
          </div>
          {form.decision === 'awarded' ? (
            <TextAreaField
              label="Conditions (one a line)"
              value={form.conditions}
              onChange={(e) => setForm({ ...form, conditions: e.target.value })}
            />
          ) : null}
          <TextAreaField
            label={form.decision === 'awarded' ? 'Reason (optional)' : 'Reason it is not funded'}
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.target.value })}
            error={errors.reason}
          />
          <button type="submit" className="button" disabled={decide.isPending}>
            Record the decision
          </button>
        </form>
      )}
    </section>
  );
}

function Payments({ a }: { a: GrantApplication }) {
  const canPay = useCan('grants.pay');
  const today = useToday();
  const left = (a.awardPence ?? 0) - a.paidPence;
  const blank = {
    paidOn: today,
    amount: poundsText(left),
    method: 'bank_transfer' as GrantPaymentMethod,
    reference: '',
  };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, `the payment to ${a.reference}`);
  const pay = useApiMutation('grants.recordPayment', {
    onSuccess: (saved) => {
      guard.saved();
      const next = { ...blank, amount: poundsText((saved.awardPence ?? 0) - saved.paidPence) };
      guard.savedAs(next);
      setForm(next);
    },
  });
  const errors = fieldErrors(pay.error);
  return (
    <section className="panel" aria-labelledby="app-payments">
      <h2 id="app-payments">Payments</h2>
      <p>
        Awarded {formatPence(a.awardPence)}; paid {formatPence(a.paidPence)}; {formatPence(left)}{' '}
        left to pay.
      </p>
      {a.payments.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Payments</caption>
          <thead>
            <tr>
              <th scope="col">Paid on</th>
              <th scope="col">How</th>
              <th scope="col">Reference</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {a.payments.map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.paidOn)}</td>
                <td>{grantPaymentMethodLabels[p.method]}</td>
                <td>{p.reference ?? '—'}</td>
                <td className="num">{formatPence(p.amountPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canPay && left > 0 ? (
        <form
          noValidate
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            pay.mutate({
              applicationId: a.id,
              paidOn: form.paidOn,
              amountPence: penceOf(form.amount),
              method: form.method,
              reference: form.reference,
            });
          }}
        >
          {pay.error ? <Notice tone="error">{errorMessage(pay.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              label="Paid on"
              type="date"
              value={form.paidOn}
              onChange={(e) => setForm({ ...form, paidOn: e.target.value })}
              error={errors.paidOn}
            />
            <TextField
              label="Amount (£)"
              inputMode="decimal"
              value={form.amount}
              onChange={(e) => setForm({ ...form, amount: e.target.value })}
              error={errors.amountPence}
            />
            <SelectField
              label="Paid by"
              value={form.method}
              options={Object.entries(grantPaymentMethodLabels).map(([value, label]) => ({
                value,
                label,
              }))}
              onChange={(e) => setForm({ ...form, method: e.target.value as GrantPaymentMethod })}
            />
            <TextField
              label="Payment reference"
              value={form.reference}
              onChange={(e) => setForm({ ...form, reference: e.target.value })}
            />
          </div>
          <button type="submit" className="button" disabled={pay.isPending}>
            Record the payment
          </button>
        </form>
      ) : !canPay ? (
        <p className="muted">The team leader records payments.</p>
      ) : null}
    </section>
  );
}

function Evaluation({ a }: { a: GrantApplication }) {
  const today = useToday();
  const remind = useApiMutation('grants.recordReminder');
  const e = a.evaluation;
  const [form, setForm] = useState({
    receivedOn: e?.receivedOn ?? today,
    delivered: e?.delivered ?? '',
    peopleReached: e ? String(e.peopleReached) : '',
    spent: poundsText(e?.spentPence ?? a.paidPence),
    learning: e?.learning ?? '',
  });
  const guard = useFormChanges(form, `the evaluation of ${a.reference}`);
  const save = useApiMutation('grants.saveEvaluation', {
    onSuccess: () => {
      guard.saved();
      guard.savedAs(form);
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <>
      <section className="panel" aria-labelledby="app-evaluation">
        <h2 id="app-evaluation">Post-project evaluation</h2>
        <p>
          Due {formatDate(a.evaluationDueOn)}
          {a.evaluationState ? (
            <>
              {' '}
              <span className={`badge badge--${evaluationTone[a.evaluationState]}`}>
                {evaluationLabels[a.evaluationState]}
              </span>
            </>
          ) : null}
          {a.reminderSentOn ? `. Reminder sent on ${formatDate(a.reminderSentOn)}.` : ''}
        </p>
        {a.evaluationState === 'due_soon' || a.evaluationState === 'overdue' ? (
          <div className="button-row grant-remind">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => remind.mutate({ id: a.id, sentOn: today })}
            >
              Record that a reminder was sent today
            </button>
          </div>
        ) : null}
        <form
          noValidate
          {...guard.formProps}
          onSubmit={(ev) => {
            ev.preventDefault();
            save.mutate({
              applicationId: a.id,
              receivedOn: form.receivedOn,
              delivered: form.delivered,
              peopleReached: form.peopleReached === '' ? -1 : Number(form.peopleReached),
              spentPence: penceOf(form.spent),
              learning: form.learning,
            });
          }}
        >
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          {save.isSuccess ? <Notice tone="success">The evaluation is saved.</Notice> : null}
          <div className="form-grid">
            <TextField
              label="Received on"
              type="date"
              value={form.receivedOn}
              onChange={(ev) => setForm({ ...form, receivedOn: ev.target.value })}
              error={errors.receivedOn}
            />
            <TextField
              label="People reached"
              inputMode="numeric"
              value={form.peopleReached}
              onChange={(ev) => setForm({ ...form, peopleReached: ev.target.value })}
              error={errors.peopleReached}
            />
            <TextField
              label="Spent (£)"
              inputMode="decimal"
              value={form.spent}
              onChange={(ev) => setForm({ ...form, spent: ev.target.value })}
              error={errors.spentPence}
              hint={`Paid: ${formatPence(a.paidPence)}`}
            />
          </div>
          <TextAreaField
            label="What was delivered"
            required
            value={form.delivered}
            onChange={(ev) => setForm({ ...form, delivered: ev.target.value })}
            error={errors.delivered}
          />
          <TextAreaField
            label="What was learned"
            value={form.learning}
            onChange={(ev) => setForm({ ...form, learning: ev.target.value })}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            {e ? 'Save the evaluation' : 'Record the evaluation'}
          </button>
        </form>
      </section>
      <Documents
        a={a}
        kinds={['photo', 'spend_evidence']}
        id="app-evidence"
        title="Photos and evidence of spend"
      />
    </>
  );
}

/** The applicant withdraws: the application keeps its record and its reason, and leaves the round's ranking. */
function Withdraw({ a }: { a: GrantApplication }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const guard = useUnsavedChanges(open && reason !== '', 'the reason for the withdrawal');
  const withdraw = useApiMutation('grants.withdraw', { onSuccess: () => guard.saved() });
  if (!open)
    return (
      <p>
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          The applicant has withdrawn {a.reference}
        </button>
      </p>
    );
  return (
    <form
      {...guard.formProps}
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        withdraw.mutate({ id: a.id, reason });
      }}
    >
      {withdraw.error ? <Notice tone="error">{errorMessage(withdraw.error)}</Notice> : null}
      <TextField
        label={`Why ${a.reference} is withdrawn`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldErrors(withdraw.error).reason}
        autoFocus
      />
      <div className="button-row">
        <button type="submit" className="button button--danger">
          Withdraw the application
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
