import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * The Community Fund and participatory budgeting: the priorities the Board
 * agreed, funding rounds with their criteria, applications with their
 * documents (in the one file store), panel members' declarations and scores,
 * public vote tallies, payments against an award, and the post-project
 * evaluation. An application carries its decision and award itself: an
 * application is decided once, and the figures read one table for them.
 * What has been paid against an award and the day its evaluation came in
 * are kept on the application too (written with the payment or the
 * evaluation, in the same transaction), so the figures and the overdue list
 * read one index: joining every application of ten years to its payments
 * cost several times the figures themselves.
 */
export const communityFund: Migration = {
  name: 'community fund and participatory budgeting',
  up(db) {
    db.exec(`
      CREATE TABLE grant_priorities (${editableColumnsSql},
        name TEXT NOT NULL,
        description TEXT,
        agreed_on TEXT,
        retired_on TEXT
      ) STRICT;

      CREATE TABLE grant_rounds (${editableColumnsSql},
        fund TEXT NOT NULL,
        name TEXT NOT NULL,
        opens_on TEXT NOT NULL,
        closes_on TEXT NOT NULL,
        decision_by TEXT,
        budget_pence INTEGER NOT NULL,
        min_award_pence INTEGER NOT NULL,
        max_award_pence INTEGER NOT NULL,
        applicant_kinds TEXT NOT NULL,
        area_ids TEXT NOT NULL,
        decision_method TEXT NOT NULL,
        panel_group_id TEXT REFERENCES groups (id),
        evaluation_weeks INTEGER NOT NULL,
        carry_over INTEGER NOT NULL,
        decided_on TEXT
      ) STRICT;
      CREATE INDEX grant_rounds_fund ON grant_rounds (fund, opens_on) WHERE deleted_at IS NULL;

      CREATE TABLE grant_criteria (${editableColumnsSql},
        round_id TEXT NOT NULL REFERENCES grant_rounds (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        guidance TEXT,
        priority_id TEXT REFERENCES grant_priorities (id),
        max_score INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX grant_criteria_round ON grant_criteria (round_id, position);

      CREATE TABLE grant_applications (${editableColumnsSql},
        round_id TEXT NOT NULL REFERENCES grant_rounds (id),
        reference TEXT NOT NULL,
        received_on TEXT NOT NULL,
        applicant_kind TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        contact_customer_id TEXT REFERENCES customers (id),
        contact_name TEXT NOT NULL,
        contact_phone TEXT,
        contact_email TEXT,
        contact_address_line1 TEXT,
        contact_postcode TEXT,
        project_title TEXT NOT NULL,
        project_summary TEXT NOT NULL,
        outcomes TEXT NOT NULL,
        area_id TEXT REFERENCES areas (id),
        priority_id TEXT REFERENCES grant_priorities (id),
        amount_pence INTEGER NOT NULL,
        people_expected INTEGER,
        starts_on TEXT,
        ends_on TEXT,
        status TEXT NOT NULL,
        eligibility TEXT,
        checked_on TEXT,
        decision TEXT,
        decided_on TEXT,
        award_pence INTEGER,
        conditions TEXT,
        decision_reason TEXT,
        evaluation_due_on TEXT,
        reminder_sent_on TEXT,
        paid_pence INTEGER NOT NULL DEFAULT 0,
        evaluated_on TEXT
      ) STRICT;
      CREATE UNIQUE INDEX grant_applications_reference ON grant_applications (reference);
      CREATE INDEX grant_applications_round ON grant_applications (round_id, status) WHERE deleted_at IS NULL;
      CREATE INDEX grant_applications_outstanding
        ON grant_applications (evaluation_due_on)
        WHERE deleted_at IS NULL AND decision = 'awarded' AND evaluated_on IS NULL;
      CREATE INDEX grant_applications_figures
        ON grant_applications (received_on, round_id, area_id, priority_id, amount_pence, decision, award_pence, paid_pence)
        WHERE deleted_at IS NULL;

      CREATE TABLE grant_documents (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        kind TEXT NOT NULL,
        description TEXT,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size_bytes INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX grant_documents_application ON grant_documents (application_id);

      CREATE TABLE grant_declarations (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        relation TEXT,
        prior_involvement TEXT,
        accepted_warning TEXT
      ) STRICT;
      CREATE UNIQUE INDEX grant_declarations_member
        ON grant_declarations (application_id, customer_id) WHERE deleted_at IS NULL;

      CREATE TABLE grant_scores (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        criterion_id TEXT NOT NULL REFERENCES grant_criteria (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        score INTEGER NOT NULL,
        comment TEXT
      ) STRICT;
      CREATE UNIQUE INDEX grant_scores_one
        ON grant_scores (application_id, criterion_id, customer_id) WHERE deleted_at IS NULL;

      CREATE TABLE grant_vote_tallies (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        place TEXT NOT NULL,
        votes INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX grant_vote_tallies_place
        ON grant_vote_tallies (application_id, place) WHERE deleted_at IS NULL;

      CREATE TABLE grant_payments (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        paid_on TEXT NOT NULL,
        amount_pence INTEGER NOT NULL,
        method TEXT NOT NULL,
        reference TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX grant_payments_application
        ON grant_payments (application_id, amount_pence) WHERE deleted_at IS NULL;

      CREATE TABLE grant_evaluations (${editableColumnsSql},
        application_id TEXT NOT NULL REFERENCES grant_applications (id),
        received_on TEXT NOT NULL,
        delivered TEXT NOT NULL,
        people_reached INTEGER NOT NULL,
        spent_pence INTEGER NOT NULL,
        learning TEXT
      ) STRICT;
      CREATE UNIQUE INDEX grant_evaluations_application
        ON grant_evaluations (application_id) WHERE deleted_at IS NULL;
    `);
  },
};
