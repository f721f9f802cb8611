import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * The policy register: every policy with the date it next goes to the Board,
 * so the app can list a customer-facing policy heading for approval with no
 * consultation at all, not only consultations that are running late. A
 * consultation names the policy it is for.
 */
export const policyRegister: Migration = {
  name: 'policy register',
  up(db) {
    db.exec(`
      CREATE TABLE policies (${editableColumnsSql},
        name TEXT NOT NULL,
        service_area TEXT,
        owner_name TEXT,
        customer_facing INTEGER NOT NULL DEFAULT 1 CHECK (customer_facing IN (0, 1)),
        board_date TEXT,
        last_approved_on TEXT,
        notes TEXT
      ) STRICT;
      CREATE INDEX policies_board_date ON policies (board_date);

      ALTER TABLE reviews ADD COLUMN policy_id TEXT REFERENCES policies (id);
      CREATE INDEX reviews_policy ON reviews (policy_id);
    `);
  },
};
