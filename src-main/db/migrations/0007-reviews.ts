import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const kinds = [
  'scrutiny_panel_review',
  'csi_project',
  'neighbourhood_audit',
  'reality_check',
  'mystery_shop',
  'policy_consultation',
];

/**
 * Scrutiny reviews and their commissions, teams, evidence, findings, audit
 * scores, mystery shop contacts, comments and assurance tags; "you said, we
 * did"; and the commissioning plan with its check-ins.
 */
export const reviews: Migration = {
  name: 'reviews',
  up(db) {
    db.exec(`
      CREATE TABLE review_commissions (${editableColumnsSql},
        kind TEXT NOT NULL CHECK (kind IN (${list(kinds)})),
        commissioned_by TEXT NOT NULL CHECK (commissioned_by IN (${list(['board', 'council', 'business_manager', 'panel'])})),
        commissioner_name TEXT,
        commissioner_service TEXT,
        commissioned_on TEXT NOT NULL,
        question TEXT NOT NULL,
        service_area TEXT NOT NULL,
        -- JSON array of landlord ids in scope; empty means all.
        landlord_ids TEXT NOT NULL DEFAULT '[]',
        deadline TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reviews (${editableColumnsSql},
        reference TEXT NOT NULL,
        commission_id TEXT NOT NULL REFERENCES review_commissions (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(kinds)})),
        title TEXT NOT NULL,
        service_area TEXT NOT NULL,
        -- The kind's stages when the review began (JSON), so a later template edit never strands it.
        stages TEXT NOT NULL,
        stage TEXT NOT NULL,
        started_on TEXT NOT NULL,
        deadline TEXT NOT NULL,
        completed_on TEXT,
        lead_officer_id TEXT NOT NULL REFERENCES staff (id),
        team_group_id TEXT REFERENCES groups (id),
        report_intro TEXT NOT NULL,
        report_closing TEXT,
        policy_name TEXT,
        board_date TEXT,
        comment_opens TEXT,
        comment_closes TEXT,
        feedback_sent_on TEXT
      ) STRICT;
      CREATE UNIQUE INDEX reviews_reference ON reviews (reference);
      CREATE INDEX reviews_kind_completed ON reviews (kind, completed_on) WHERE deleted_at IS NULL;
      CREATE INDEX reviews_open ON reviews (completed_on, started_on) WHERE deleted_at IS NULL;

      CREATE TABLE review_stage_moves (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        from_stage TEXT,
        to_stage TEXT NOT NULL,
        on_date TEXT NOT NULL,
        reason TEXT
      ) STRICT;
      CREATE INDEX review_stage_moves_review ON review_stage_moves (review_id, on_date);

      CREATE TABLE review_team (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        role TEXT NOT NULL CHECK (role IN ('member', 'customer_lead')),
        joined_on TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_team_review ON review_team (review_id);

      CREATE TABLE review_officers (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        staff_id TEXT NOT NULL REFERENCES staff (id)
      ) STRICT;
      CREATE INDEX review_officers_review ON review_officers (review_id, staff_id);

      CREATE TABLE review_evidence (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['interview', 'data_request', 'site_visit', 'document', 'observation'])})),
        title TEXT NOT NULL,
        on_date TEXT NOT NULL,
        notes TEXT,
        asked_on TEXT,
        due_on TEXT,
        answered_on TEXT,
        file_name TEXT,
        mime_type TEXT,
        size_bytes INTEGER,
        content_hash TEXT
      ) STRICT;
      CREATE INDEX review_evidence_review ON review_evidence (review_id, on_date);

      CREATE TABLE review_findings (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        position INTEGER NOT NULL,
        heading TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_findings_review ON review_findings (review_id, position);

      -- Which requirement (of which version of the reference data) a record
      -- gave assurance on, with the date of that evidence kept beside it so
      -- the matrix for a period is one indexed range.
      CREATE TABLE assurance_tags (${editableColumnsSql},
        entity_type TEXT NOT NULL CHECK (entity_type IN (${list(['review', 'review_evidence', 'activity', 'recommendation', 'you_said_we_did'])})),
        entity_id TEXT NOT NULL,
        framework_version TEXT NOT NULL,
        requirement_code TEXT NOT NULL,
        evidence_date TEXT NOT NULL,
        label TEXT NOT NULL
      ) STRICT;
      -- Covers the matrix: counts per requirement and version in a period read
      -- the index alone, and each requirement's latest evidence is a short seek.
      CREATE INDEX assurance_tags_requirement ON assurance_tags (requirement_code, evidence_date, framework_version) WHERE deleted_at IS NULL;
      CREATE INDEX assurance_tags_entity ON assurance_tags (entity_type, entity_id);

      CREATE TABLE review_audit_items (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        area TEXT NOT NULL,
        item TEXT NOT NULL,
        score INTEGER,
        max_score INTEGER NOT NULL CHECK (max_score >= 1),
        comment TEXT,
        photo_name TEXT,
        photo_mime TEXT,
        photo_hash TEXT
      ) STRICT;
      CREATE INDEX review_audit_items_review ON review_audit_items (review_id, area, item);

      CREATE TABLE review_contacts (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        scenario TEXT NOT NULL,
        channel TEXT NOT NULL,
        contacted_on TEXT NOT NULL,
        standard TEXT,
        met_standard INTEGER,
        note TEXT
      ) STRICT;
      CREATE INDEX review_contacts_review ON review_contacts (review_id, contacted_on);

      CREATE TABLE review_comments (${editableColumnsSql},
        review_id TEXT NOT NULL REFERENCES reviews (id),
        channel TEXT NOT NULL CHECK (channel IN ('online', 'in_person', 'phone', 'social_media', 'survey')),
        received_on TEXT NOT NULL,
        text TEXT NOT NULL,
        -- JSON array of theme names.
        themes TEXT NOT NULL DEFAULT '[]',
        quote INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX review_comments_review ON review_comments (review_id, received_on);

      CREATE TABLE you_said_we_did (${editableColumnsSql},
        source_type TEXT NOT NULL CHECK (source_type IN ('review', 'recommendation', 'complaint_case')),
        source_id TEXT NOT NULL,
        you_said TEXT NOT NULL,
        we_did TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        how_told TEXT NOT NULL
      ) STRICT;
      CREATE INDEX you_said_we_did_effective ON you_said_we_did (effective_on);

      CREATE TABLE engagement_plans (${editableColumnsSql},
        year INTEGER NOT NULL,
        manager_name TEXT NOT NULL,
        service TEXT NOT NULL,
        planned_needs TEXT NOT NULL
      ) STRICT;
      CREATE INDEX engagement_plans_year ON engagement_plans (year, manager_name);

      CREATE TABLE engagement_checkins (${editableColumnsSql},
        plan_id TEXT NOT NULL REFERENCES engagement_plans (id),
        met_on TEXT NOT NULL,
        notes TEXT
      ) STRICT;
      CREATE INDEX engagement_checkins_plan ON engagement_checkins (plan_id, met_on);

      -- The exception report lists rejected and partly accepted recommendations made in a period.
      CREATE INDEX recommendations_response_made ON recommendations (management_response, created_at) WHERE deleted_at IS NULL;
      -- and every Scrutiny Panel recommendation not yet verified, found by its review without reading the verified ones.
      CREATE INDEX recommendations_source_status ON recommendations (source_type, source_id, status) WHERE deleted_at IS NULL;
    `);
  },
};
