/**
 * The UK tax year runs from 6 April to 5 April: HMRC's 10,000-mile band is
 * counted within it. (The landlord's financial year, for budgets, runs from
 * 1 April: see `financialYearOf`.)
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

/** The financial year (1 April to 31 March) a date falls in, by its first calendar year. */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5, 10) >= '04-01' ? year : year - 1;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function financialYearRange(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}
