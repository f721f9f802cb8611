import { useState } from 'react';
import {
  expenseCategories,
  expenseCategoryLabels,
  type ExpensePolicy,
} from '../../../../src-shared/domain/expenses';
import { formatPounds, parsePounds } from '../../../../src-shared/rules/expense-money';
import { NO_FLAT_RATE_REASON } from '../../../../src-shared/rules/expense-policy';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { CheckboxField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import '../../styles/expenses.css';

/** The expenses policy in versions by start date; each claim line is judged by its date's version. */
export function PolicySettings() {
  const policies = useApiQuery('expenses.policies', {});
  const canEdit = useCan('expenses.policy');
  if (!policies.data) return <Loading what="Loading the expenses policy" />;
  const latest = policies.data[policies.data.length - 1]!;
  return (
    <>
      <PageHeader title="Expenses policy" subtitle="Rates, caps, receipts and time limits" />
      <Notice tone="info">
        <strong>Why there is no flat-rate or thank-you payment.</strong> {NO_FLAT_RATE_REASON}
      </Notice>
      <table className="table">
        <caption>Versions</caption>
        <thead>
          <tr>
            <th scope="col">In force from</th>
            <th scope="col">Name</th>
            <th scope="col">Car or van</th>
            <th scope="col">Receipt above</th>
            <th scope="col">Time limit</th>
          </tr>
        </thead>
        <tbody>
          {policies.data.map((p) => (
            <tr key={p.startsOn}>
              <td>{formatDate(p.startsOn)}</td>
              <td>{p.name}</td>
              <td>
                {p.carFirstPence}p for {p.carBandMiles.toLocaleString('en-GB')} miles, then{' '}
                {p.carAfterPence}p
              </td>
              <td>{formatPounds(p.receiptThresholdPence)}</td>
              <td>{p.timeLimitDays} days</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <PolicyForm base={latest} />
      ) : (
        <p className="muted">An administrator sets the policy.</p>
      )}
    </>
  );
}

function PolicyForm({ base }: { base: ExpensePolicy }) {
  const today = useToday();
  const [form, setForm] = useState({ ...base, startsOn: today });
  // Money is typed as text and read as pence on saving, so typing is never rewritten under the cursor.
  const [threshold, setThreshold] = useState((base.receiptThresholdPence / 100).toFixed(2));
  const [caps, setCaps] = useState<Record<string, string>>(
    Object.fromEntries(
      expenseCategories.map((c) => {
        const cap = base.categories[c].capPence;
        return [c, cap === null ? '' : (cap / 100).toFixed(2)];
      }),
    ),
  );
  const [moneyProblem, setMoneyProblem] = useState('');
  const guard = useFormChanges({ form, threshold, caps }, 'the expenses policy');
  const save = useApiMutation('expenses.savePolicy', { onSuccess: () => guard.saved() });
  const num = (k: keyof ExpensePolicy, label: string) => (
    <TextField
      label={label}
      type="number"
      value={String(form[k])}
      onChange={(e) => setForm({ ...form, [k]: Number(e.target.value) })}
    />
  );
  const { id: _id, ...terms } = form;
  return (
    <form
      className="panel"
      {...guard.formProps}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const pence = parsePounds(threshold);
        const bad = expenseCategories.find((c) => caps[c] !== '' && parsePounds(caps[c]!) === null);
        if (pence === null || bad) {
          setMoneyProblem(
            bad
              ? `${expenseCategoryLabels[bad]}: enter the cap in pounds and pence, like 10.00, or leave it blank.`
              : 'Enter the receipt threshold in pounds and pence, like 10.00.',
          );
          return;
        }
        setMoneyProblem('');
        save.mutate({
          ...terms,
          receiptThresholdPence: pence,
          categories: Object.fromEntries(
            expenseCategories.map((c) => [
              c,
              {
                ...form.categories[c],
                capPence: caps[c] === '' ? null : parsePounds(caps[c]!),
              },
            ]),
          ) as ExpensePolicy['categories'],
        });
      }}
    >
      <h2>A new version</h2>
      {moneyProblem ? <Notice tone="error">{moneyProblem}</Notice> : null}
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">Saved. Lines dated from then on use it.</Notice>
      ) : null}
      <div className="form-grid">
        <TextField
          label="In force from"
          type="date"
          value={form.startsOn}
          onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
        />
        <TextField
          label="Name"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        {num('carFirstPence', 'Car or van, pence a mile')}
        {num('carBandMiles', 'Miles a tax year at that rate')}
        {num('carAfterPence', 'Car or van after that, pence a mile')}
        {num('motorcyclePence', 'Motorcycle, pence a mile')}
        {num('bicyclePence', 'Bicycle, pence a mile')}
        {num('passengerPence', 'Each passenger, pence a mile')}
        {num('timeLimitDays', 'Time limit for claiming (days)')}
        {num('paymentTargetDays', 'Target to pay (days)')}
        {num('maxMilesPerLine', 'Ask about journeys over (miles)')}
        {num('budgetWarningPercent', 'Warn when a budget reaches (percent)')}
        <TextField
          label="Receipt needed above (£)"
          inputMode="decimal"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>Caps and prior approval</legend>
        <div className="form-grid">
          {expenseCategories.map((c) => (
            <div key={c} className="policy-cap">
              {c === 'mileage' ? (
                <p className="muted">Mileage is paid at the rates above.</p>
              ) : (
                <TextField
                  label={`${expenseCategoryLabels[c]}: cap (£, blank for actual cost)`}
                  inputMode="decimal"
                  value={caps[c]}
                  onChange={(e) => setCaps({ ...caps, [c]: e.target.value })}
                />
              )}
              <CheckboxField
                label={`${expenseCategoryLabels[c]}: agreed beforehand`}
                checked={form.categories[c].needsPriorApproval}
                onChange={(e) =>
                  setForm({
                    ...form,
                    categories: {
                      ...form.categories,
                      [c]: { ...form.categories[c], needsPriorApproval: e.target.checked },
                    },
                  })
                }
              />
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button">
        Save the version
      </button>
    </form>
  );
}
