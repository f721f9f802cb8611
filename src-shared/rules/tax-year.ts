/**
 * The UK tax year runs from 6 April to 5 April: HMRC's 10,000-mile band is
 * counted within it. (The landlord's financial year, for budgets and
 * reports, runs from 1 April: see `financialYearOf` in report-period.ts.)
 */
export interface TaxYear {
  /** The calendar year it starts in: 2026 for 6 April 2026 to 5 April 2027. */
  startYear: number;
  from: string;
  to: string;
  label: string;
}

export function taxYearOf(isoDate: string): TaxYear {
  const year = Number(isoDate.slice(0, 4));
  const startYear = isoDate.slice(5, 10) >= '04-06' ? year : year - 1;
  return {
    startYear,
    from: `${startYear}-04-06`,
    to: `${startYear + 1}-04-05`,
    label: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}
