import { useToday } from '../../clock';
import { useState, type FormEvent } from 'react';
import type { AddMemberResult } from '../../../../src-shared/api/groups';
import {
  memberRoleLabels,
  memberRoles,
  selectionMethodLabels,
  selectionMethods,
  type MemberRole,
  type SelectionMethod,
} from '../../../../src-shared/domain/groups';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/**
 * Find a customer and add them. If that breaks a membership rule the
 * explanation shows, and a team leader can add them anyway with a reason.
 */
export function AddMember({ groupId, groupName }: { groupId: string; groupName: string }) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<MemberRole>('member');
  const [joinedOn, setJoinedOn] = useState(useToday());
  const [selectionMethod, setSelectionMethod] = useState('');
  const [selectionNotes, setSelectionNotes] = useState('');
  const [roleDescriptionAgreedOn, setRoleAgreed] = useState('');
  const [codeOfConductSignedOn, setCodeSigned] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  // Only the person and any reason are per member: the selection method and notes carry over.
  const guard = useUnsavedChanges(chosen !== null || overrideReason !== '', 'the new member');
  const [refusal, setRefusal] = useState<Extract<AddMemberResult, { added: false }> | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  // After an add, or "Choose someone else", the search comes back and the work continues there.
  const [backToSearch, setBackToSearch] = useState(false);
  const term = search.trim();
  const found = useApiQuery(
    'customers.list',
    { search, limit: 8 },
    { enabled: term.length >= 2 && !chosen },
  );
  const person = useApiQuery('customers.get', { id: chosen?.id ?? '' }, { enabled: !!chosen });
  const signedOn = person.data?.codeOfConductSignedOn ?? null;
  // The same check as saving makes, on the same date, so nothing passes here and fails there.
  const check = useApiQuery(
    'groups.checkMember',
    { groupId, customerId: chosen?.id ?? '', joinedOn },
    { enabled: !!chosen && /^\d{4}-\d{2}-\d{2}$/.test(joinedOn) && !refusal },
  );
  const add = useApiMutation('groups.addMember', {
    onSuccess: (r) => {
      if (r.added) {
        setAdded(`${r.membership.customerName} joined ${groupName}.`);
        setChosen(null);
        setSearch('');
        setRefusal(null);
        setOverrideReason('');
        setCodeSigned('');
        setBackToSearch(true);
      } else {
        setRefusal(r);
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setAdded(null);
    add.mutate({
      groupId,
      customerId: chosen.id,
      role,
      joinedOn,
      selectionMethod: (selectionMethod || null) as SelectionMethod | null,
      selectionNotes,
      roleDescriptionAgreedOn: roleDescriptionAgreedOn || null,
      codeOfConductSignedOn: signedOn ? null : codeOfConductSignedOn || null,
      overrideReason: refusal ? overrideReason : null,
    });
  }

  return (
    <section className="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      {added ? <Notice tone="success">{added}</Notice> : null}
      {!chosen ? (
        <SearchAndChoose
          id="member-search"
          label="Find a customer"
          hint="Type at least two letters of their name, or their postcode."
          autoFocus={backToSearch}
          query={search}
          onQueryChange={setSearch}
          results={term.length >= 2 ? found.data?.rows : undefined}
          resultKey={(c) => c.id}
          choiceLabel={(c) => `Choose ${c.firstName} ${c.lastName}`}
          choiceDetails={(c) => [c.postcode, c.landlordName].filter(Boolean).join(' · ')}
          resultsLabel="Matching customers"
          noResults={`Nobody on the register matches “${term}”.`}
          afterChoose="caller"
          onChoose={(c) => {
            setChosen({ id: c.id, name: `${c.firstName} ${c.lastName}` });
            setRefusal(null);
            setAdded(null);
          }}
        />
      ) : (
        <form {...guard.formProps} onSubmit={submit} noValidate>
          <p>
            Adding <strong>{chosen.name}</strong>.{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setChosen(null);
                setRefusal(null);
                setBackToSearch(true);
              }}
            >
              Choose someone else
            </button>
          </p>
          <div className="form-grid">
            <SelectField
              // The form appears only once someone is chosen: its first field is where work goes on.
              autoFocus
              id="member-role"
              label="Role"
              value={role}
              options={memberRoles.map((r) => ({ value: r, label: memberRoleLabels[r] }))}
              onChange={(e) => setRole(e.target.value as MemberRole)}
            />
            <TextField
              id="member-joined"
              label="Joined on"
              type="date"
              required
              value={joinedOn}
              onChange={(e) => setJoinedOn(e.target.value)}
            />
            <SelectField
              id="member-selection"
              label="How they were selected"
              placeholder="Not recorded"
              value={selectionMethod}
              options={selectionMethods.map((m) => ({ value: m, label: selectionMethodLabels[m] }))}
              onChange={(e) => setSelectionMethod(e.target.value)}
            />
            <TextField
              id="member-role-agreed"
              label="Role description agreed on"
              type="date"
              value={roleDescriptionAgreedOn}
              onChange={(e) => setRoleAgreed(e.target.value)}
            />
            {signedOn ? (
              <div className="field">
                <span className="field__label">Code of Conduct</span>
                <p>
                  Signed on {formatDate(signedOn)}{' '}
                  <span className="muted">(on their customer record)</span>
                </p>
              </div>
            ) : (
              <TextField
                id="member-code-signed"
                label="Code of Conduct signed on"
                hint="Kept on their customer record."
                type="date"
                value={codeOfConductSignedOn}
                onChange={(e) => setCodeSigned(e.target.value)}
              />
            )}
          </div>
          <TextAreaField
            id="member-selection-notes"
            label="Selection notes"
            value={selectionNotes}
            onChange={(e) => setSelectionNotes(e.target.value)}
          />
          {!refusal && check.data && check.data.length > 0 ? (
            <div className="notice notice--warning rule-refusal" role="status">
              <p>
                <strong>
                  Joining on {formatDate(joinedOn)}, {chosen.name} would break{' '}
                  {check.data.length === 1 ? 'a membership rule' : 'membership rules'}:
                </strong>
              </p>
              <ul>
                {check.data.map((v, i) => (
                  <li key={i}>{v.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {refusal ? (
            <div className="notice notice--warning rule-refusal" role="alert">
              <p>
                <strong>
                  Adding {chosen.name} breaks{' '}
                  {refusal.violations.length === 1 ? 'a membership rule' : 'membership rules'}:
                </strong>
              </p>
              <ul>
                {refusal.violations.map((v, i) => (
                  <li key={i}>{v.message}</li>
                ))}
              </ul>
              {refusal.canOverride ? (
                <TextAreaField
                  id="member-override"
                  label="Reason for adding them anyway"
                  hint="Kept with the membership and in its history."
                  required
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                />
              ) : (
                <p>Only a team leader or administrator can add them anyway, with a reason.</p>
              )}
            </div>
          ) : null}
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="button-row">
            {refusal ? (
              refusal.canOverride ? (
                <button
                  type="submit"
                  className="button button--danger"
                  disabled={add.isPending || overrideReason.trim() === ''}
                >
                  Add anyway
                </button>
              ) : null
            ) : (
              <button type="submit" className="button" disabled={add.isPending}>
                Add member
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
