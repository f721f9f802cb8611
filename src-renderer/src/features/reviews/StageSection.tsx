import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useToday } from '../../clock';
import { TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { weekBadgeClass } from './labels';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

export function StageSection({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const [onDate, setOnDate] = useState(useToday());
  const [reason, setReason] = useState('');
  const guard = useUnsavedChanges(reason !== '', 'the reason for the move');
  const move = useApiMutation('reviews.moveStage', { onSuccess: () => setReason('') });
  const errors = fieldErrors(move.error);
  const at = review.stages.findIndex((s) => s.code === review.stage);
  return (
    <section className="panel" aria-labelledby="stage-heading">
      <h2 id="stage-heading">Stage: {review.stageLabel}</h2>
      <ol className="stage-track" aria-label="Stages">
        {review.stages.map((s, i) => (
          <li
            key={s.code}
            aria-current={i === at ? 'step' : undefined}
            className={i < at ? 'stage-track__done' : undefined}
          >
            {s.label}
          </li>
        ))}
      </ol>
      {review.completedOn ? (
        <p>
          Completed on {formatDate(review.completedOn)}, in week {review.weeks.week}.
        </p>
      ) : (
        <p>
          <span className={weekBadgeClass[review.weeks.state]}>{review.weeks.message}</span>
        </p>
      )}
      <details>
        <summary>Key dates ({review.moves.length})</summary>
        <ol>
          {review.moves.map((m) => (
            <li key={m.id}>
              {formatDate(m.onDate)}: {m.toLabel}
              {m.reason ? <span className="muted"> ({m.reason})</span> : null}
            </li>
          ))}
        </ol>
      </details>
      {canWrite && (review.nextStage || review.previousStage) ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          {move.error ? <Notice tone="error">{errorMessage(move.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              id="stage-onDate"
              label="Date of the move"
              type="date"
              value={onDate}
              onChange={(e) => setOnDate(e.target.value)}
              error={errors.onDate}
            />
            <TextAreaField
              id="stage-reason"
              label="Reason (needed to go back a stage)"
              rows={1}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={errors.reason}
            />
          </div>
          <div className="button-row">
            {review.nextStage ? (
              <button
                type="button"
                className="button"
                disabled={move.isPending}
                onClick={() =>
                  move.mutate({ reviewId: review.id, next: review.nextStage!.code, onDate, reason })
                }
              >
                Move to {review.nextStage.label}
              </button>
            ) : null}
            {review.previousStage ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={move.isPending}
                onClick={() =>
                  move.mutate({
                    reviewId: review.id,
                    next: review.previousStage!.code,
                    onDate,
                    reason,
                  })
                }
              >
                Back to {review.previousStage.label}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
