import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const statuses = [
  'referred',
  'eligibility_checked',
  'accepted',
  'declined',
  'panel_convened',
  'hearing_scheduled',
  'heard',
  'decision_issued',
  'monitoring',
  'closed',
  'referred_to_ombudsman',
  'withdrawn',
];
const outcomes = ['upheld', 'partly_upheld', 'not_upheld'];

/** Complaint panel cases, the shared recommendations tracker and the Code self-assessment. */
export const cases: Migration = {
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE complaint_cases (${editableColumnsSql},
        reference TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(statuses)})),
        referred_on TEXT NOT NULL,
        referred_by TEXT NOT NULL CHECK (referred_by IN (${list(['complainant', 'councillor', 'mp', 'landlord'])})),
        referrer_name TEXT,
        complainant_customer_id TEXT REFERENCES customers (id),
        complainant_name TEXT NOT NULL,
        complainant_address_line1 TEXT,
        complainant_postcode TEXT,
        complainant_contact TEXT,
        landlord_id TEXT REFERENCES landlords (id),
        area_id TEXT REFERENCES areas (id),
        service_area TEXT NOT NULL,
        subject TEXT NOT NULL,
        outcome_sought TEXT,
        stage1_received TEXT,
        stage1_acknowledged TEXT,
        stage1_responded TEXT,
        stage1_extension_days INTEGER NOT NULL DEFAULT 0,
        stage1_outcome TEXT CHECK (stage1_outcome IN (${list(outcomes)})),
        stage2_received TEXT,
        stage2_acknowledged TEXT,
        stage2_responded TEXT,
        stage2_extension_days INTEGER NOT NULL DEFAULT 0,
        stage2_outcome TEXT CHECK (stage2_outcome IN (${list(outcomes)})),
        stage2_different_handler INTEGER,
        eligible INTEGER,
        accepted_on TEXT,
        declined_on TEXT,
        hearing_date TEXT,
        heard_on TEXT,
        decision_on TEXT,
        decision_outcome TEXT CHECK (decision_outcome IN (${list(outcomes)})),
        findings TEXT,
        ombudsman_referred_on TEXT,
        ombudsman_result TEXT,
        withdrawn_on TEXT,
        closed_on TEXT,
        -- The deadline the case is working towards, kept with each write so the
        -- due and overdue dashboard is one indexed range query.
        next_due TEXT,
        next_due_label TEXT
      ) STRICT;
      CREATE UNIQUE INDEX complaint_cases_reference ON complaint_cases (reference);
      CREATE INDEX complaint_cases_next_due ON complaint_cases (next_due) WHERE deleted_at IS NULL AND next_due IS NOT NULL;
      CREATE INDEX complaint_cases_status ON complaint_cases (status, referred_on);
      CREATE INDEX complaint_cases_referred ON complaint_cases (referred_on);

      CREATE TABLE case_transitions (${editableColumnsSql},
        case_id TEXT NOT NULL REFERENCES complaint_cases (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        on_date TEXT NOT NULL,
        reason TEXT
      ) STRICT;
      CREATE INDEX case_transitions_case ON case_transitions (case_id, created_at);

      CREATE TABLE case_panel_members (${editableColumnsSql},
        case_id TEXT NOT NULL REFERENCES complaint_cases (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        assigned_on TEXT NOT NULL,
        availability TEXT NOT NULL DEFAULT 'unknown' CHECK (availability IN ('unknown', 'available', 'unavailable')),
        availability_note TEXT
      ) STRICT;
      CREATE INDEX case_panel_members_case ON case_panel_members (case_id);

      CREATE TABLE case_declarations (${editableColumnsSql},
        case_id TEXT NOT NULL REFERENCES complaint_cases (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        relation TEXT,
        prior_involvement TEXT
      ) STRICT;
      CREATE INDEX case_declarations_case ON case_declarations (case_id, customer_id);

      CREATE TABLE case_notes (${editableColumnsSql},
        case_id TEXT NOT NULL REFERENCES complaint_cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('note', 'correspondence')),
        on_date TEXT NOT NULL,
        direction TEXT CHECK (direction IN ('in', 'out')),
        correspondent TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_notes_case ON case_notes (case_id, on_date);

      CREATE TABLE case_attachments (${editableColumnsSql},
        case_id TEXT NOT NULL REFERENCES complaint_cases (id),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        description TEXT
      ) STRICT;
      CREATE INDEX case_attachments_case ON case_attachments (case_id);

      CREATE TABLE recommendations (${editableColumnsSql},
        reference TEXT NOT NULL,
        source_type TEXT NOT NULL CHECK (source_type IN ('complaint_case', 'scrutiny_review')),
        source_id TEXT NOT NULL,
        text TEXT NOT NULL,
        service_area TEXT NOT NULL,
        management_response TEXT CHECK (management_response IN ('accepted', 'partly_accepted', 'rejected')),
        response_reason TEXT,
        owner TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'implemented', 'verified')),
        systemic INTEGER NOT NULL DEFAULT 0,
        evidence TEXT,
        completed_on TEXT
      ) STRICT;
      CREATE INDEX recommendations_source ON recommendations (source_type, source_id);
      CREATE INDEX recommendations_due ON recommendations (due_date, reference) WHERE deleted_at IS NULL AND status IN ('open', 'in_progress');
      CREATE INDEX recommendations_status ON recommendations (status, due_date, management_response, deleted_at);
      CREATE INDEX recommendations_owner ON recommendations (owner);

      CREATE TABLE recommendation_steps (${editableColumnsSql},
        recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
        text TEXT NOT NULL,
        due_date TEXT,
        done_on TEXT
      ) STRICT;
      CREATE INDEX recommendation_steps_recommendation ON recommendation_steps (recommendation_id);

      CREATE TABLE recommendation_updates (${editableColumnsSql},
        recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
        on_date TEXT NOT NULL,
        note TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recommendation_updates_recommendation ON recommendation_updates (recommendation_id, on_date);

      CREATE TABLE code_self_assessments (${editableColumnsSql},
        year INTEGER NOT NULL,
        provision TEXT NOT NULL,
        complies TEXT CHECK (complies IN ('yes', 'partly', 'no')),
        evidence TEXT,
        linked_case_ids TEXT NOT NULL DEFAULT '[]',
        panel_comments TEXT
      ) STRICT;
      CREATE INDEX code_self_assessments_year ON code_self_assessments (year, provision);

      -- How many complaints exhausted the internal process in a period: entered
      -- by hand, for the share that chose the panel.
      CREATE TABLE complaint_period_figures (${editableColumnsSql},
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        exhausted_internal INTEGER NOT NULL CHECK (exhausted_internal >= 0)
      ) STRICT;
      CREATE INDEX complaint_period_figures_period ON complaint_period_figures (period_start);
    `);
  },
};
