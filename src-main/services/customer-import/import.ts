import type { Kysely } from 'kysely';
import type { CustomerValues } from '../../../src-shared/domain/customer';
import {
  PREVIEW_ROWS,
  describeIssue,
  suggestMapping,
  type ImportCounts,
  type ImportFieldKey,
  type ImportIssue,
  type ImportOutcome,
  type ImportPreview,
  type ImportRowPreview,
} from '../../../src-shared/domain/customer-import';
import { ApiError } from '../../../src-shared/errors';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { DB } from '../../db/schema';
import type { Writer } from '../../changes/writer';
import { demand, writing, type CallContext } from '../context';
import { patchToColumns, valuesToColumns } from '../customers/rows';
import { withSearchIndexFilledAtEnd } from '../customers/search-index';
import { loadCustomerRecords, loadMatchCandidates, loadPlaces } from './existing';
import { parseSheet, type ParsedSheet } from './parse-sheet';
import { CustomerMatcher, changeLabels, planRows, type RowPlan } from './plan-rows';
import { readRows, type ReadRow } from './read-rows';

export interface ImportRequest {
  fileName: string;
  contentBase64: string;
  mapping?: (ImportFieldKey | null)[] | undefined;
  restoreDeleted?: boolean | undefined;
}

interface PreparedImport {
  sheet: ParsedSheet;
  suggestedMapping: (ImportFieldKey | null)[];
  mapping: (ImportFieldKey | null)[];
  rows: ReadRow[];
  plans: RowPlan[];
  errors: ImportIssue[];
  counts: ImportCounts;
}

/** Reads the file's bytes into a sheet: no database, so it runs outside any transaction. */
async function readSheet(request: ImportRequest): Promise<ParsedSheet> {
  const bytes = Buffer.from(request.contentBase64, 'base64');
  if (bytes.length === 0)
    throw ApiError.invalid('The file is empty.', [
      { path: 'contentBase64', message: 'The file is empty.' },
    ]);
  const sheet = await parseSheet(request.fileName, bytes);
  if (sheet.headers.length === 0) {
    throw ApiError.invalid(
      'The file has no rows. The first row should name the columns, with a customer on each row below.',
      [{ path: 'contentBase64', message: 'The file has no rows.' }],
    );
  }
  return sheet;
}

/**
 * Checks every row and works out what each would do, reading through `db`.
 * The preview and the import share it, so the import re-checks the file
 * exactly as the preview did; the import does so inside its write
 * transaction, against the database as it is when it writes.
 */
async function prepare(
  ctx: CallContext,
  db: Kysely<DB>,
  sheet: ParsedSheet,
  requestedMapping: ImportRequest['mapping'],
  restoreDeleted: boolean,
): Promise<PreparedImport> {
  const suggestedMapping = suggestMapping(sheet.headers);
  const mapping = requestedMapping ?? suggestedMapping;
  const today = londonDate(ctx.clock.now());

  const read = readRows(sheet, mapping, await loadPlaces(db), today);
  const valid = read.rows.filter((r) => r.values !== null);
  const matcher = new CustomerMatcher(
    valid.length > 0
      ? await loadMatchCandidates(
          db,
          valid.map((r) => r.values!),
        )
      : [],
  );
  // Matched once: the plan below asks again for each row.
  const matches = new Map(valid.map((r) => [r.values!, matcher.match(r.values!)]));
  const matchedIds = new Set<string>();
  for (const found of matches.values()) if (found) matchedIds.add(found.existing.id);
  const records = await loadCustomerRecords(db, [...matchedIds]);
  const planned = planRows(valid, { match: (values) => matches.get(values) ?? null }, records, {
    restoreDeleted,
  });

  const errors = [
    ...read.mappingIssues,
    ...read.rows.flatMap((r) => r.issues),
    ...planned.issues,
  ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const invalidRows = new Set(errors.map((e) => e.row).filter((r) => r !== null));
  const count = (action: RowPlan['action']) =>
    planned.plans.filter((p) => p.action === action).length;
  return {
    sheet,
    suggestedMapping,
    mapping,
    rows: read.rows,
    plans: planned.plans,
    errors,
    counts: {
      rows: sheet.rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      deleted: count('deleted'),
      restore: count('restore'),
      invalid: read.mappingIssues.length > 0 ? sheet.rows.length : invalidRows.size,
    },
  };
}

export async function previewImport(
  ctx: CallContext,
  request: ImportRequest,
): Promise<ImportPreview> {
  demand(ctx, 'customers.import');
  if (request.restoreDeleted) demand(ctx, 'customers.restore');
  const prepared = await prepare(
    ctx,
    ctx.db,
    await readSheet(request),
    request.mapping,
    request.restoreDeleted === true,
  );
  const planFor = new Map(prepared.plans.map((p) => [p.row, p]));
  const readFor = new Map(prepared.rows.map((r) => [r.row, r]));
  const rows = prepared.sheet.rows.slice(0, PREVIEW_ROWS).map((sheetRow): ImportRowPreview => {
    const plan = planFor.get(sheetRow.row);
    const cells = readFor.get(sheetRow.row)?.cells ?? {};
    const none = { matchedBy: null, changes: [], deletedOn: null, values: cells };
    if (!plan) return { row: sheetRow.row, action: 'invalid', ...none };
    if (plan.action === 'create') return { row: plan.row, action: 'create', ...none };
    return {
      row: plan.row,
      action: plan.action,
      matchedBy: plan.matchedBy,
      changes: plan.action === 'deleted' ? [] : changeLabels(plan.patch),
      deletedOn: plan.deletedAt ? londonDate(new Date(plan.deletedAt)) : null,
      values: cells,
    };
  });
  return {
    fileName: request.fileName,
    sheetName: prepared.sheet.sheetName,
    headers: prepared.sheet.headers,
    suggestedMapping: prepared.suggestedMapping,
    mapping: prepared.mapping,
    rows,
    errors: prepared.errors,
    counts: prepared.counts,
  };
}

/** How many problems an import refusal lists in full; the preview shows them all. */
const REFUSAL_DETAIL = 200;

/**
 * Imports the whole file in one transaction through the write path: every
 * new customer and every changed field is in the change log, and a file with
 * any problem writes nothing at all.
 */
export async function commitImport(
  ctx: CallContext,
  request: ImportRequest & { mapping: (ImportFieldKey | null)[] },
): Promise<ImportOutcome> {
  demand(ctx, 'customers.import');
  const restoreDeleted = request.restoreDeleted === true;
  if (restoreDeleted) demand(ctx, 'customers.restore');
  const sheet = await readSheet(request);
  const reason = `Imported from ${request.fileName}`;
  const prepared = await writing(ctx, async (w) => {
    const prepared = await prepare(ctx, w.trx, sheet, request.mapping, restoreDeleted);
    if (prepared.errors.length > 0) {
      const n = prepared.errors.length;
      throw ApiError.invalid(
        `${n === 1 ? 'There is 1 problem' : `There are ${n} problems`} in ${request.fileName}, so nothing was imported. Correct the file and import it again.`,
        prepared.errors
          .slice(0, REFUSAL_DETAIL)
          .map((e) => ({ path: issuePath(e), message: e.message })),
      );
    }
    if (prepared.plans.length === 0) {
      throw ApiError.invalid(
        describeIssue(null, null, `${request.fileName} has no customers below its header row`),
      );
    }
    // New customers are indexed for search in one pass once all are written.
    await withSearchIndexFilledAtEnd(w.trx, () => writePlans(w, prepared.plans, reason));
    return prepared;
  });
  return { fileName: request.fileName, counts: prepared.counts };
}

async function writePlans(w: Writer, plans: RowPlan[], reason: string): Promise<void> {
  for (const plan of plans) {
    if (plan.action === 'create') {
      await w.create('customers', valuesToColumns(plan.values as CustomerValues), { reason });
    } else if (plan.action === 'restore') {
      await w.restore('customers', plan.existing.id, { reason });
      if (Object.keys(plan.patch).length > 0)
        await w.update('customers', plan.existing.id, patchToColumns(plan.patch), { reason });
    } else if (plan.action === 'update') {
      await w.update('customers', plan.existing.id, patchToColumns(plan.patch), {
        expectedUpdatedAt: plan.existing.updatedAt,
        reason,
      });
    }
  }
}

function issuePath(issue: ImportIssue): string {
  if (issue.row === null) return issue.column ? `column.${issue.column}` : 'mapping';
  return `row.${issue.row}${issue.field ? `.${issue.field}` : ''}`;
}
