/**
 * Reporting periods for board packs, written the way the team says them:
 * a financial year from April (`2025-26`), a half (`2025-26 H1`), a quarter
 * (`2025-26 Q3`) or custom dates (`2025-04-01..2025-09-30`).
 */
export interface ReportPeriod {
  /** The spec as normalised, e.g. `2025-26 Q1`. */
  spec: string;
  /** For people: "Quarter 1 2025-26 (April to June 2025)". */
  label: string;
  from: string;
  to: string;
  /** The financial year the period starts in (its first calendar year), whose targets apply. */
  financialYear: number;
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function firstDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export function financialYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? y : y - 1;
}

export function financialYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The first and last days of the financial year that starts in April of `year`. */
export function financialYearRange(year: number): { from: string; to: string } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Reads a period, or says in words why it cannot. */
export function parsePeriod(
  text: string,
): { ok: true; period: ReportPeriod } | { ok: false; message: string } {
  const spec = text.trim().replace(/\s+/g, ' ');
  const custom = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to)\s*(\d{4}-\d{2}-\d{2})$/.exec(spec);
  if (custom) {
    const [, from, to] = custom as unknown as [string, string, string];
    if (!isRealDate(from) || !isRealDate(to))
      return { ok: false, message: `The period "${text}" has a date that does not exist.` };
    if (to < from) return { ok: false, message: `The period "${text}" ends before it starts.` };
    return {
      ok: true,
      period: {
        spec: `${from}..${to}`,
        label: `${formatDate(from)} to ${formatDate(to)}`,
        from,
        to,
        financialYear: financialYearOf(from),
      },
    };
  }
  const fy = /^(\d{4})-(\d{2})(?: (Q[1-4]|H[12]))?$/i.exec(spec);
  if (!fy)
    return {
      ok: false,
      message: `The period "${text}" is not one the app knows. Use a financial year such as 2025-26, a quarter such as 2025-26 Q1, a half such as 2025-26 H2, or dates such as 2025-04-01..2025-09-30.`,
    };
  const year = Number(fy[1]);
  if (Number(fy[2]) !== (year + 1) % 100)
    return {
      ok: false,
      message: `The period "${text}" is not a financial year: after ${year} comes ${financialYearLabel(year)}.`,
    };
  const part = fy[3]?.toUpperCase() ?? null;
  const fyLabel = financialYearLabel(year);
  // Months counted from April = 1 of the financial year.
  const [first, months, name] =
    part === null
      ? [1, 12, `Financial year ${fyLabel}`]
      : part.startsWith('Q')
        ? [(Number(part[1]) - 1) * 3 + 1, 3, `Quarter ${part[1]} ${fyLabel}`]
        : [
            (Number(part[1]) - 1) * 6 + 1,
            6,
            `${part === 'H1' ? 'First' : 'Second'} half of ${fyLabel}`,
          ];
  const startMonth = ((first + 2) % 12) + 1;
  const startYear = first + 3 > 12 ? year + 1 : year;
  const endAbs = first + months - 1 + 3;
  const endMonth = ((endAbs - 1) % 12) + 1;
  const endYear = endAbs > 12 ? year + 1 : year;
  const from = firstDay(startYear, startMonth);
  const to = lastDay(endYear, endMonth);
  return {
    ok: true,
    period: {
      spec: part ? `${fyLabel} ${part}` : fyLabel,
      label: `${name} (${monthNames[startMonth - 1]} ${startYear} to ${monthNames[endMonth - 1]} ${endYear})`,
      from,
      to,
      financialYear: year,
    },
  };
}

function formatDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${monthNames[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
