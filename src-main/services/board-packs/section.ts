import type { Cell, CellFormat, Rag, SectionFigures } from '../../../src-shared/domain/board-packs';
import type { ReportPeriod } from '../../../src-shared/rules/report-period';
import type { CallContext } from '../context';

/** What a section works from: the period, the year's targets and "today" as the app's clock says. */
export interface SectionInput {
  ctx: CallContext;
  period: ReportPeriod;
  targets: ReadonlyMap<string, number>;
  today: string;
  /**
   * One answer per pack run for a figure two sections need (a section's own
   * figures and its KPI line): worked out once, so both show the same.
   */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One line of the KPI scorecard, contributed by the section whose data it counts. */
export interface KpiLine {
  measure: string;
  format: CellFormat;
  target: number | null;
  actual: number | null;
  rag: Rag;
  /** Where green and amber begin, so the rule reads on the page for each line. */
  greenFrom: number | null;
  amberFrom: number | null;
  note?: string;
}

/**
 * One section of a board pack. Adding a section (scrutiny, expenses, "you
 * said, we did", the assurance matrix) is one module implementing this,
 * named in sections/index.ts.
 */
export interface PackSectionModule {
  key: string;
  title: string;
  description: string;
  figures(input: SectionInput): Promise<SectionFigures>;
  /** This section's lines on the KPI scorecard, if it has any targets. */
  kpis?(input: SectionInput): Promise<KpiLine[]>;
}

export function row(...cells: Cell[]): Cell[] {
  return cells;
}
