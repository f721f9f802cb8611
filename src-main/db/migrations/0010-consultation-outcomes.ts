import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * A policy consultation names the task & finish group that gives its three
 * days, and keeps what participants said with what became of each point:
 * changed, partly changed or not changed, and why. The feedback to
 * participants is written from those points.
 */
export const consultationOutcomes: Migration = {
  name: 'consultation outcomes',
  up(db) {
    db.exec(`
      ALTER TABLE reviews ADD COLUMN task_group_id TEXT REFERENCES groups (id);

      CREATE TABLE consultation_outcomes (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        position INTEGER NOT NULL,
        said TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'partly', 'not_changed')),
        explanation TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consultation_outcomes_review ON consultation_outcomes (review_id, position);
    `);
  },
};
