import type { EditableColumns } from './common';

export interface BoardPackRow extends EditableColumns {
  title: string;
  audience: string;
  /** As the user chose it: `2025-26`, `2025-26 Q2`, `2025-26 H1` or `2025-04-01..2025-09-30`. */
  period_spec: string;
  period_from: string;
  period_to: string;
  /** JSON array of section keys, in order. */
  sections: string;
  /** JSON object: section key → commentary. */
  commentary: string;
  finalised_at: string | null;
  finalised_by: string | null;
  /** JSON of the figures as reported, set when finalised. */
  frozen_figures: string | null;
}

export interface KpiTargetRow extends EditableColumns {
  /** The financial year's first calendar year: 2025 for 2025-26. */
  year: number;
  kpi: string;
  target: number;
}

export interface BoardPackTables {
  board_packs: BoardPackRow;
  kpi_targets: KpiTargetRow;
}
