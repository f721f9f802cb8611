import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * Board packs as the team leader builds them (audience, period, the sections
 * in order, a commentary per section) and, once finalised, the figures and
 * commentary as reported, frozen. KPI targets are kept per financial year.
 */
export const boardPacks: Migration = {
  name: 'board packs',
  up(db) {
    db.exec(`
      CREATE TABLE board_packs (${editableColumnsSql},
        title TEXT NOT NULL,
        audience TEXT NOT NULL,
        period_spec TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        sections TEXT NOT NULL,
        commentary TEXT NOT NULL,
        finalised_at TEXT,
        finalised_by TEXT,
        frozen_figures TEXT
      ) STRICT;
      CREATE INDEX board_packs_period ON board_packs (period_to);

      CREATE TABLE kpi_targets (${editableColumnsSql},
        year INTEGER NOT NULL,
        kpi TEXT NOT NULL,
        target REAL NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX kpi_targets_year ON kpi_targets (year, kpi) WHERE deleted_at IS NULL;
    `);
  },
};
