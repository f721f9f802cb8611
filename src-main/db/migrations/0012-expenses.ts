import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/**
 * Volunteer expenses: the policy in versions by start date, claims and their
 * lines (each linked to the activity it was for), receipts in the file store,
 * each step of a claim's workflow, customers' payment details kept apart as
 * their own data class, payment batches for finance, and budgets per group
 * or cost code per financial year. A line's worked-out amount and its words
 * are stored as the claim was last saved, and each line carries its claim's
 * status (written with the claim's, in the same transaction), so the spend
 * reports read the lines alone: joining every line of a year to its claim
 * cost several times the report itself on ten years of claims.
 */
export const expenses: Migration = {
  name: 'volunteer expenses',
  up(db) {
    db.exec(`
      CREATE TABLE expense_policies (${editableColumnsSql},
        starts_on TEXT NOT NULL,
        name TEXT NOT NULL,
        car_first_pence INTEGER NOT NULL,
        car_after_pence INTEGER NOT NULL,
        car_band_miles INTEGER NOT NULL,
        motorcycle_pence INTEGER NOT NULL,
        bicycle_pence INTEGER NOT NULL,
        passenger_pence INTEGER NOT NULL,
        receipt_threshold_pence INTEGER NOT NULL,
        time_limit_days INTEGER NOT NULL,
        payment_target_days INTEGER NOT NULL,
        max_miles_per_line INTEGER NOT NULL,
        budget_warning_percent INTEGER NOT NULL,
        categories TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX expense_policies_start ON expense_policies (starts_on) WHERE deleted_at IS NULL;

      CREATE TABLE expense_batches (${editableColumnsSql},
        reference TEXT NOT NULL,
        status TEXT NOT NULL,
        paid_on TEXT,
        exported_at TEXT
      ) STRICT;

      CREATE TABLE expense_claims (${editableColumnsSql},
        reference TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        status TEXT NOT NULL,
        entry_mode TEXT NOT NULL,
        entered_by TEXT NOT NULL REFERENCES staff (id),
        group_id TEXT REFERENCES groups (id),
        cost_code TEXT,
        notes TEXT,
        declared_on TEXT,
        declaration_method TEXT,
        total_pence INTEGER NOT NULL,
        checks TEXT NOT NULL,
        stop_count INTEGER NOT NULL,
        ask_count INTEGER NOT NULL,
        first_line_on TEXT,
        submitted_at TEXT,
        decided_at TEXT,
        batch_id TEXT REFERENCES expense_batches (id),
        paid_on TEXT
      ) STRICT;
      CREATE INDEX expense_claims_queue ON expense_claims (status, submitted_at) WHERE deleted_at IS NULL;
      CREATE INDEX expense_claims_customer ON expense_claims (customer_id);
      CREATE INDEX expense_claims_batch ON expense_claims (batch_id) WHERE batch_id IS NOT NULL;

      CREATE TABLE expense_lines (${editableColumnsSql},
        claim_id TEXT NOT NULL REFERENCES expense_claims (id),
        claim_status TEXT NOT NULL,
        position INTEGER NOT NULL,
        on_date TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        activity_id TEXT REFERENCES activities (id),
        miles_tenths INTEGER,
        vehicle TEXT,
        passengers INTEGER NOT NULL,
        amount_pence INTEGER,
        prior_approval INTEGER NOT NULL,
        claimed_pence INTEGER NOT NULL,
        allowed_pence INTEGER NOT NULL,
        explanation TEXT NOT NULL
      ) STRICT;
      CREATE INDEX expense_lines_claim ON expense_lines (claim_id, position);
      CREATE INDEX expense_lines_spend
        ON expense_lines (on_date, claim_status, category, allowed_pence)
        WHERE deleted_at IS NULL;
      CREATE INDEX expense_lines_activity ON expense_lines (activity_id) WHERE activity_id IS NOT NULL;

      CREATE TABLE expense_receipts (${editableColumnsSql},
        claim_id TEXT NOT NULL REFERENCES expense_claims (id),
        line_id TEXT NOT NULL REFERENCES expense_lines (id),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size_bytes INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX expense_receipts_line ON expense_receipts (line_id);

      CREATE TABLE expense_claim_events (${editableColumnsSql},
        claim_id TEXT NOT NULL REFERENCES expense_claims (id),
        kind TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX expense_claim_events_claim ON expense_claim_events (claim_id, created_at);

      CREATE TABLE expense_declared_miles (${editableColumnsSql},
        customer_id TEXT NOT NULL REFERENCES customers (id),
        tax_year INTEGER NOT NULL,
        miles_tenths INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX expense_declared_miles_year
        ON expense_declared_miles (customer_id, tax_year) WHERE deleted_at IS NULL;

      CREATE TABLE customer_payment_details (${editableColumnsSql},
        customer_id TEXT NOT NULL REFERENCES customers (id),
        method TEXT NOT NULL,
        account_name TEXT,
        sort_code TEXT,
        account_number TEXT
      ) STRICT;
      CREATE UNIQUE INDEX customer_payment_details_customer
        ON customer_payment_details (customer_id) WHERE deleted_at IS NULL;

      CREATE TABLE expense_budgets (${editableColumnsSql},
        year INTEGER NOT NULL,
        group_id TEXT REFERENCES groups (id),
        cost_code TEXT,
        limit_pence INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
