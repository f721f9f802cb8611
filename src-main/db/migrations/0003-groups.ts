import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const groups: Migration = {
  name: 'groups',
  up(db) {
    db.exec(`
      CREATE TABLE groups (${editableColumnsSql},
        name TEXT NOT NULL,
        family TEXT NOT NULL CHECK (family IN (${list(['scrutiny', 'service_development', 'neighbourhoods', 'other'])})),
        kind TEXT NOT NULL CHECK (kind IN (${list(['corporate', 'task_and_finish', 'panel', 'committee', 'virtual_pool'])})),
        landlord_id TEXT REFERENCES landlords (id),
        area_id TEXT REFERENCES areas (id),
        target_meetings_per_year INTEGER,
        cadence_note TEXT,
        commitment TEXT,
        description TEXT,
        starts_on TEXT,
        ends_on TEXT,
        min_tenants_per_partner INTEGER,
        exclude_board_members INTEGER NOT NULL DEFAULT 0,
        min_age INTEGER,
        max_age INTEGER
      ) STRICT;

      CREATE TABLE group_memberships (${editableColumnsSql},
        group_id TEXT NOT NULL REFERENCES groups (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        role TEXT NOT NULL CHECK (role IN (${list(['member', 'chair', 'vice_chair', 'customer_lead'])})),
        joined_on TEXT NOT NULL,
        left_on TEXT,
        selection_method TEXT,
        selection_notes TEXT,
        role_description_agreed_on TEXT,
        code_of_conduct_signed_on TEXT,
        override_reason TEXT
      ) STRICT;
      CREATE INDEX group_memberships_group ON group_memberships (group_id);
      CREATE INDEX group_memberships_customer ON group_memberships (customer_id);

      CREATE TABLE training_courses (${editableColumnsSql},
        name TEXT NOT NULL,
        description TEXT,
        provider TEXT
      ) STRICT;

      CREATE TABLE activities (${editableColumnsSql},
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
        group_id TEXT REFERENCES groups (id),
        course_id TEXT REFERENCES training_courses (id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        venue_kind TEXT NOT NULL,
        venue_name TEXT,
        venue_address TEXT,
        agenda TEXT,
        notes TEXT
      ) STRICT;
      CREATE INDEX activities_starts ON activities (starts_at);
      CREATE INDEX activities_group ON activities (group_id, starts_at);
      CREATE INDEX activities_course ON activities (course_id);

      CREATE TABLE activity_actions (${editableColumnsSql},
        activity_id TEXT NOT NULL REFERENCES activities (id),
        description TEXT NOT NULL,
        owner TEXT,
        due_on TEXT,
        done_on TEXT
      ) STRICT;
      CREATE INDEX activity_actions_activity ON activity_actions (activity_id);

      -- One row per person per activity: customers (members or not) and staff.
      CREATE TABLE attendance (${editableColumnsSql},
        activity_id TEXT NOT NULL REFERENCES activities (id),
        customer_id TEXT REFERENCES customers (id),
        staff_id TEXT REFERENCES staff (id),
        is_member INTEGER NOT NULL DEFAULT 0,
        status TEXT CHECK (status IN ('present', 'apologies', 'absent')),
        minutes_given INTEGER,
        satisfaction_opportunity INTEGER CHECK (satisfaction_opportunity BETWEEN 1 AND 5),
        satisfaction_involvement INTEGER CHECK (satisfaction_involvement BETWEEN 1 AND 5),
        satisfaction_comment TEXT,
        CHECK ((customer_id IS NULL) <> (staff_id IS NULL))
      ) STRICT;
      CREATE INDEX attendance_activity ON attendance (activity_id);
      CREATE INDEX attendance_customer ON attendance (customer_id, activity_id);

      CREATE TABLE skills_audits (${editableColumnsSql},
        customer_id TEXT NOT NULL REFERENCES customers (id),
        audited_on TEXT NOT NULL,
        skills TEXT NOT NULL,
        notes TEXT
      ) STRICT;
      CREATE INDEX skills_audits_customer ON skills_audits (customer_id, audited_on);
    `);
  },
};
