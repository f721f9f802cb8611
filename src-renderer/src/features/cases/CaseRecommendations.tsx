import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import { recommendationStatusLabels } from '../../../../src-shared/rules/recommendations';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';

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
        <table className="table">
          <caption className="visually-hidden">Recommendations from this case</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Recommendation</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {recs.data.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/recommendations/${r.id}`}>{r.reference}</Link>
                </th>
                <td>
                  {r.text}{' '}
                  {r.systemic ? (
                    <span className="badge badge--amber">To Board and GARC</span>
                  ) : null}
                </td>
                <td>{r.owner}</td>
                <td>{formatDate(r.dueDate)}</td>
                <td>
                  {recommendationStatusLabels[r.status]}{' '}
                  {r.overdue ? <span className="badge badge--red">Overdue</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No recommendations yet.</p>
      )}
      {canWrite ? (
        <form
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
