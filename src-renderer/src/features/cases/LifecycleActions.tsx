import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import {
  caseStatusLabels,
  decisionOutcomeLabels,
  decisionOutcomes,
  type CaseStatus,
  type DecisionOutcome,
} from '../../../../src-shared/rules/case-lifecycle';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { DayNoticeHint, useDayNotice } from '../../components/day-notice';
import { formatDate } from '../../components/format';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

const needsReason: CaseStatus[] = ['declined', 'withdrawn'];

/** Offers only the moves the case can make now; the main process checks them again. */
export function LifecycleActions({ detail, today }: { detail: CaseDetail; today: string }) {
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [eligible, setEligible] = useState('');
  const [hearingDate, setHearingDate] = useState('');
  const [outcome, setOutcome] = useState('');
  const [findings, setFindings] = useState('');
  const [result, setResult] = useState(detail.ombudsmanResult ?? '');
  const guard = useUnsavedChanges(to !== '', 'the next step');
  const move = useApiMutation('cases.transition', {
    onSuccess: () => {
      setTo('');
      setReason('');
      setFindings('');
      setDate(today);
    },
  });
  const ombudsman = useApiMutation('cases.recordOmbudsmanResult');
  const errors = fieldErrors(move.error);
  const hearingNotice = useDayNotice(to === 'hearing_scheduled' ? hearingDate : '');
  const rescheduling = detail.status === 'hearing_scheduled';
  const stepLabel = (m: CaseStatus) =>
    m === 'hearing_scheduled' && rescheduling
      ? 'Move the hearing to another day'
      : caseStatusLabels[m];

  function choose(next: CaseStatus | '') {
    setTo(next);
    // Heard is dated the day the hearing was held: its scheduled day, unless the coordinator changes it.
    if (next === 'heard' && detail.hearingDate && detail.hearingDate <= today)
      setDate(detail.hearingDate);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    move.mutate({
      id: detail.id,
      expectedUpdatedAt: detail.updatedAt,
      to,
      date,
      reason,
      eligible: eligible === '' ? null : eligible === 'yes',
      hearingDate: hearingDate || null,
      decisionOutcome: (outcome || null) as DecisionOutcome | null,
      findings,
    });
  }

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Next step</h2>
      {detail.moves.length === 0 ? (
        <p className="muted">This case has ended: no further steps.</p>
      ) : null}
      {detail.status === 'hearing_scheduled' && detail.hearingDate && detail.hearingDate > today ? (
        <p className="muted">
          The hearing is on {formatDate(detail.hearingDate)}: it can be recorded as heard from that
          day. If it is held on another day, move the hearing first.
        </p>
      ) : null}
      {detail.hearingDayNotice ? <Notice tone="warning">{detail.hearingDayNotice}</Notice> : null}
      {detail.moves.length > 0 ? (
        <form {...guard.formProps} onSubmit={submit} noValidate>
          {move.error ? <Notice tone="error">{errorMessage(move.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="move-to"
              label="Move the case to"
              value={to}
              placeholder="Choose a step…"
              options={detail.moves.map((m) => ({ value: m, label: stepLabel(m) }))}
              onChange={(e) => choose(e.target.value as CaseStatus | '')}
            />
            <TextField
              id="move-date"
              label={to === 'heard' ? 'Date the hearing was held' : 'Date of this step'}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={errors.date}
            />
            {to === 'eligibility_checked' ? (
              <SelectField
                id="move-eligible"
                label="Is the case eligible for the panel?"
                value={eligible}
                placeholder="Choose…"
                options={[
                  { value: 'yes', label: 'Eligible' },
                  { value: 'no', label: 'Not eligible' },
                ]}
                onChange={(e) => setEligible(e.target.value)}
                error={errors.eligible}
              />
            ) : null}
            {to === 'hearing_scheduled' ? (
              <TextField
                id="move-hearing"
                label={rescheduling ? 'New hearing date' : 'Hearing date'}
                type="date"
                hint={hearingNotice ? <DayNoticeHint notice={hearingNotice} /> : undefined}
                value={hearingDate}
                onChange={(e) => setHearingDate(e.target.value)}
                error={errors.hearingDate}
              />
            ) : null}
            {to === 'decision_issued' ? (
              <SelectField
                id="move-outcome"
                label="Decision"
                value={outcome}
                placeholder="Choose…"
                options={decisionOutcomes.map((o) => ({
                  value: o,
                  label: decisionOutcomeLabels[o],
                }))}
                onChange={(e) => setOutcome(e.target.value)}
                error={errors.decisionOutcome}
              />
            ) : null}
          </div>
          {to === 'decision_issued' ? (
            <TextAreaField
              id="move-findings"
              label="The panel’s findings"
              rows={4}
              value={findings}
              onChange={(e) => setFindings(e.target.value)}
              error={errors.findings}
            />
          ) : null}
          {to && (needsReason.includes(to) || to === 'referred_to_ombudsman' || to === 'closed') ? (
            <TextAreaField
              id="move-reason"
              label={needsReason.includes(to) ? 'Reason' : 'Note (optional)'}
              required={needsReason.includes(to)}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={errors.reason}
            />
          ) : null}
          <div className="button-row">
            <button className="button" type="submit" disabled={!to || move.isPending}>
              Record this step
            </button>
          </div>
        </form>
      ) : null}
      {detail.ombudsmanReferredOn ? (
        <form
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            ombudsman.mutate({ id: detail.id, result });
          }}
        >
          {ombudsman.error ? <Notice tone="error">{errorMessage(ombudsman.error)}</Notice> : null}
          <TextField
            id="ombudsman-result"
            label="The Ombudsman’s result"
            hint="Leave empty and save to clear a result entered by mistake."
            value={result}
            onChange={(e) => {
              setResult(e.target.value);
              ombudsman.reset();
            }}
          />
          {ombudsman.isSuccess ? (
            <Notice tone="success">
              {ombudsman.data.ombudsmanResult ? 'The result is saved.' : 'The result is cleared.'}
            </Notice>
          ) : null}
          <button className="button button--secondary" type="submit">
            Save the result
          </button>
        </form>
      ) : null}
    </section>
  );
}
