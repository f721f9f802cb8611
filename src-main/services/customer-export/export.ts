import { recordAudit } from '../privacy/audit';
import type { CustomerExportFile } from '../../../src-shared/api/customer-transfer';
import {
  ageBands,
  availabilityOptions,
  consentMethods,
  consentPurposes,
  contactMethods,
  customerStatuses,
  digitalAccessLevels,
  disabilityAnswers,
  ethnicities,
  genders,
  recruitmentSources,
  religions,
  serviceAreas,
  sexualOrientations,
  skillOptions,
  supportNeeds,
  tenures,
  type ConsentRecord,
  type CustomerListQuery,
} from '../../../src-shared/domain/customer';
import { importField, type ImportFieldKey } from '../../../src-shared/domain/customer-import';
import { londonDate, readableDate } from '../../../src-shared/rules/working-days';
import { buildWorkbook, type Column } from '../../documents/xlsx';
import { demand, type CallContext } from '../context';
import { listCustomers } from '../customers/list';
import type { JobControl } from '../jobs/jobs';
import { readSource } from '../jobs/read-only-context';
import { runInWorker } from '../jobs/run-in-worker';
import { loadExportRows, type ExportRow } from './rows';

type Query = Omit<CustomerListQuery, 'offset' | 'limit'>;
type ExportQuery = Query & { includeEquality?: boolean | undefined };

/** Pages of ids from the register's own query, so the export has exactly what the list shows, in its order. */
const ID_PAGE = 5000;

async function matchingIds(ctx: CallContext, query: Query): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += ID_PAGE) {
    const page = await listCustomers(ctx, { ...query, offset, limit: ID_PAGE });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < ID_PAGE) return ids;
  }
}

function labelOf(options: { labels: Record<string, string> }, code: string | null): string | null {
  return code === null ? null : (options.labels[code] ?? code);
}

function labelsOf(options: { labels: Record<string, string> }, json: string): string | null {
  const codes = JSON.parse(json) as string[];
  return codes.length ? codes.map((c) => options.labels[c] ?? c).join('; ') : null;
}

/**
 * What the customer agreed to, a column per purpose, so a mailing made from
 * the file can keep to those who said yes.
 */
function consentColumns(): Column<ExportRow>[] {
  return consentPurposes.codes.map((purpose) => ({
    header: `Consent: ${consentPurposes.labels[purpose]}`,
    width: 30,
    value: (r: ExportRow) => {
      const records = (JSON.parse(r.consents) as ConsentRecord[]).filter(
        (c) => c.purpose === purpose,
      );
      const latest = records.sort((a, b) => a.givenOn.localeCompare(b.givenOn)).at(-1);
      if (!latest) return 'Not recorded';
      if (latest.withdrawnOn) return `Withdrawn ${readableDate(latest.withdrawnOn)}`;
      return `Given ${readableDate(latest.givenOn)} (${consentMethods.labels[latest.method].toLowerCase()})`;
    },
  }));
}

/** A column headed with the import field's label, so an exported file imports back unchanged. */
function field(
  key: ImportFieldKey,
  width: number,
  value: (r: ExportRow) => string | null,
  format?: Column<ExportRow>['format'],
): Column<ExportRow> {
  return { header: importField(key).label, width, value, ...(format ? { format } : {}) };
}

function customerColumns(withEquality: boolean): Column<ExportRow>[] {
  const columns: Column<ExportRow>[] = [
    field('externalRef', 14, (r) => r.external_ref),
    field('firstName', 16, (r) => r.first_name),
    field('lastName', 18, (r) => r.last_name),
    field('preferredName', 14, (r) => r.preferred_name),
    field('email', 30, (r) => r.email),
    field('phone', 15, (r) => r.phone),
    field('mobile', 15, (r) => r.mobile),
    field('addressLine1', 28, (r) => r.address_line1),
    field('addressLine2', 20, (r) => r.address_line2),
    field('town', 16, (r) => r.town),
    field('postcode', 10, (r) => r.postcode),
    field('landlord', 24, (r) => r.landlord_name),
    field('area', 20, (r) => r.area_name),
    field('neighbourhood', 20, (r) => r.neighbourhood_name),
    field('tenure', 20, (r) => labelOf(tenures, r.tenure)),
    field('dateOfBirth', 13, (r) => r.date_of_birth, 'date'),
    field('status', 12, (r) => labelOf(customerStatuses, r.status)),
    {
      header: importField('isBoardMember').label,
      width: 13,
      value: (r) => (r.is_board_member ? 'Yes' : 'No'),
    },
    field('codeOfConductSignedOn', 16, (r) => r.code_of_conduct_signed_on, 'date'),
    field('recruitmentSource', 24, (r) => labelOf(recruitmentSources, r.recruitment_source)),
    field('digitalAccess', 20, (r) => labelOf(digitalAccessLevels, r.digital_access)),
    field('interests', 40, (r) => labelsOf(serviceAreas, r.interests)),
    field('availability', 24, (r) => labelsOf(availabilityOptions, r.availability)),
    field('contactMethods', 20, (r) => labelsOf(contactMethods, r.contact_methods)),
    field('skills', 30, (r) => labelsOf(skillOptions, r.skills)),
    field('supportNeeds', 26, (r) => labelsOf(supportNeeds, r.support_needs)),
    field('supportNotes', 30, (r) => r.support_notes),
    field('notes', 40, (r) => r.notes),
    {
      header: 'Last activity',
      width: 13,
      format: 'date',
      value: (r) => r.last_activity_at?.slice(0, 10) ?? null,
    },
    { header: 'Last updated', width: 13, format: 'date', value: (r) => r.updated_at.slice(0, 10) },
    ...consentColumns(),
  ];
  if (!withEquality) return columns;
  // Special category data (UK GDPR): only when asked for, by a role allowed to see it.
  return [
    ...columns,
    { header: 'Age band', width: 12, value: (r) => labelOf(ageBands, r.equality_age_band) },
    { header: 'Gender', width: 14, value: (r) => labelOf(genders, r.equality_gender) },
    { header: 'Ethnic group', width: 30, value: (r) => labelOf(ethnicities, r.equality_ethnicity) },
    {
      header: 'Disability',
      width: 12,
      value: (r) => labelOf(disabilityAnswers, r.equality_disability),
    },
    {
      header: 'Sexual orientation',
      width: 20,
      value: (r) => labelOf(sexualOrientations, r.equality_sexual_orientation),
    },
    { header: 'Religion', width: 16, value: (r) => labelOf(religions, r.equality_religion) },
  ];
}

export type RegisterExportInput = ExportQuery;

/**
 * The register (filtered as the list is) as an Excel workbook, read and
 * written where it is called: the CPU worker (see xlsx-task.ts).
 */
export async function registerWorkbook(
  ctx: CallContext,
  input: ExportQuery,
): Promise<{ bytes: Buffer; rows: number; fileName: string }> {
  demand(ctx, 'customers.export');
  const { includeEquality = false, ...query } = input;
  if (includeEquality) demand(ctx, 'customers.equality.export');
  const ids = await matchingIds(ctx, query);
  const rows = await loadExportRows(ctx, ids);
  const bytes = await buildWorkbook([
    { name: 'Customers', columns: customerColumns(includeEquality), rows },
  ]);
  return { bytes, rows: rows.length, fileName: `customers-${londonDate(ctx.clock.now())}.xlsx` };
}

/** A call that is not a job still runs in a worker; nothing cancels it. */
const noJob: Pick<JobControl, 'signal' | 'progress'> = {
  signal: new AbortController().signal,
  progress: () => {},
};

/**
 * The register as a workbook, read on its own connection and written in a
 * worker thread, so the backend keeps answering meanwhile (seconds at
 * 50,000 customers). Within a job, its cancel ends the worker.
 */
export async function exportRegister(
  ctx: CallContext,
  input: ExportQuery,
  job: Pick<JobControl, 'signal' | 'progress'> = noJob,
): Promise<{ bytes: Uint8Array; rows: number; fileName: string }> {
  const actor = demand(ctx, 'customers.export');
  if (input.includeEquality) demand(ctx, 'customers.equality.export');
  const out = await runInWorker(job, 'customers.xlsx', { source: readSource(ctx), query: input });
  recordAudit(ctx, actor.id, {
    action: 'export',
    what: input.includeEquality
      ? 'Customer register workbook, with equality data'
      : 'Customer register workbook',
    rows: Number(out.facts.rows),
    classes: input.includeEquality ? ['equality'] : [],
  });
  return { bytes: out.bytes, rows: Number(out.facts.rows), fileName: String(out.facts.fileName) };
}

export async function exportCustomersXlsx(
  ctx: CallContext,
  input: ExportQuery,
): Promise<CustomerExportFile> {
  const file = await exportRegister(ctx, input);
  return {
    fileName: file.fileName,
    contentBase64: Buffer.from(file.bytes).toString('base64'),
    rows: file.rows,
  };
}
