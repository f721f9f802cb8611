import { useState } from 'react';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import {
  managementResponseLabels,
  managementResponses,
  type ManagementResponse,
} from '../../../../src-shared/rules/recommendations';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { RecommendationTable } from '../recommendations/RecommendationTable';
import { TagPicker } from './TagPicker';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/**
 * A review's recommendations live in the shared tracker (source: the
 * review). The management response is given here or on the
 * recommendation's own page, by coordinators and above.
 */
export function ReviewRecommendations({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('recommendations.write');
  const recs = useApiQuery('recommendations.list', {
    sourceType: 'scrutiny_review',
    sourceId: review.id,
  });
  const ids = recs.data?.rows.map((r) => r.id) ?? [];
  const tags = useApiQuery(
    'assurance.tagsFor',
    { entityType: 'recommendation', entityIds: ids },
    { enabled: ids.length > 0 },
  );
  const [text, setText] = useState('');
  const [serviceArea, setServiceArea] = useState<string>(review.serviceArea);
  const [response, setResponse] = useState('');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const guard = useUnsavedChanges(
    text !== '' || reason !== '' || owner !== '',
    'the recommendation',
  );
  const add = useApiMutation('recommendations.add', {
    onSuccess: () => {
      setText('');
      setResponse('');
      setReason('');
      setOwner('');
      setDueDate('');
    },
  });
  const errors = fieldErrors(add.error);
  return (
    <section className="panel" aria-labelledby="review-recs-heading">
      <h2 id="review-recs-heading">Recommendations</h2>
      {recs.data?.rows.length ? (
        <RecommendationTable
          rows={recs.data.rows}
          caption="Recommendations from this review"
          showResponse
        />
      ) : (
        <p className="muted">No recommendations yet.</p>
      )}
      {recs.data?.rows.length ? (
        <details>
          <summary>Requirements each recommendation gives assurance on</summary>
          <ul>
            {recs.data.rows.map((r) => (
              <li key={r.id}>
                {r.reference}:{' '}
                <TagPicker
                  entityType="recommendation"
                  entityId={r.id}
                  codes={tags.data?.[r.id] ?? []}
                  label={r.reference}
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWrite ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              sourceType: 'scrutiny_review',
              sourceId: review.id,
              text,
              serviceArea: serviceArea as ServiceArea,
              managementResponse: (response || null) as ManagementResponse | null,
              responseReason: reason,
              owner,
              dueDate: dueDate || null,
            });
          }}
        >
          <h3>Add a recommendation</h3>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <TextAreaField
            id="rec-text"
            label="Recommendation"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={errors.text}
          />
          <div className="form-grid">
            <SelectField
              id="rec-area"
              label="Service area"
              value={serviceArea}
              options={serviceAreas.options}
              onChange={(e) => setServiceArea(e.target.value)}
            />
            <SelectField
              id="rec-response"
              label="Management response"
              value={response}
              placeholder="Not yet given"
              options={managementResponses.map((m) => ({
                value: m,
                label: managementResponseLabels[m],
              }))}
              onChange={(e) => setResponse(e.target.value)}
            />
            <TextField
              id="rec-owner"
              label="Owner"
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
            />
            <TextField
              id="rec-due"
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              error={errors.dueDate}
            />
          </div>
          {response === 'rejected' || response === 'partly_accepted' ? (
            <TextAreaField
              id="rec-reason"
              label="Management’s reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={errors.responseReason}
            />
          ) : null}
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add the recommendation
          </button>
        </form>
      ) : (
        <p className="muted">
          Management responses are recorded by coordinators, the team leader and administrators.
        </p>
      )}
    </section>
  );
}
