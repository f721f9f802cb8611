import { useState } from 'react';
import { Link } from 'react-router';
import {
  consultationOutcomeLabels,
  consultationOutcomes,
  type ConsultationOutcome,
  type ReviewDetail,
} from '../../../../src-shared/domain/reviews';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { useFormChanges, useUnsavedChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { downloadBase64 } from '../customer-import/file-bytes';

/** The policy, its online comment window and the Board date it must be consulted on before. */
export function ConsultationSection({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const c = review.consultation;
  const [policyName, setPolicyName] = useState(c.policyName ?? '');
  const [commentOpens, setOpens] = useState(c.commentOpens ?? '');
  const [commentCloses, setCloses] = useState(c.commentCloses ?? '');
  const [boardDate, setBoardDate] = useState(c.boardDate ?? '');
  const [feedbackSentOn, setFeedback] = useState(c.feedbackSentOn ?? '');
  const [taskGroupId, setTaskGroupId] = useState(c.taskGroup?.id ?? '');
  const [policyId, setPolicyId] = useState(c.policy?.id ?? '');
  const guard = useFormChanges(
    { policyName, commentOpens, commentCloses, boardDate, feedbackSentOn, taskGroupId, policyId },
    'the consultation',
  );
  const groups = useApiQuery('groups.list', {});
  const policies = useApiQuery('policies.list', {});
  const taskGroups = (groups.data ?? []).filter((g) => g.kind === 'task_and_finish');
  const save = useApiMutation('reviews.saveConsultation');
  const errors = fieldErrors(save.error);
  const planned = c.plannedWindow;
  return (
    <>
      <section className="panel" aria-labelledby="consultation-heading">
        <h2 id="consultation-heading">The policy and its comment window</h2>
        <form
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            const sent = {
              policyName,
              commentOpens,
              commentCloses,
              boardDate,
              feedbackSentOn,
              taskGroupId,
              policyId,
            };
            save.mutate(
              {
                reviewId: review.id,
                policyName,
                commentOpens: commentOpens || null,
                commentCloses: commentCloses || null,
                boardDate: boardDate || null,
                feedbackSentOn: feedbackSentOn || null,
                taskGroupId: taskGroupId || null,
                policyId: policyId || null,
              },
              { onSuccess: () => guard.savedAs(sent) },
            );
          }}
        >
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="consultation-taskGroupId"
              label="Task & finish group"
              hint="The group whose three days the consultation runs on."
              value={taskGroupId}
              disabled={!canWrite}
              placeholder="None yet"
              options={taskGroups.map((g) => ({ value: g.id, label: g.name }))}
              onChange={(e) => setTaskGroupId(e.target.value)}
              error={errors.taskGroupId}
            />
            <SelectField
              id="consultation-policyId"
              label="Policy on the register"
              hint={
                <>
                  The <Link to="/policies">policy register</Link> lists policies due to the Board
                  without a finished consultation.
                </>
              }
              value={policyId}
              disabled={!canWrite}
              placeholder="Not on the register"
              options={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => {
                const chosen = policies.data?.find((p) => p.id === e.target.value);
                setPolicyId(e.target.value);
                if (chosen) {
                  setPolicyName(chosen.name);
                  if (!boardDate && chosen.boardDate) setBoardDate(chosen.boardDate);
                }
              }}
              error={errors.policyId}
            />
            <TextField
              id="consultation-policyName"
              label="Policy"
              value={policyName}
              disabled={!canWrite}
              onChange={(e) => setPolicyName(e.target.value)}
              error={errors.policyName}
            />
            <TextField
              id="consultation-commentOpens"
              label="Comments open"
              type="date"
              value={commentOpens}
              disabled={!canWrite}
              onChange={(e) => setOpens(e.target.value)}
              error={errors.commentOpens}
            />
            <TextField
              id="consultation-commentCloses"
              label="Comments close"
              type="date"
              value={commentCloses}
              disabled={!canWrite}
              onChange={(e) => setCloses(e.target.value)}
              error={errors.commentCloses}
            />
            <TextField
              id="consultation-boardDate"
              label="Goes to the Board on"
              type="date"
              value={boardDate}
              disabled={!canWrite}
              onChange={(e) => setBoardDate(e.target.value)}
              error={errors.boardDate}
            />
            <TextField
              id="consultation-feedbackSentOn"
              label="Feedback sent to participants"
              type="date"
              value={feedbackSentOn}
              disabled={!canWrite}
              onChange={(e) => setFeedback(e.target.value)}
              error={errors.feedbackSentOn}
            />
          </div>
          {canWrite &&
          planned &&
          (commentOpens !== planned.opens || commentCloses !== planned.closes) ? (
            <p>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setOpens(planned.opens);
                  setCloses(planned.closes);
                }}
              >
                Use the group’s comment window ({formatDate(planned.opens)} to{' '}
                {formatDate(planned.closes)})
              </button>
            </p>
          ) : null}
          {canWrite ? (
            <button className="button button--secondary" type="submit" disabled={save.isPending}>
              Save
            </button>
          ) : null}
        </form>
        <ThreeDays review={review} />
      </section>
      <Outcomes review={review} />
    </>
  );
}

/** The task & finish group's days, so the consultation's timetable is read in one place. */
function ThreeDays({ review }: { review: ReviewDetail }) {
  const c = review.consultation;
  if (!c.taskGroup) return null;
  return (
    <>
      <h3>The three days</h3>
      {c.days.length ? (
        <ul>
          {c.days.map((d) => (
            <li key={d.activityId}>
              <Link to={`/activities/${d.activityId}`}>{d.title}</Link>, {formatDateTime(d.on)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {c.taskGroup.name} has no days planned yet.{' '}
          <Link to={`/groups/${c.taskGroup.id}`}>Plan the three days on the group</Link>.
        </p>
      )}
    </>
  );
}

/** Each point participants made, what became of it and why: the feedback they are sent. */
function Outcomes({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const [said, setSaid] = useState('');
  const [outcome, setOutcome] = useState<ConsultationOutcome | ''>('');
  const [explanation, setExplanation] = useState('');
  const pointGuard = useUnsavedChanges(said !== '' || explanation !== '', 'the point');
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const add = useApiMutation('reviews.addOutcome', {
    onSuccess: () => {
      setSaid('');
      setOutcome('');
      setExplanation('');
    },
  });
  const remove = useApiMutation('reviews.removeOutcome');
  const errors = fieldErrors(add.error);
  const points = review.consultation.outcomes;

  async function feedback() {
    setProblem(null);
    setMade(null);
    try {
      const f = await call('reviews.consultationFeedback', { reviewId: review.id });
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
      setMade(f.fileName);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  return (
    <section className="panel" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">What participants said, and what became of it</h2>
      {points.length ? (
        <table className="table">
          <caption className="visually-hidden">Points and outcomes</caption>
          <thead>
            <tr>
              <th scope="col">Participants said</th>
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.id}>
                <td>{p.said}</td>
                <td>{consultationOutcomeLabels[p.outcome]}</td>
                <td>{p.explanation}</td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove point ${i + 1}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: p.id })}
                    >
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No points recorded yet.</p>
      )}
      {canWrite ? (
        <form
          {...pointGuard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              reviewId: review.id,
              said,
              outcome: outcome as ConsultationOutcome,
              explanation,
            });
          }}
        >
          {add.error && !Object.keys(errors).length ? (
            <Notice tone="error">{errorMessage(add.error)}</Notice>
          ) : null}
          <TextAreaField
            id="outcome-said"
            label="What participants said"
            rows={2}
            value={said}
            onChange={(e) => setSaid(e.target.value)}
            error={errors.said}
          />
          <div className="form-grid">
            <SelectField
              id="outcome-outcome"
              label="What became of it"
              value={outcome}
              placeholder="Choose…"
              options={consultationOutcomes.map((o) => ({
                value: o,
                label: consultationOutcomeLabels[o],
              }))}
              onChange={(e) => setOutcome(e.target.value as ConsultationOutcome | '')}
              error={errors.outcome}
            />
          </div>
          <TextAreaField
            id="outcome-explanation"
            label="Why"
            hint="In plain words: this goes to participants as it is written."
            rows={2}
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            error={errors.explanation}
          />
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add the point
          </button>
        </form>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void feedback()}>
          Feedback to participants (PDF)
        </button>
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {made ? <Notice tone="success">{made} is ready.</Notice> : null}
    </section>
  );
}
