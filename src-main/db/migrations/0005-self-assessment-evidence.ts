import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * Evidence for the Code self-assessment beyond free text: documents (kept in
 * the same content-hash file store as case evidence) and figures, each
 * attached to one provision in one year.
 */
export const selfAssessmentEvidence: Migration = {
  name: 'self-assessment evidence',
  up(db) {
    db.exec(`
      CREATE TABLE self_assessment_documents (${editableColumnsSql},
        year INTEGER NOT NULL,
        provision TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        description TEXT
      ) STRICT;
      CREATE INDEX self_assessment_documents_provision ON self_assessment_documents (year, provision);

      CREATE TABLE self_assessment_figures (${editableColumnsSql},
        year INTEGER NOT NULL,
        provision TEXT NOT NULL,
        label TEXT NOT NULL,
        value TEXT NOT NULL,
        period TEXT NOT NULL
      ) STRICT;
      CREATE INDEX self_assessment_figures_provision ON self_assessment_figures (year, provision);
    `);
  },
};
