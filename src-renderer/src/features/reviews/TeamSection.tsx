import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';

export function TeamSection({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const today = useToday();
  const candidates = useApiQuery(
    'reviews.teamCandidates',
    { reviewId: review.id },
    { enabled: canWrite },
  );
  const staff = useApiQuery('staff.list', {}, { enabled: canWrite });
  const [customerId, setCustomerId] = useState('');
  const [role, setRole] = useState<'member' | 'customer_lead'>('member');
  const [joinedOn, setJoinedOn] = useState(today < review.startedOn ? review.startedOn : today);
  const [staffId, setStaffId] = useState('');
  const add = useApiMutation('reviews.addTeamMember', { onSuccess: () => setCustomerId('') });
  const remove = useApiMutation('reviews.removeTeamMember');
  const addOfficer = useApiMutation('reviews.addOfficer', { onSuccess: () => setStaffId('') });
  const errors = fieldErrors(add.error);
  return (
    <section className="panel" aria-labelledby="team-heading">
      <h2 id="team-heading">The team</h2>
      <p className="muted">
        {review.teamGroup
          ? `Involved customers from the ${review.teamGroup.name}.`
          : 'No group is set up for this kind of review yet, so no team can be added.'}
      </p>
      {review.team.length ? (
        <ul>
          {review.team.map((t) => (
            <li key={t.id}>
              {t.name}
              {t.role === 'customer_lead' ? ' (customer lead)' : ''}{' '}
              <span className="muted">from {formatDate(t.joinedOn)}</span>
              {canWrite ? (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove ${t.name} from the team`}
                  onClick={() => remove.mutate({ id: t.id })}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No one on the team yet.</p>
      )}
      <p>
        <strong>Officers:</strong> {review.leadOfficerName} (lead)
        {review.officers.map((o) => `, ${o.name}`).join('')}
      </p>
      {canWrite && review.teamGroup ? (
        <form
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ reviewId: review.id, customerId, role, joinedOn });
          }}
        >
          <h3>Add to the team</h3>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="team-customerId"
              label={`Member of the ${review.teamGroup.name}`}
              value={customerId}
              placeholder={
                candidates.data?.candidates.length ? 'Choose…' : 'No members left to add'
              }
              options={(candidates.data?.candidates ?? []).map((c) => ({
                value: c.customerId,
                label: c.name,
              }))}
              onChange={(e) => setCustomerId(e.target.value)}
              error={errors.customerId}
            />
            <SelectField
              id="team-role"
              label="Role"
              value={role}
              options={[
                { value: 'member', label: 'Member' },
                { value: 'customer_lead', label: 'Customer lead' },
              ]}
              onChange={(e) => setRole(e.target.value as 'member' | 'customer_lead')}
            />
            <TextField
              id="team-joinedOn"
              label="Joins on"
              type="date"
              value={joinedOn}
              onChange={(e) => setJoinedOn(e.target.value)}
              error={errors.joinedOn}
            />
          </div>
          <button
            className="button button--secondary"
            type="submit"
            disabled={!customerId || add.isPending}
          >
            Add to the team
          </button>
        </form>
      ) : null}
      {canWrite ? (
        <form
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            addOfficer.mutate({ reviewId: review.id, staffId });
          }}
        >
          {addOfficer.error ? <Notice tone="error">{errorMessage(addOfficer.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="team-staffId"
              label="Add a supporting officer"
              hint="Officers on the review may record its evidence."
              value={staffId}
              placeholder="Choose…"
              options={(staff.data ?? [])
                .filter((s) => s.active && s.id !== review.leadOfficerId)
                .map((s) => ({ value: s.id, label: s.name }))}
              onChange={(e) => setStaffId(e.target.value)}
            />
          </div>
          <button
            className="button button--secondary"
            type="submit"
            disabled={!staffId || addOfficer.isPending}
          >
            Add the officer
          </button>
        </form>
      ) : null}
    </section>
  );
}
