import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  applicantKindLabels,
  applicantKinds,
  decisionMethodLabels,
  grantFundLabels,
  type ApplicantKind,
  type DecisionMethod,
  type GrantFund,
  type GrantRound,
} from '../../../../src-shared/domain/grants';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { penceOf, poundsText } from './money';
import '../../styles/grants.css';

interface CriterionDraft {
  key: string;
  id: string | null;
  name: string;
  priorityId: string;
  maxScore: string;
}

export function RoundEditor() {
  const { id } = useParams();
  const round = useApiQuery('grants.round', { id: id ?? '' }, { enabled: !!id });
  if (id && !round.data) return <Loading what="Loading the round" />;
  return <RoundForm round={round.data ?? null} key={round.data?.id ?? 'new'} />;
}

let keys = 0;

function RoundForm({ round }: { round: GrantRound | null }) {
  const today = useToday();
  const navigate = useNavigate();
  const priorities = useApiQuery('grants.priorities', {});
  const groups = useApiQuery('groups.list', {});
  const areas = useApiQuery('organisation.get', {});
  const [form, setForm] = useState({
    fund: (round?.fund ?? 'community_fund') as GrantFund,
    name: round?.name ?? '',
    opensOn: round?.opensOn ?? today,
    closesOn: round?.closesOn ?? '',
    decisionBy: round?.decisionBy ?? '',
    budget: poundsText(round?.money.budgetPence),
    minAward: poundsText(round?.minAwardPence ?? 10_000),
    maxAward: poundsText(round?.maxAwardPence),
    applicantKinds: (round?.applicantKinds ?? [...applicantKinds]) as ApplicantKind[],
    areaIds: round?.areaIds ?? [],
    decisionMethod: (round?.decisionMethod ?? 'panel') as DecisionMethod,
    panelGroupId: round?.panelGroupId ?? '',
    evaluationWeeks: String(round?.evaluationWeeks ?? 8),
    carryOver: round?.carryOver ?? true,
  });
  const [criteria, setCriteria] = useState<CriterionDraft[]>(
    (round?.criteria ?? []).map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      priorityId: c.priorityId ?? '',
      maxScore: String(c.maxScore),
    })),
  );
  const guard = useFormChanges(
    { form, criteria },
    round ? `the round ${round.name}` : 'the new round',
  );
  const save = useApiMutation('grants.saveRound', {
    onSuccess: (saved) => {
      guard.saved();
      void navigate(`/grants/rounds/${saved.id}`);
    },
  });
  const errors = fieldErrors(save.error);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) =>
    setForm({ ...form, [k]: v });
  const agreed = (priorities.data ?? []).filter((p) => !p.retiredOn);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      id: round?.id ?? null,
      fund: form.fund,
      name: form.name,
      opensOn: form.opensOn,
      closesOn: form.closesOn,
      decisionBy: form.decisionBy || null,
      budgetPence: penceOf(form.budget),
      minAwardPence: penceOf(form.minAward),
      maxAwardPence: penceOf(form.maxAward),
      applicantKinds: form.applicantKinds,
      areaIds: form.areaIds,
      decisionMethod: form.decisionMethod,
      panelGroupId: form.panelGroupId || null,
      evaluationWeeks: Number(form.evaluationWeeks),
      carryOver: form.carryOver,
      criteria: criteria.map((c) => ({
        id: c.id,
        name: c.name,
        priorityId: c.priorityId || null,
        maxScore: Number(c.maxScore),
      })),
    });
  };
  return (
    <>
      <PageHeader title={round ? `Edit ${round.name}` : 'New funding round'} />
      <form className="panel grant-form" noValidate {...guard.formProps} onSubmit={submit}>
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <div className="form-grid">
          <SelectField
            label="Fund"
            value={form.fund}
            options={Object.entries(grantFundLabels).map(([value, label]) => ({ value, label }))}
            onChange={(e) => {
              const fund = e.target.value as GrantFund;
              setForm({
                ...form,
                fund,
                decisionMethod: fund === 'participatory_budget' ? 'public_vote' : 'panel',
              });
            }}
          />
          <TextField
            label="Name"
            required
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            hint="Participatory budgeting runs twice a year: say which, e.g. “Participatory budget, spring 2027”."
          />
          <TextField
            label="Opens"
            type="date"
            value={form.opensOn}
            onChange={(e) => set('opensOn', e.target.value)}
            error={errors.opensOn}
          />
          <TextField
            label="Closes"
            type="date"
            value={form.closesOn}
            onChange={(e) => set('closesOn', e.target.value)}
            error={errors.closesOn}
          />
          <TextField
            label="Decisions by"
            type="date"
            value={form.decisionBy}
            onChange={(e) => set('decisionBy', e.target.value)}
            error={errors.decisionBy}
          />
          <TextField
            label="Budget (£)"
            inputMode="decimal"
            value={form.budget}
            onChange={(e) => set('budget', e.target.value)}
            error={errors.budgetPence}
            hint="Unspent money from the fund’s last round is added to this once that round is decided."
          />
          <TextField
            label="Smallest award (£)"
            inputMode="decimal"
            value={form.minAward}
            onChange={(e) => set('minAward', e.target.value)}
            error={errors.minAwardPence}
          />
          <TextField
            label="Largest award (£)"
            inputMode="decimal"
            value={form.maxAward}
            onChange={(e) => set('maxAward', e.target.value)}
            error={errors.maxAwardPence}
          />
          <SelectField
            label="Decided by"
            value={form.decisionMethod}
            options={Object.entries(decisionMethodLabels).map(([value, label]) => ({
              value,
              label,
            }))}
            onChange={(e) => set('decisionMethod', e.target.value as DecisionMethod)}
          />
          {form.decisionMethod === 'panel' ? (
            <SelectField
              label="Panel"
              value={form.panelGroupId}
              placeholder="The fund’s own panel group"
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              onChange={(e) => set('panelGroupId', e.target.value)}
            />
          ) : null}
          <TextField
            label="Evaluation due (weeks after the project ends)"
            inputMode="numeric"
            value={form.evaluationWeeks}
            onChange={(e) => set('evaluationWeeks', e.target.value)}
            error={errors.evaluationWeeks}
          />
        </div>
        <CheckboxField
          label="Carry unspent money over to the fund’s next round"
          checked={form.carryOver}
          onChange={(e) => set('carryOver', e.target.checked)}
        />
        <fieldset className="grant-form__set">
          <legend>Who may apply</legend>
          {applicantKinds.map((k) => (
            <CheckboxField
              key={k}
              label={applicantKindLabels[k]}
              checked={form.applicantKinds.includes(k)}
              onChange={(e) =>
                set(
                  'applicantKinds',
                  e.target.checked
                    ? [...form.applicantKinds, k]
                    : form.applicantKinds.filter((x) => x !== k),
                )
              }
            />
          ))}
          {errors.applicantKinds ? <p className="field__error">{errors.applicantKinds}</p> : null}
        </fieldset>
        <fieldset className="grant-form__set">
          <legend>Areas (none ticked: every area)</legend>
          <div className="grant-form__columns">
            {(areas.data?.areas ?? []).map((a) => (
              <CheckboxField
                key={a.id}
                label={a.name}
                checked={form.areaIds.includes(a.id)}
                onChange={(e) =>
                  set(
                    'areaIds',
                    e.target.checked
                      ? [...form.areaIds, a.id]
                      : form.areaIds.filter((x) => x !== a.id),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="grant-form__set">
          <legend>Criteria, linked to the priorities the Board agreed</legend>
          {errors.criteria ? <p className="field__error">{errors.criteria}</p> : null}
          {criteria.map((c, i) => (
            <div
              className="form-grid grant-criterion"
              key={c.key}
              role="group"
              aria-label={`Criterion ${i + 1}`}
            >
              <TextField
                label={`Criterion ${i + 1}: what the panel scores`}
                value={c.name}
                onChange={(e) =>
                  setCriteria(
                    criteria.map((x) => (x.key === c.key ? { ...x, name: e.target.value } : x)),
                  )
                }
                error={errors[`criteria.${i}.name`]}
              />
              <SelectField
                label={`Criterion ${i + 1}: Board priority`}
                value={c.priorityId}
                placeholder="None"
                options={agreed.map((p) => ({ value: p.id, label: p.name }))}
                onChange={(e) =>
                  setCriteria(
                    criteria.map((x) =>
                      x.key === c.key ? { ...x, priorityId: e.target.value } : x,
                    ),
                  )
                }
              />
              <TextField
                label={`Criterion ${i + 1}: scored out of`}
                inputMode="numeric"
                value={c.maxScore}
                onChange={(e) =>
                  setCriteria(
                    criteria.map((x) => (x.key === c.key ? { ...x, maxScore: e.target.value } : x)),
                  )
                }
                error={errors[`criteria.${i}.maxScore`]}
              />
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setCriteria(criteria.filter((x) => x.key !== c.key))}
              >
                Remove criterion {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setCriteria([
                ...criteria,
                { key: `new-${(keys += 1)}`, id: null, name: '', priorityId: '', maxScore: '5' },
              ])
            }
          >
            Add a criterion
          </button>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save the round
          </button>
        </div>
      </form>
    </>
  );
}
