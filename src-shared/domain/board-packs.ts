import { z } from 'zod';
import { parsePeriod } from '../rules/report-period';
import type { Suppressed } from '../rules/small-numbers';
import { idSchema } from './common';

export const audiences = ['board', 'garc', 'council', 'tenants'] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = {
  board: 'the Board',
  garc: 'the Group Audit and Risk Committee',
  council: 'the Customer Council',
  tenants: 'the annual report to tenants',
};
export const audienceTitles: Record<Audience, string> = {
  board: 'Board',
  garc: 'Group Audit and Risk Committee',
  council: 'Customer Council',
  tenants: 'Annual report to tenants',
};

export const periodSpecSchema = z
  .string({ error: 'Choose the period.' })
  .trim()
  .min(1, { error: 'Choose the period.' })
  .max(40)
  .superRefine((s, ctx) => {
    const parsed = parsePeriod(s);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

/** A section key: checked against the sections the app has, when saved. */
const sectionKey = z.string().min(1).max(40);

export const packCreateInput = z.object({
  audience: z.enum(audiences, { error: 'Choose who the pack is for.' }),
  period: periodSpecSchema,
  title: z.string().trim().max(200).optional(),
});

export const packUpdateInput = z.object({
  id: idSchema,
  expectedUpdatedAt: z.string().optional(),
  title: z.string().trim().min(1, { error: 'Give the pack a title.' }).max(200).optional(),
  period: periodSpecSchema.optional(),
  sections: z.array(sectionKey).min(1, { error: 'Keep at least one section.' }).max(40).optional(),
});

export const commentaryInput = z.object({
  id: idSchema,
  section: sectionKey,
  text: z.string().max(10_000, { error: 'Keep the commentary under 10,000 characters.' }),
});

export const packExportInput = z.object({
  id: idSchema,
  formats: z
    .array(z.enum(['pdf', 'xlsx']))
    .min(1, { error: 'Choose PDF, Excel or both.' })
    .default(['pdf', 'xlsx']),
});

export const kpiTargetsInput = z.object({ year: z.number().int().min(2000).max(2100) });
export const kpiTargetSaveInput = z.object({
  year: z.number().int().min(2000).max(2100),
  kpi: z.string().min(1).max(60),
  target: z
    .number({ error: 'Enter the target as a number.' })
    .min(0, { error: 'A target cannot be negative.' }),
});

/* The figures, in one shape for every section, so the screen, the PDF and the workbook show the same. */

/** How a value is shown: `share` is 0–1, shown as a percentage; `pence` is money. */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'share' | 'pence' | 'date' | 'rag';
export type Cell = string | number | null | Suppressed;

export type Rag = 'green' | 'amber' | 'red' | 'none';
export const ragLabels: Record<Rag, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  none: 'No target',
};

export interface PackColumn {
  header: string;
  format: CellFormat;
  /** The workbook totals this column with a formula; the PDF shows the same sum. */
  total?: boolean;
}

export interface PackTable {
  id: string;
  title: string;
  columns: PackColumn[];
  rows: Cell[][];
  /** The rows behind a figure: on their own sheet, and in the PDF's appendix. */
  detail?: boolean;
  /**
   * The PDF prints this many rows and says how many more the workbook has
   * (a list that can run to thousands, such as the exception report).
   */
  pdfRowLimit?: number;
  /** How many rows the table has where some or all were left out (the screen's preview). */
  rowCount?: number;
  note?: string;
}

export interface PackChart {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  valueFormat: 'integer' | 'share' | 'decimal';
  bars: { label: string; value: number | null; target?: number | null }[];
}

export interface PackHeadline {
  label: string;
  value: Cell;
  format: CellFormat;
}

export interface SectionFigures {
  key: string;
  title: string;
  /** One sentence a Board member reads first. */
  summary: string;
  headlines: PackHeadline[];
  tables: PackTable[];
  charts: PackChart[];
  notes: string[];
}

export interface PackSection extends SectionFigures {
  commentary: string;
}

export interface PackFigures {
  organisation: string;
  title: string;
  audience: Audience;
  period: { spec: string; label: string; from: string; to: string };
  /** When the figures were worked out (frozen with the pack when finalised). */
  workedOutAt: string;
  author: string;
  sections: PackSection[];
  /** The PDF prints the rows behind each section at the end (the workbook always has them). */
  appendix: boolean;
}

export interface SectionInfo {
  key: string;
  title: string;
  description: string;
}

export interface BoardPackSummary {
  id: string;
  title: string;
  audience: Audience;
  period: string;
  periodLabel: string;
  finalisedAt: string | null;
  updatedAt: string;
}

export interface BoardPack extends BoardPackSummary {
  sections: string[];
  commentary: Record<string, string>;
  finalisedBy: string | null;
  /** The sections the app has, for adding one back. */
  available: SectionInfo[];
  /** Sections the issue plans whose data is not in the app yet. */
  waiting: SectionInfo[];
}

export interface FigureChange {
  section: string;
  table: string;
  row: string;
  column: string;
  then: Cell;
  now: Cell;
  /** Now minus then, where both are numbers. */
  change: number | null;
}

export interface PackChanges {
  finalisedAt: string;
  changes: FigureChange[];
}

export interface KpiTarget {
  kpi: string;
  label: string;
  unit: 'count' | 'share' | 'per_month';
  target: number;
  isDefault: boolean;
}
