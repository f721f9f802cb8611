import { useState } from 'react';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { refusalsOf, warningsOf } from '../../../../src-shared/rules/conflict-of-interest';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { Notice } from '../../components/PageHeader';

const availabilityLabels = {
  unknown: 'Not asked yet',
  available: 'Available',
  unavailable: 'Not available',
} as const;

export function PanelSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const candidates = useApiQuery('cases.panelCandidates', { caseId: detail.id });
  const [memberId, setMemberId] = useState('');
  const [acceptReason, setAcceptReason] = useState('');
  // The status a refusal was given at: a later step on the case puts it out of date.
  const [refusedAt, setRefusedAt] = useState<string | null>(null);
  const [declareId, setDeclareId] = useState('');
  const [relation, setRelation] = useState('');
  const [prior, setPrior] = useState('');
  const assign = useApiMutation('cases.assignMember', {
    onSuccess: () => {
      setMemberId('');
      setAcceptReason('');
    },
    onError: () => setRefusedAt(detail.status),
  });
  const availability = useApiMutation('cases.setAvailability');
  const remove = useApiMutation('cases.removeMember');
  const guard = useUnsavedChanges(
    relation.trim() !== '' || prior.trim() !== '',
    'the declaration of interest',
  );
  const declare = useApiMutation('cases.declareInterest', {
    onSuccess: () => {
      setRelation('');
      setPrior('');
    },
  });
  const options = (candidates.data?.candidates ?? [])
    .filter((c) => !c.assigned)
    .map((c) => ({
      value: c.customerId,
      label: refusalsOf(c.conflicts).length
        ? `${c.name} (conflict of interest)`
        : warningsOf(c.conflicts).length
          ? `${c.name} (check: lives nearby)`
          : c.name,
    }));
  const chosen = candidates.data?.candidates.find((c) => c.customerId === memberId);
  const warnings =
    chosen && !refusalsOf(chosen.conflicts).length ? warningsOf(chosen.conflicts) : [];
  const showRefusal =
    assign.error !== null &&
    assign.variables?.customerId === memberId &&
    refusedAt === detail.status;
  // A warning accepted without a reason is answered at the reason field, not as a refusal.
  const reasonMissing = fieldErrors(assign.error).acceptWarningReason;

  return (
    <section className="panel" aria-labelledby="panel-heading">
      <h2 id="panel-heading">
        Panel members ({detail.panel.length} of a quorum of {detail.quorum})
      </h2>
      {candidates.data && !candidates.data.fromGroup ? (
        <Notice>
          No Designated Complaints Panel group is set up, so members are chosen from active
          customers on the register.
        </Notice>
      ) : null}
      {detail.panel.length ? (
        <table className="table">
          <caption className="visually-hidden">Assigned panel members</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Available for the hearing?</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {detail.panel.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {p.acceptedWarning ? (
                    <span className="panel-member__accepted">{p.acceptedWarning}</span>
                  ) : null}
                </th>
                <td>
                  {canWrite ? (
                    <select
                      aria-label={`Availability of ${p.name}`}
                      value={p.availability}
                      onChange={(e) =>
                        availability.mutate({
                          assignmentId: p.id,
                          availability: e.target.value as keyof typeof availabilityLabels,
                        })
                      }
                    >
                      {Object.entries(availabilityLabels).map(([v, l]) => (
                        <option key={v} value={v}>
                          {l}
                        </option>
                      ))}
                    </select>
                  ) : (
                    availabilityLabels[p.availability]
                  )}
                </td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${p.name}`}
                      onClick={() =>
                        remove.mutate({
                          assignmentId: p.id,
                          reason: 'Taken off the panel by the coordinator',
                        })
                      }
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
        <p className="muted">No members assigned yet.</p>
      )}
      {canWrite ? (
        <form
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            if (memberId)
              assign.mutate({
                caseId: detail.id,
                customerId: memberId,
                acceptWarningReason: warnings.length ? acceptReason : null,
              });
          }}
        >
          {showRefusal && !reasonMissing ? (
            <Notice tone="error">{errorMessage(assign.error)}</Notice>
          ) : null}
          <SelectField
            id="assign-member"
            label="Assign a member"
            value={memberId}
            placeholder="Choose a member…"
            options={options}
            onChange={(e) => {
              setMemberId(e.target.value);
              setAcceptReason('');
              assign.reset();
            }}
          />
          {warnings.length ? (
            <div className="conflict-warning">
              <Notice tone="warning">
                {warnings.map((w) => w.message).join(' ')} They may still sit if you record why.
              </Notice>
              <TextField
                id="assign-accept-reason"
                label="Why they may sit anyway"
                hint="Recorded with the assignment and in the case’s history."
                required
                value={acceptReason}
                error={showRefusal ? reasonMissing : undefined}
                onChange={(e) => setAcceptReason(e.target.value)}
              />
            </div>
          ) : null}
          <button className="button" type="submit" disabled={!memberId || assign.isPending}>
            {warnings.length ? 'Assign anyway' : 'Assign'}
          </button>
        </form>
      ) : null}
      {canWrite ? (
        <details className="subform">
          <summary>Record a declaration of interest</summary>
          <form
            {...guard.formProps}
            onSubmit={(e) => {
              e.preventDefault();
              if (declareId)
                declare.mutate({
                  caseId: detail.id,
                  customerId: declareId,
                  relation,
                  priorInvolvement: prior,
                });
            }}
          >
            {declare.error ? <Notice tone="error">{errorMessage(declare.error)}</Notice> : null}
            <div className="form-grid">
              <SelectField
                id="declare-member"
                label="Member"
                value={declareId}
                placeholder="Choose…"
                options={(candidates.data?.candidates ?? []).map((c) => ({
                  value: c.customerId,
                  label: c.name,
                }))}
                onChange={(e) => setDeclareId(e.target.value)}
              />
              <TextField
                id="declare-relation"
                label="Relation to the complainant"
                value={relation}
                onChange={(e) => setRelation(e.target.value)}
              />
              <TextField
                id="declare-prior"
                label="Prior involvement in the complaint"
                value={prior}
                onChange={(e) => setPrior(e.target.value)}
              />
            </div>
            <button className="button button--secondary" type="submit" disabled={!declareId}>
              Save the declaration
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
