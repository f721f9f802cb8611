import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';

/** The policy, its online comment window and the Board date it must be consulted on before. */
export function ConsultationSection({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const c = review.consultation;
  const [policyName, setPolicyName] = useState(c.policyName ?? '');
  const [commentOpens, setOpens] = useState(c.commentOpens ?? '');
  const [commentCloses, setCloses] = useState(c.commentCloses ?? '');
  const [boardDate, setBoardDate] = useState(c.boardDate ?? '');
  const [feedbackSentOn, setFeedback] = useState(c.feedbackSentOn ?? '');
  const save = useApiMutation('reviews.saveConsultation');
  const errors = fieldErrors(save.error);
  return (
    <section className="panel" aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">The policy and its comment window</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            reviewId: review.id,
            policyName,
            commentOpens: commentOpens || null,
            commentCloses: commentCloses || null,
            boardDate: boardDate || null,
            feedbackSentOn: feedbackSentOn || null,
          });
        }}
      >
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <div className="form-grid">
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
        {canWrite ? (
          <button className="button button--secondary" type="submit" disabled={save.isPending}>
            Save
          </button>
        ) : null}
      </form>
    </section>
  );
}
