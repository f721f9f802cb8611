import { expenseFigures } from '../../expenses/figures';
import type { PackSectionModule } from '../section';

const monthLabel = (m: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );

const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Volunteer expenses: spend against budget by category and group, and how long customers wait to be paid. */
export const expensesSection: PackSectionModule = {
  key: 'expenses',
  title: 'Expenses against budget',
  description:
    'Spend by category, group, landlord and month against budget; claims and customers reimbursed; days from claim to payment.',
  async figures(input) {
    const f = await input.once('expenses', () =>
      expenseFigures(input.ctx, input.period.from, input.period.to),
    );
    const wait =
      f.daysToPay.median === null
        ? 'No claims were paid in the period.'
        : `Half of the claims paid were paid within ${f.daysToPay.median} days of being made, and 95% within ${f.daysToPay.p95}.`;
    return {
      key: this.key,
      title: this.title,
      summary: `${pounds(f.totalSpentPence)} paid back to ${f.customersReimbursed} customer${f.customersReimbursed === 1 ? '' : 's'}, with ${pounds(f.totalCommittedPence)} approved and waiting to be paid. ${wait}`,
      headlines: [
        { label: 'Paid back', value: f.totalSpentPence, format: 'pence' },
        { label: 'Approved, not yet paid', value: f.totalCommittedPence, format: 'pence' },
        { label: 'Customers paid', value: f.customersReimbursed, format: 'integer' },
        { label: 'Median days to pay', value: f.daysToPay.median, format: 'decimal' },
        { label: '95th percentile days to pay', value: f.daysToPay.p95, format: 'integer' },
      ],
      tables: [
        {
          id: 'expenses-by-category',
          title: 'Spend by category',
          columns: [
            { header: 'Category', format: 'text' },
            { header: 'Paid', format: 'pence', total: true },
            { header: 'Approved, not yet paid', format: 'pence', total: true },
          ],
          rows: f.byCategory.map((r) => [r.label, r.spentPence, r.committedPence]),
        },
        {
          id: 'expenses-by-group',
          title: 'Spend by group against budget',
          columns: [
            { header: 'Group', format: 'text' },
            { header: 'Paid', format: 'pence', total: true },
            { header: 'Approved, not yet paid', format: 'pence', total: true },
            { header: 'Budget', format: 'pence' },
          ],
          rows: f.byGroup.map((r) => [r.label, r.spentPence, r.committedPence, r.budgetPence]),
          note: 'Budgets are for the financial years the period falls in; costs count by the date they were incurred.',
        },
        {
          id: 'expenses-by-landlord',
          title: 'Spend by landlord',
          columns: [
            { header: 'Landlord', format: 'text' },
            { header: 'Paid', format: 'pence', total: true },
            { header: 'Approved, not yet paid', format: 'pence', total: true },
          ],
          rows: f.byLandlord.map((r) => [r.label, r.spentPence, r.committedPence]),
        },
        {
          id: 'expenses-rejected',
          title: 'Claims rejected, and why',
          columns: [
            { header: 'Claim', format: 'text' },
            { header: 'Reason', format: 'text' },
          ],
          rows: f.rejected.reasons.map((r) => [r.reference, r.reason]),
          detail: true,
        },
      ],
      charts: [
        {
          id: 'expenses-by-month',
          title: 'Paid back each month (£)',
          xLabel: 'Month',
          yLabel: '£',
          valueFormat: 'decimal',
          bars: f.byMonth.map((m) => ({ label: monthLabel(m.key), value: m.spentPence / 100 })),
        },
      ],
      notes: [
        `${f.claimsReimbursed} claim${f.claimsReimbursed === 1 ? ' was' : 's were'} paid; ${f.queried} ${f.queried === 1 ? 'was' : 'were'} queried and ${f.rejected.count} rejected (the reasons are in the table of rejected claims). The budget for the year${f.totalBudgetPence ? ` is ${pounds(f.totalBudgetPence)}` : ' is not set'}.`,
        'Actual out-of-pocket costs only: no flat-rate or thank-you payments are made, as they can count as earnings for customers on benefits.',
      ],
    };
  },
};
