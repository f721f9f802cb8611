import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Where a person, a complaint case or a claim is held, and what erasing it
 * replaces. What stays is what the figures count: the rows, their dates,
 * statuses, landlord and area, amounts, equality answers (counted only in
 * suppressed aggregates), so a board pack worked out again after an erasure
 * gives the same numbers. What goes is what identifies someone: names,
 * contact details, dates of birth, free text and attached files.
 */

export const REMOVED_TEXT = 'Removed at erasure';

export interface ErasureTarget {
  table: string;
  id: string;
  /** Column → replacement; the change log's values of these columns are redacted too. */
  patch: Record<string, unknown>;
  /** Tombstoned as well (bank details, attachments). */
  remove?: boolean;
  /** The stored file this row cites, deleted once nothing else cites it. */
  contentHash?: string | null;
}

type Trx = Transaction<DB>;

const caseContent = {
  complainant_name: 'Erased complainant',
  complainant_address_line1: null,
  complainant_address_line2: null,
  complainant_town: null,
  complainant_postcode: null,
  complainant_contact: null,
  referrer_name: null,
  subject: REMOVED_TEXT,
  outcome_sought: null,
  findings: null,
};

const removedFile = { file_name: REMOVED_TEXT };

async function ids(q: Promise<{ id: string }[]>): Promise<string[]> {
  return (await q).map((r) => r.id);
}

/** A complaint case's content, notes, transitions' reasons, panel notes and papers. */
export async function caseTargets(trx: Trx, caseId: string): Promise<ErasureTarget[]> {
  const out: ErasureTarget[] = [{ table: 'complaint_cases', id: caseId, patch: caseContent }];
  for (const id of await ids(
    trx.selectFrom('case_notes').select('id').where('case_id', '=', caseId).execute(),
  ))
    out.push({ table: 'case_notes', id, patch: { body: REMOVED_TEXT, correspondent: null } });
  for (const id of await ids(
    trx.selectFrom('case_transitions').select('id').where('case_id', '=', caseId).execute(),
  ))
    out.push({ table: 'case_transitions', id, patch: { reason: null } });
  for (const id of await ids(
    trx.selectFrom('case_panel_members').select('id').where('case_id', '=', caseId).execute(),
  ))
    out.push({
      table: 'case_panel_members',
      id,
      patch: { availability_note: null, accepted_warning: null },
    });
  for (const id of await ids(
    trx.selectFrom('case_declarations').select('id').where('case_id', '=', caseId).execute(),
  ))
    out.push({
      table: 'case_declarations',
      id,
      patch: { relation: null, prior_involvement: null },
    });
  const files = await trx
    .selectFrom('case_attachments')
    .select(['id', 'content_hash'])
    .where('case_id', '=', caseId)
    .execute();
  for (const f of files)
    out.push({
      table: 'case_attachments',
      id: f.id,
      patch: { ...removedFile, description: null },
      remove: true,
      contentHash: f.content_hash,
    });
  return out;
}

/** A claim's free text and receipts; its amounts, dates and cost code stay for the spend figures. */
export async function claimTargets(trx: Trx, claimId: string): Promise<ErasureTarget[]> {
  const out: ErasureTarget[] = [{ table: 'expense_claims', id: claimId, patch: { notes: null } }];
  for (const id of await ids(
    trx.selectFrom('expense_lines').select('id').where('claim_id', '=', claimId).execute(),
  ))
    out.push({ table: 'expense_lines', id, patch: { description: REMOVED_TEXT } });
  for (const id of await ids(
    trx.selectFrom('expense_claim_events').select('id').where('claim_id', '=', claimId).execute(),
  ))
    out.push({ table: 'expense_claim_events', id, patch: { note: null } });
  const receipts = await trx
    .selectFrom('expense_receipts')
    .select(['id', 'content_hash'])
    .where('claim_id', '=', claimId)
    .execute();
  for (const r of receipts)
    out.push({
      table: 'expense_receipts',
      id: r.id,
      patch: removedFile,
      remove: true,
      contentHash: r.content_hash,
    });
  return out;
}

/** Everything that names or describes one customer, wherever it is held. */
export async function customerTargets(
  trx: Trx,
  customerId: string,
  erasedAt: string,
): Promise<ErasureTarget[]> {
  const out: ErasureTarget[] = [
    {
      table: 'customers',
      id: customerId,
      patch: {
        first_name: 'Erased',
        last_name: 'customer',
        preferred_name: null,
        email: null,
        phone: null,
        mobile: null,
        address_line1: null,
        address_line2: null,
        town: null,
        postcode: null,
        external_ref: null,
        date_of_birth: null,
        support_notes: null,
        notes: null,
        erased_at: erasedAt,
      },
    },
  ];
  const linked = async (
    table: 'group_memberships' | 'attendance' | 'skills_audits' | 'privacy_requests',
    patch: Record<string, unknown>,
  ) => {
    for (const id of await ids(
      trx.selectFrom(table).select('id').where('customer_id', '=', customerId).execute(),
    ))
      out.push({ table, id, patch });
  };
  await linked('group_memberships', { selection_notes: null, override_reason: null });
  await linked('attendance', { satisfaction_comment: null });
  await linked('skills_audits', { notes: null });
  await linked('privacy_requests', { note: null });
  for (const id of await ids(
    trx
      .selectFrom('customer_payment_details')
      .select('id')
      .where('customer_id', '=', customerId)
      .execute(),
  ))
    out.push({
      table: 'customer_payment_details',
      id,
      patch: { account_name: null, sort_code: null, account_number: null },
      remove: true,
    });
  for (const id of await ids(
    trx
      .selectFrom('case_panel_members')
      .select('id')
      .where('customer_id', '=', customerId)
      .execute(),
  ))
    out.push({
      table: 'case_panel_members',
      id,
      patch: { availability_note: null, accepted_warning: null },
    });
  for (const id of await ids(
    trx
      .selectFrom('case_declarations')
      .select('id')
      .where('customer_id', '=', customerId)
      .execute(),
  ))
    out.push({
      table: 'case_declarations',
      id,
      patch: { relation: null, prior_involvement: null },
    });
  for (const id of await ids(
    trx
      .selectFrom('complaint_cases')
      .select('id')
      .where('complainant_customer_id', '=', customerId)
      .execute(),
  ))
    out.push(...(await caseTargets(trx, id)));
  for (const id of await ids(
    trx.selectFrom('expense_claims').select('id').where('customer_id', '=', customerId).execute(),
  ))
    out.push(...(await claimTargets(trx, id)));
  return out;
}

/** The tables whose rows cite a stored file by its hash. */
export const fileCitingTables = [
  'case_attachments',
  'self_assessment_documents',
  'review_evidence',
  'expense_receipts',
] as const;
