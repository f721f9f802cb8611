import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

const inList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(', ');

// Written out, not imported from the domain: a released migration never changes.
const tenureCodes = ['tenant', 'leaseholder', 'shared_owner', 'care_support_client'];
const statusCodes = ['interested', 'active', 'paused', 'left'];
const digitalAccessCodes = ['confident', 'with_support', 'none'];
const jsonArray = (column: string) =>
  `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;

/*
 * The Customer Voice register.
 *
 * Multi-valued fields (interests, skills, availability, contact methods,
 * support needs, consents) are JSON arrays in the customer row rather than
 * child tables: each is edited as one field of one record, so the change log
 * shows "interests: [repairs] → [repairs, policy]" as one change and sync
 * merges it as one field, and a customer is read without joins. The filters
 * that need an index (interest, skill) use `customer_tags`, a derived table
 * the triggers keep in step; it is never written by the app and never synced.
 *
 * Search is an FTS5 external-content table over the customer rows. It is
 * keyed on `search_rowid`, an explicit column the insert trigger assigns,
 * because VACUUM may renumber the implicit rowid of a table whose primary key
 * is not an integer, which would silently detach the index from its rows.
 */
export const customers: Migration = {
  name: 'customers',
  up(db) {
    db.exec(`
      CREATE TABLE customers (${editableColumnsSql},
        search_rowid INTEGER,
        external_ref TEXT,
        first_name TEXT NOT NULL COLLATE NOCASE,
        last_name TEXT NOT NULL COLLATE NOCASE,
        preferred_name TEXT,
        email TEXT,
        phone TEXT,
        mobile TEXT,
        address_line1 TEXT,
        address_line2 TEXT,
        town TEXT,
        postcode TEXT,
        landlord_id TEXT REFERENCES landlords (id),
        area_id TEXT REFERENCES areas (id),
        neighbourhood_id TEXT REFERENCES neighbourhoods (id),
        tenure TEXT CHECK (tenure IN (${inList(tenureCodes)})),
        date_of_birth TEXT,
        ${jsonArray('contact_methods')},
        digital_access TEXT CHECK (digital_access IN (${inList(digitalAccessCodes)})),
        ${jsonArray('support_needs')},
        support_notes TEXT,
        ${jsonArray('availability')},
        ${jsonArray('interests')},
        ${jsonArray('skills')},
        recruitment_source TEXT,
        status TEXT NOT NULL DEFAULT 'interested' CHECK (status IN (${inList(statusCodes)})),
        is_board_member INTEGER NOT NULL DEFAULT 0 CHECK (is_board_member IN (0, 1)),
        code_of_conduct_signed_on TEXT,
        ${jsonArray('consents')},
        notes TEXT,
        equality_age_band TEXT,
        equality_gender TEXT,
        equality_ethnicity TEXT,
        equality_disability TEXT,
        equality_sexual_orientation TEXT,
        equality_religion TEXT,
        -- Kept by the groups and meetings area: the last time they took part in anything.
        last_activity_at TEXT
      ) STRICT;

      CREATE UNIQUE INDEX customers_search_rowid ON customers (search_rowid);
      CREATE UNIQUE INDEX customers_external_ref ON customers (external_ref)
        WHERE external_ref IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX customers_postcode ON customers (postcode);
      CREATE INDEX customers_email ON customers (email);
      CREATE INDEX customers_phone ON customers (phone);
      CREATE INDEX customers_mobile ON customers (mobile);
      CREATE INDEX customers_neighbourhood ON customers (neighbourhood_id);

      -- The register's list: live rows only, in name order, each index carrying
      -- every column a filter tests, so a page and its total are read from the
      -- index without touching the wide rows.
      CREATE INDEX customers_list_by_name ON customers
        (last_name, first_name, id, status, landlord_id, area_id, tenure, is_board_member, last_activity_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX customers_list_by_landlord ON customers
        (landlord_id, last_name, first_name, id, status, area_id, tenure, is_board_member, last_activity_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX customers_list_by_area ON customers
        (area_id, last_name, first_name, id, status, landlord_id, tenure, is_board_member, last_activity_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX customers_list_by_status ON customers
        (status, last_name, first_name, id, landlord_id, area_id, tenure, is_board_member, last_activity_at)
        WHERE deleted_at IS NULL;

      CREATE TABLE customer_tags (
        kind TEXT NOT NULL CHECK (kind IN ('interest', 'skill')),
        value TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        PRIMARY KEY (kind, value, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_tags_customer ON customer_tags (customer_id);

      CREATE VIRTUAL TABLE customers_fts USING fts5(
        first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes,
        content = 'customers', content_rowid = 'search_rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );

      CREATE TRIGGER customers_after_insert AFTER INSERT ON customers BEGIN
        UPDATE customers
          SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM customers)
          WHERE id = new.id;
        INSERT INTO customers_fts (rowid, first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes)
          SELECT search_rowid, first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes
          FROM customers WHERE id = new.id;
        INSERT INTO customer_tags (kind, value, customer_id)
          SELECT 'interest', value, new.id FROM json_each(new.interests)
          UNION SELECT 'skill', value, new.id FROM json_each(new.skills);
      END;

      CREATE TRIGGER customers_after_update_search
      AFTER UPDATE OF first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes ON customers
      BEGIN
        INSERT INTO customers_fts (customers_fts, rowid, first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes)
          VALUES ('delete', old.search_rowid, old.first_name, old.last_name, old.preferred_name, old.postcode, old.email, old.phone, old.mobile, old.external_ref, old.notes);
        INSERT INTO customers_fts (rowid, first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes)
          VALUES (new.search_rowid, new.first_name, new.last_name, new.preferred_name, new.postcode, new.email, new.phone, new.mobile, new.external_ref, new.notes);
      END;

      CREATE TRIGGER customers_after_update_interests AFTER UPDATE OF interests ON customers BEGIN
        DELETE FROM customer_tags WHERE customer_id = new.id AND kind = 'interest';
        INSERT INTO customer_tags (kind, value, customer_id)
          SELECT DISTINCT 'interest', value, new.id FROM json_each(new.interests);
      END;

      CREATE TRIGGER customers_after_update_skills AFTER UPDATE OF skills ON customers BEGIN
        DELETE FROM customer_tags WHERE customer_id = new.id AND kind = 'skill';
        INSERT INTO customer_tags (kind, value, customer_id)
          SELECT DISTINCT 'skill', value, new.id FROM json_each(new.skills);
      END;

      CREATE TRIGGER customers_after_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customers_fts (customers_fts, rowid, first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes)
          VALUES ('delete', old.search_rowid, old.first_name, old.last_name, old.preferred_name, old.postcode, old.email, old.phone, old.mobile, old.external_ref, old.notes);
      END;
    `);
  },
};
