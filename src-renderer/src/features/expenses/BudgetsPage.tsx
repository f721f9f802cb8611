import { useState } from 'react';
import { financialYearLabel } from '../../../../src-shared/rules/report-period';
import { parsePounds } from '../../../../src-shared/rules/expense-money';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { FinancialYearField, useFinancialYear } from '../../components/FinancialYearField';
import { useCan } from '../../session';
import '../../styles/expenses.css';

/** Budgets per group or cost code for a financial year (April to March). */
export function BudgetsPage() {
  const [year, setYear] = useFinancialYear();
  const budgets = useApiQuery('expenses.budgets', { year });
  const groups = useApiQuery('groups.list', {});
  const canEdit = useCan('expenses.budgets');
  return (
    <>
      <PageHeader
        title="Expenses budgets"
        subtitle={`Financial year ${financialYearLabel(year)}`}
      />
      <div className="filters">
        <FinancialYearField id="budgets-year" year={year} onChange={setYear} />
      </div>
      {!budgets.data ? (
        <Loading what="Loading the budgets" />
      ) : budgets.data.length === 0 ? (
        <p className="muted">No budgets are set for {financialYearLabel(year)}.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Budgets</caption>
          <thead>
            <tr>
              <th scope="col">Budget</th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Committed
              </th>
              <th scope="col" className="num">
                Remaining
              </th>
            </tr>
          </thead>
          <tbody>
            {budgets.data.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.groupName ?? `Cost code ${b.costCode}`}</th>
                <td className="num">{formatPence(b.limitPence)}</td>
                <td className="num">{formatPence(b.spentPence)}</td>
                <td className="num">{formatPence(b.committedPence)}</td>
                <td className={`num${b.remainingPence < 0 ? ' over' : ''}`}>
                  {formatPence(b.remainingPence)}
                  {b.remainingPence < 0 ? ' (over)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <BudgetForm
          year={year}
          groups={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
      ) : null}
    </>
  );
}

function BudgetForm({
  year,
  groups,
}: {
  year: number;
  groups: { value: string; label: string }[];
}) {
  const [form, setForm] = useState({ groupId: '', costCode: '', limit: '' });
  const guard = useFormChanges(form, 'the budget');
  const save = useApiMutation('expenses.saveBudget', {
    onSuccess: () => {
      guard.saved();
      setForm({ groupId: '', costCode: '', limit: '' });
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      className="panel budget-form"
      {...guard.formProps}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          year,
          groupId: form.groupId || null,
          costCode: form.costCode || null,
          limitPence: parsePounds(form.limit) ?? -1,
        });
      }}
    >
      <h2>Set a budget for {financialYearLabel(year)}</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <SelectField
          label="Group"
          value={form.groupId}
          placeholder="No group: a cost code"
          options={groups}
          onChange={(e) => setForm({ ...form, groupId: e.target.value })}
          error={errors.groupId}
        />
        {!form.groupId ? (
          <TextField
            label="Cost code"
            value={form.costCode}
            onChange={(e) => setForm({ ...form, costCode: e.target.value })}
          />
        ) : null}
        <TextField
          label="Budget (£)"
          inputMode="decimal"
          value={form.limit}
          onChange={(e) => setForm({ ...form, limit: e.target.value })}
          error={errors.limitPence}
        />
      </div>
      <button type="submit" className="button">
        Save the budget
      </button>
    </form>
  );
}
