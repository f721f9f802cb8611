import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * Keeping in touch and the neighbourhood work. Mailing lists keep their
 * filters, not their members: a list is built from the register on the day,
 * so consent withdrawn yesterday is honoured today. What was sent is kept
 * against each recipient (communication_recipients), indexed by customer for
 * their record and a subject access request. TARAs, dispersed communities
 * and higher-risk buildings each keep their visits and engagement in their
 * own tables, with the date indexed for the "none in 12 months" lists.
 */
export const communityLocal: Migration = {
  name: 'keeping in touch and the neighbourhood work',
  up(db) {
    db.exec(`
      CREATE TABLE mailing_lists (${editableColumnsSql},
        name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        filters TEXT NOT NULL CHECK (json_valid(filters)),
        notes TEXT
      ) STRICT;

      -- The mailing-list preview reads, for every customer in scope, only what
      -- the consent-and-preference rule needs: this index holds exactly that
      -- (the same expressions the query selects), so the preview scans the
      -- index and never the wide rows.
      CREATE INDEX customers_mailing ON customers (
        id, status, contact_methods,
        (CASE WHEN instr(consents, '"contact"') > 0 THEN consents END),
        (email IS NOT NULL AND email <> ''),
        (mobile IS NOT NULL AND mobile <> ''),
        (address_line1 IS NOT NULL AND address_line1 <> '' AND postcode IS NOT NULL AND postcode <> '')
      ) WHERE deleted_at IS NULL;

      CREATE TABLE communications (${editableColumnsSql},
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        sent_on TEXT NOT NULL,
        mailing_list_id TEXT REFERENCES mailing_lists (id),
        list_name TEXT,
        recipient_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX communications_list ON communications (mailing_list_id, sent_on);

      CREATE TABLE communication_recipients (${editableColumnsSql},
        communication_id TEXT NOT NULL REFERENCES communications (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        channel TEXT NOT NULL
      ) STRICT;
      CREATE INDEX communication_recipients_customer ON communication_recipients (customer_id);
      CREATE INDEX communication_recipients_communication ON communication_recipients (communication_id);

      CREATE TABLE rhythm_deliveries (${editableColumnsSql},
        rhythm_key TEXT NOT NULL,
        delivered_on TEXT NOT NULL,
        note TEXT,
        communication_id TEXT REFERENCES communications (id)
      ) STRICT;
      CREATE INDEX rhythm_deliveries_key ON rhythm_deliveries (rhythm_key, delivered_on);

      CREATE TABLE menu_entries (${editableColumnsSql},
        group_id TEXT NOT NULL REFERENCES groups (id),
        listed INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1)),
        skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
        training_offered TEXT,
        how_to_join TEXT
      ) STRICT;
      CREATE UNIQUE INDEX menu_entries_group ON menu_entries (group_id) WHERE deleted_at IS NULL;

      CREATE TABLE taras (${editableColumnsSql},
        name TEXT NOT NULL,
        area_id TEXT REFERENCES areas (id),
        neighbourhood_id TEXT REFERENCES neighbourhoods (id),
        chair_customer_id TEXT REFERENCES customers (id),
        chair_name TEXT,
        secretary_customer_id TEXT REFERENCES customers (id),
        secretary_name TEXT,
        treasurer_customer_id TEXT REFERENCES customers (id),
        treasurer_name TEXT,
        constitution_adopted_on TEXT,
        agm_on TEXT,
        accounts_on TEXT,
        insurance_until TEXT,
        recognised_from TEXT,
        recognised_to TEXT,
        notes TEXT
      ) STRICT;

      CREATE TABLE tara_criteria (${editableColumnsSql},
        tara_id TEXT NOT NULL REFERENCES taras (id),
        criterion_key TEXT NOT NULL,
        met INTEGER NOT NULL CHECK (met IN (0, 1)),
        note TEXT,
        checked_on TEXT,
        file_name TEXT,
        mime_type TEXT,
        content_hash TEXT,
        size_bytes INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX tara_criteria_key ON tara_criteria (tara_id, criterion_key) WHERE deleted_at IS NULL;

      CREATE TABLE tara_visits (${editableColumnsSql},
        tara_id TEXT NOT NULL REFERENCES taras (id),
        scheduled_on TEXT,
        held_on TEXT,
        findings TEXT,
        support_agreed TEXT,
        follow_up TEXT,
        follow_up_due_on TEXT
      ) STRICT;
      CREATE INDEX tara_visits_tara ON tara_visits (tara_id, held_on);

      CREATE TABLE dispersed_communities (${editableColumnsSql},
        place_kind TEXT NOT NULL CHECK (place_kind IN ('area', 'neighbourhood')),
        place_id TEXT NOT NULL,
        homes INTEGER,
        note TEXT
      ) STRICT;
      CREATE UNIQUE INDEX dispersed_communities_place ON dispersed_communities (place_kind, place_id)
        WHERE deleted_at IS NULL;

      CREATE TABLE community_visits (${editableColumnsSql},
        community_id TEXT NOT NULL REFERENCES dispersed_communities (id),
        on_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        venue TEXT,
        people_met INTEGER,
        customers_said TEXT NOT NULL,
        feedback_given TEXT
      ) STRICT;
      CREATE INDEX community_visits_community ON community_visits (community_id, on_date);

      CREATE TABLE buildings (${editableColumnsSql},
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        postcode TEXT,
        landlord_id TEXT REFERENCES landlords (id),
        area_id TEXT REFERENCES areas (id),
        height_metres REAL,
        storeys INTEGER,
        notes TEXT
      ) STRICT;

      CREATE TABLE building_residents (${editableColumnsSql},
        building_id TEXT NOT NULL REFERENCES buildings (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        since_on TEXT NOT NULL,
        left_on TEXT
      ) STRICT;
      CREATE INDEX building_residents_building ON building_residents (building_id);

      CREATE TABLE building_engagements (${editableColumnsSql},
        building_id TEXT NOT NULL REFERENCES buildings (id),
        on_date TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        residents_taking_part INTEGER
      ) STRICT;
      CREATE INDEX building_engagements_building ON building_engagements (building_id, on_date);

      CREATE TABLE building_reviews (${editableColumnsSql},
        building_id TEXT NOT NULL REFERENCES buildings (id),
        recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
        reviewed_on TEXT NOT NULL,
        comments TEXT
      ) STRICT;
      CREATE INDEX building_reviews_building ON building_reviews (building_id, reviewed_on);
    `);
  },
};
