import { useState } from 'react';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { RecommendationTable } from '../recommendations/RecommendationTable';

export function CaseRecommendations({
  detail,
  canWrite,
}: {
  detail: CaseDetail;
  canWrite: boolean;
}) {
  const recs = useApiQuery('recommendations.list', {
    sourceType: 'complaint_case',
    sourceId: detail.id,
  });
  const [text, setText] = useState('');
  const [serviceArea, setServiceArea] = useState<string>(detail.serviceArea);
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [systemic, setSystemic] = useState(false);
  const guard = useUnsavedChanges(
    text.trim() !== '' || owner.trim() !== '' || dueDate !== '',
    'the new recommendation',
  );
  const add = useApiMutation('recommendations.add', {
    onSuccess: () => {
      setText('');
      setOwner('');
      setDueDate('');
      setSystemic(false);
    },
  });
  const errors = fieldErrors(add.error);
  return (
    <section className="panel" aria-labelledby="recs-heading">
      <h2 id="recs-heading">Recommendations</h2>
      {recs.data?.rows.length ? (
        <RecommendationTable rows={recs.data.rows} caption="Recommendations from this case" />
      ) : (
        <p className="muted">No recommendations yet.</p>
      )}
      {canWrite ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              sourceType: 'complaint_case',
              sourceId: detail.id,
              text,
              serviceArea: serviceArea as ServiceArea,
              owner,
              dueDate: dueDate || null,
              systemic,
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
          <CheckboxField
            id="rec-systemic"
            label="Could recur across other services or households"
            hint="Goes to the Board and the Group Audit and Risk Committee reports."
            checked={systemic}
            onChange={(e) => setSystemic(e.target.checked)}
          />
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add the recommendation
          </button>
        </form>
      ) : null}
    </section>
  );
}
