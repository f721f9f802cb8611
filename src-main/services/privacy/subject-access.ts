import type { DB } from '../../db/schema';
import { historyFieldsFor } from '../../../src-shared/history/fields';
import { describeValue, type HistoryLookup, type RefKind } from '../../../src-shared/history/words';
import { ApiError } from '../../../src-shared/errors';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { SarPackData, SarSection } from '../../documents/subject-access-pack';
import { demand, requireActor, type AppContext, type CallContext } from '../context';
import { startJob, type JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { readSetting } from '../settings';
import { recordAudit } from './audit';

type Row = Record<string, unknown>;

/** The person's records, by table: their own, and the children of their cases and claims. */
const ownTables: readonly { table: keyof DB; column: string; heading: string }[] = [
  { table: 'group_memberships', column: 'customer_id', heading: 'Group memberships' },
  { table: 'attendance', column: 'customer_id', heading: 'Activities attended' },
  { table: 'skills_audits', column: 'customer_id', heading: 'Skills audits' },
  { table: 'review_team', column: 'customer_id', heading: 'Scrutiny review teams' },
  { table: 'complaint_cases', column: 'complainant_customer_id', heading: 'Your complaints' },
  { table: 'case_panel_members', column: 'customer_id', heading: 'Complaint panels you sat on' },
  { table: 'case_declarations', column: 'customer_id', heading: 'Declarations of interest' },
  { table: 'expense_claims', column: 'customer_id', heading: 'Expense claims' },
  { table: 'customer_payment_details', column: 'customer_id', heading: 'Payment details' },
  { table: 'expense_declared_miles', column: 'customer_id', heading: 'Miles declared' },
  { table: 'privacy_requests', column: 'customer_id', heading: 'Your requests about your data' },
];

const childTables: readonly {
  table: keyof DB;
  column: string;
  parent: keyof DB;
  heading: string;
}[] = [
  {
    table: 'case_notes',
    column: 'case_id',
    parent: 'complaint_cases',
    heading: 'Letters, calls and notes on your complaints',
  },
  {
    table: 'case_transitions',
    column: 'case_id',
    parent: 'complaint_cases',
    heading: 'Steps of your complaints',
  },
  {
    table: 'case_attachments',
    column: 'case_id',
    parent: 'complaint_cases',
    heading: 'Documents on your complaints',
  },
  {
    table: 'expense_lines',
    column: 'claim_id',
    parent: 'expense_claims',
    heading: 'Expense claim lines',
  },
  { table: 'expense_receipts', column: 'claim_id', parent: 'expense_claims', heading: 'Receipts' },
  {
    table: 'expense_claim_events',
    column: 'claim_id',
    parent: 'expense_claims',
    heading: 'Expense claim events',
  },
];

/** Columns of the app's own bookkeeping, not information about the person. */
const internal = new Set(['search_rowid', 'updated_by']);

export interface SubjectAccessData {
  subject: { id: string; name: string };
  producedAt: string;
  producedBy: string;
  record: Row;
  records: Record<string, Row[]>;
  history: {
    at: string;
    by: string;
    entity: string;
    entityId: string;
    op: string;
    field: string | null;
    before: unknown;
    after: unknown;
    reason: string | null;
  }[];
  audit: { at: string; by: string; action: string; what: string; rows: number | null }[];
  /**
   * Exports of the register made while they were on it. Which customers a
   * filtered export held is not kept (it would copy the register into the
   * log), so every one is listed: they may have been in it.
   */
  registerExports: { at: string; by: string; what: string; rows: number | null }[];
}

function all(ctx: AppContext, sqlText: string, ...args: unknown[]): Row[] {
  return ctx.raw.prepare(sqlText).all(...args) as Row[];
}

function clean(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !internal.has(k)));
}

/** Everything held about one customer, read in one pass on the app's connection. */
export function gatherSubjectData(
  ctx: AppContext,
  customerId: string,
  by: string,
): SubjectAccessData {
  const [customer] = all(ctx, 'SELECT * FROM customers WHERE id = ?', customerId);
  if (!customer) throw ApiError.notFound('That customer');
  const records: Record<string, Row[]> = {};
  const ids = new Set<string>([customerId]);
  for (const t of ownTables) {
    records[t.table] = all(
      ctx,
      `SELECT * FROM "${t.table}" WHERE "${t.column}" = ?`,
      customerId,
    ).map(clean);
    for (const r of records[t.table]!) ids.add(String(r.id));
  }
  for (const t of childTables) {
    const parents = (records[t.parent] ?? []).map((r) => String(r.id));
    records[t.table] = parents.flatMap((p) =>
      all(ctx, `SELECT * FROM "${t.table}" WHERE "${t.column}" = ?`, p).map(clean),
    );
    for (const r of records[t.table]!) ids.add(String(r.id));
  }
  const idList = JSON.stringify([...ids]);
  const history = all(
    ctx,
    `SELECT l.at, coalesce(s.name, 'Unknown') AS by, l.entity, l.entity_id, l.op, l.field, l.before, l.after, l.reason
     FROM change_log l LEFT JOIN staff s ON s.id = l.actor_id
     WHERE l.entity_id IN (SELECT value FROM json_each(?)) ORDER BY l.hlc`,
    idList,
  ).map((r) => ({
    at: String(r.at),
    by: String(r.by),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    op: String(r.op),
    field: (r.field as string | null) ?? null,
    before: r.before === null ? null : (JSON.parse(String(r.before)) as unknown),
    after: r.after === null ? null : (JSON.parse(String(r.after)) as unknown),
    reason: (r.reason as string | null) ?? null,
  }));
  const audit = all(
    ctx,
    `SELECT a.at, coalesce(s.name, 'Unknown') AS by, a.action, a.what, a.rows
     FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
     WHERE a.customer_id = ? OR a.entity_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
    customerId,
    idList,
  ).map((r) => ({
    at: String(r.at),
    by: String(r.by),
    action: String(r.action),
    what: String(r.what),
    rows: (r.rows as number | null) ?? null,
  }));
  const registerExports = all(
    ctx,
    `SELECT a.at, coalesce(s.name, 'Unknown') AS by, a.what, a.rows
     FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
     WHERE a.action = 'export' AND a.what LIKE 'Customer register workbook%' AND a.at >= ?
     ORDER BY a.id`,
    String(customer.created_at),
  ).map((r) => ({
    at: String(r.at),
    by: String(r.by),
    what: String(r.what),
    rows: (r.rows as number | null) ?? null,
  }));
  return {
    registerExports,
    subject: {
      id: customerId,
      name: `${String(customer.first_name)} ${String(customer.last_name)}`,
    },
    producedAt: ctx.clock.now().toISOString(),
    producedBy: by,
    record: clean(customer),
    records,
    history,
    audit,
  };
}

function lookupFor(ctx: AppContext): HistoryLookup {
  const tables: Partial<Record<RefKind, string>> = {
    landlord: 'landlords',
    area: 'areas',
    neighbourhood: 'neighbourhoods',
    group: 'groups',
    course: 'training_courses',
    customer: 'customers',
    staff: 'staff',
  };
  return {
    name: (kind, id) => {
      const table = tables[kind];
      if (!table) return undefined;
      const column = kind === 'customer' ? `first_name || ' ' || last_name` : 'name';
      const row = ctx.raw
        .prepare(`SELECT ${column} AS name FROM "${table}" WHERE id = ?`)
        .get(id) as { name: string } | undefined;
      return row?.name;
    },
  };
}

const stamp = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

function fieldsOf(entity: string, row: Row, lookup: HistoryLookup): [string, string][] {
  const words = historyFieldsFor(entity);
  const out: [string, string][] = [];
  for (const [column, value] of Object.entries(row)) {
    if (column === 'id' || value === null || value === '' || value === '[]') continue;
    const w = words[column];
    if (w && 'hidden' in w && w.hidden) continue;
    const label =
      w && 'label' in w ? w.label : column.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
    out.push([
      label,
      column.endsWith('_at') && typeof value === 'string'
        ? stamp.format(new Date(value))
        : describeValue(words, column, value, lookup),
    ]);
  }
  return out;
}

/** The pack's sections, every value in the words the screens use. */
export function packSections(ctx: AppContext, data: SubjectAccessData): SarSection[] {
  const lookup = lookupFor(ctx);
  const sections: SarSection[] = [
    {
      heading: 'Your record on the register',
      empty: '',
      items: [{ title: data.subject.name, fields: fieldsOf('customers', data.record, lookup) }],
    },
  ];
  for (const t of [...ownTables, ...childTables]) {
    const rows = data.records[t.table] ?? [];
    sections.push({
      heading: t.heading,
      empty: 'None held.',
      items: rows.map((r, i) => ({
        title: `${t.heading.replace(/s$/, '')} ${i + 1}`,
        fields: fieldsOf(t.table, r, lookup),
      })),
    });
  }
  sections.push({
    heading: 'History of changes to your records',
    empty: 'No changes recorded.',
    items: data.history.map((h) => ({
      title: `${h.at.slice(0, 16).replace('T', ' ')} · ${h.by} · ${h.op}`,
      fields: [
        ['Record', h.entity.replace(/_/g, ' ')],
        ...(h.field
          ? ([
              ['Field', h.field.replace(/_/g, ' ')],
              ['From', describeValue(historyFieldsFor(h.entity), h.field, h.before, lookup)],
              ['To', describeValue(historyFieldsFor(h.entity), h.field, h.after, lookup)],
            ] as [string, string][])
          : []),
        ...(h.reason ? ([['Reason', h.reason]] as [string, string][]) : []),
      ],
    })),
  });
  sections.push({
    heading: 'Who read in bulk or exported your information',
    empty: 'No exports recorded.',
    items: data.audit.map((a) => ({
      title: `${a.at.slice(0, 16).replace('T', ' ')} · ${a.by}`,
      fields: [
        ['Action', a.action.replace(/_/g, ' ')],
        ['What', a.what],
      ],
    })),
  });
  sections.push({
    heading: 'Exports of the register made while you were on it',
    empty: 'None.',
    items: data.registerExports.map((a) => ({
      title: `${a.at.slice(0, 16).replace('T', ' ')} · ${a.by}`,
      fields: [
        ['What', a.what],
        ['Customers in it', a.rows === null ? 'Not recorded' : String(a.rows)],
      ],
    })),
  });
  return sections;
}

export const SAR_STEPS = [
  'Gathering the records',
  'Laying out the PDF',
  'Saving the files',
] as const;

export async function buildSubjectAccessPack(
  ctx: CallContext,
  job: JobControl,
  customerId: string,
): Promise<{ sections: number; historyEntries: number; gatherMs: number; pdfMs: number }> {
  const actor = requireActor(ctx);
  job.step(SAR_STEPS[0]);
  const started = performance.now();
  const data = gatherSubjectData(ctx, customerId, actor.name);
  const pack: SarPackData = {
    organisation:
      (await readSetting<string | null>(ctx, 'organisation.name', null)) ?? 'Customer involvement',
    subject: data.subject.name,
    producedOn: londonDate(ctx.clock.now()),
    producedBy: actor.name,
    sections: packSections(ctx, data),
  };
  const gatherMs = Math.round(performance.now() - started);
  job.step(SAR_STEPS[1]);
  const { bytes: pdf } = await runInWorker(job, 'privacy.sar-pdf', pack);
  const pdfMs = Math.round(performance.now() - started) - gatherMs;
  job.step(SAR_STEPS[2], 2);
  const slug = data.subject.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  await job.keepFile('pdf', `subject-access-${slug}.pdf`, 'application/pdf', pdf);
  await job.keepFile(
    'json',
    `subject-access-${slug}.json`,
    'application/json',
    new TextEncoder().encode(JSON.stringify(data, null, 2)),
  );
  recordAudit(ctx, actor.id, {
    action: 'subject_access',
    what: 'Subject access pack (PDF and JSON)',
    entity: 'customers',
    entityId: customerId,
    customerId,
    rows: data.history.length,
    classes: ['equality', 'case_content', 'payment_details'],
  });
  return {
    sections: pack.sections.length,
    historyEntries: data.history.length,
    gatherMs,
    pdfMs,
  };
}

export function startSubjectAccessPack(
  ctx: CallContext,
  input: { customerId: string },
): { jobId: string } {
  demand(ctx, 'privacy.manage');
  const jobId = startJob(
    ctx,
    { kind: 'privacy.subject-access', title: 'Subject access pack', steps: SAR_STEPS },
    (job) => buildSubjectAccessPack(ctx, job, input.customerId),
  );
  return { jobId };
}
