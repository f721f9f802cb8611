import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

export function FindingsSection({ review }: { review: ReviewDetail }) {
  const canRemove = useCan('reviews.write');
  const [heading, setHeading] = useState('');
  const [text, setText] = useState('');
  const guard = useUnsavedChanges(heading !== '' || text !== '', 'the finding');
  const add = useApiMutation('reviews.addFinding', {
    onSuccess: () => {
      setHeading('');
      setText('');
    },
  });
  const remove = useApiMutation('reviews.removeFinding');
  const errors = fieldErrors(add.error);
  return (
    <section className="panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings ({review.findings.length})</h2>
      {review.findings.length ? (
        <ol>
          {review.findings.map((f) => (
            <li key={f.id}>
              <strong>{f.heading}</strong>
              <p>{f.text}</p>
              {canRemove ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove finding: ${f.heading}`}
                  onClick={() => remove.mutate({ id: f.id })}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No findings recorded yet.</p>
      )}
      {review.canRecordEvidence ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ reviewId: review.id, heading, text });
          }}
        >
          <h3>Record a finding</h3>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <TextField
            id="finding-heading"
            label="Finding"
            value={heading}
            onChange={(e) => setHeading(e.target.value)}
            error={errors.heading}
          />
          <TextAreaField
            id="finding-text"
            label="What the evidence shows"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={errors.text}
          />
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add the finding
          </button>
        </form>
      ) : null}
    </section>
  );
}
