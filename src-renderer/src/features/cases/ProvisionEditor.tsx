import { useState } from 'react';
import {
  complianceAnswers,
  complianceLabels,
  type ComplianceAnswer,
  type SelfAssessmentRow,
} from '../../../../src-shared/domain/self-assessment';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { SelectField, TextAreaField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { CasePicker } from './CasePicker';

/** The year's answer for one provision: compliance, evidence, linked cases and the panel's comments. */
export function ProvisionEditor({
  year,
  row,
  canWrite,
}: {
  year: number;
  row: SelfAssessmentRow;
  canWrite: boolean;
}) {
  const [complies, setComplies] = useState<string>(row.complies ?? '');
  const [evidence, setEvidence] = useState(row.evidence ?? '');
  const [comments, setComments] = useState(row.panelComments ?? '');
  const [linked, setLinked] = useState(row.linkedCases);
  const [dirty, setDirty] = useState(false);
  const save = useApiMutation('selfAssessment.save', { onSuccess: () => setDirty(false) });
  const guard = useUnsavedChanges(dirty, `provision ${row.provision}`);
  const id = `p-${row.provision.replace(/\./g, '-')}`;
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };
  return (
    <form
      {...guard.formProps}
      className="self-assessment__answer"
      aria-label={`Provision ${row.provision}: answer`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          year,
          provision: row.provision,
          complies: (complies || null) as ComplianceAnswer | null,
          evidence,
          panelComments: comments,
          linkedCaseIds: linked.map((c) => c.id),
        });
      }}
    >
      <SelectField
        id={`${id}-complies`}
        label="Does the landlord comply?"
        value={complies}
        placeholder="Not assessed"
        disabled={!canWrite}
        options={complianceAnswers.map((a) => ({ value: a, label: complianceLabels[a] }))}
        onChange={(e) => edit(setComplies)(e.target.value)}
      />
      <TextAreaField
        id={`${id}-evidence`}
        label="Evidence"
        hint="What shows it: policies, reports, training. Attach documents and figures below."
        rows={3}
        value={evidence}
        disabled={!canWrite}
        onChange={(e) => edit(setEvidence)(e.target.value)}
      />
      <CasePicker
        id={id}
        provision={row.provision}
        linked={linked}
        onChange={edit(setLinked)}
        disabled={!canWrite}
      />
      <TextAreaField
        id={`${id}-comments`}
        label="Tenant panel comments"
        rows={3}
        value={comments}
        disabled={!canWrite}
        onChange={(e) => edit(setComments)(e.target.value)}
      />
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {canWrite ? (
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save provision {row.provision}
          </button>
          {dirty ? (
            <span className="muted">Unsaved changes</span>
          ) : save.isSuccess ? (
            <span className="muted" role="status">
              Saved
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
