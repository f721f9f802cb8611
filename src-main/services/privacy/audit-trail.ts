import type { z } from 'zod';
import type { AuditEntry, AuditPage, auditQueryInput } from '../../../src-shared/domain/privacy';
import { entityPolicies } from '../../changes/entities';
import { demand, type CallContext } from '../context';

type Query = z.output<typeof auditQueryInput>;

/**
 * The records that are about one customer beyond their own: where the
 * change log files a change under another record's id (a membership, a
 * claim, bank details), the person's trail still finds it.
 */
const linkedTables: readonly [table: string, column: string][] = [
  ['group_memberships', 'customer_id'],
  ['attendance', 'customer_id'],
  ['skills_audits', 'customer_id'],
  ['customer_payment_details', 'customer_id'],
  ['expense_claims', 'customer_id'],
  ['expense_declared_miles', 'customer_id'],
  ['complaint_cases', 'complainant_customer_id'],
  ['case_panel_members', 'customer_id'],
  ['case_declarations', 'customer_id'],
  ['review_team', 'customer_id'],
  ['privacy_requests', 'customer_id'],
];
/** One term per kind of record, so each is found through the log's (entity, entity_id) index. */
const PERSON_SQL = [
  `(l.entity = 'customers' AND l.entity_id = ?)`,
  ...linkedTables.map(
    ([t, c]) => `(l.entity = '${t}' AND l.entity_id IN (SELECT id FROM "${t}" WHERE "${c}" = ?))`,
  ),
].join(' OR ');

/** Every kind of record the log holds, so a search by id alone still uses the index. */
const ENTITY_LIST = Object.keys(entityPolicies)
  .map((e) => `'${e}'`)
  .join(', ');

function changeFilter(q: Query, args: unknown[]): string {
  const where: string[] = [];
  if (q.customerId) {
    where.push(`(${PERSON_SQL})`);
    args.push(q.customerId, ...linkedTables.map(() => q.customerId));
  }
  if (q.staffId) {
    where.push('l.actor_id = ?');
    args.push(q.staffId);
  }
  if (q.entity) {
    where.push('l.entity = ?');
    args.push(q.entity);
  }
  if (q.entityId) {
    if (!q.entity) where.push(`l.entity IN (${ENTITY_LIST})`);
    where.push('l.entity_id = ?');
    args.push(q.entityId);
  }
  // The clock stamp starts with the time written, and is indexed: it narrows
  // the range (a day either side, for a clock that was moved), `at` decides.
  if (q.from) {
    where.push('l.hlc >= ? AND l.at >= ?');
    args.push(addDays(q.from, -1), q.from);
  }
  if (q.to) {
    where.push('l.hlc < ? AND l.at < ?');
    args.push(addDays(q.to, 2), addDays(q.to, 1));
  }
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

function auditFilter(q: Query, args: unknown[]): string {
  const where: string[] = [];
  if (q.customerId) {
    where.push('a.customer_id = ?');
    args.push(q.customerId);
  }
  if (q.staffId) {
    where.push('a.actor_id = ?');
    args.push(q.staffId);
  }
  if (q.entity) {
    where.push('a.entity = ?');
    args.push(q.entity);
  }
  if (q.entityId) {
    where.push('(a.entity_id = ? OR a.customer_id = ?)');
    args.push(q.entityId, q.entityId);
  }
  if (q.from) {
    where.push('a.at >= ?');
    args.push(q.from);
  }
  if (q.to) {
    where.push('a.at < ?');
    args.push(addDays(q.to, 1));
  }
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Row {
  source: 'changes' | 'audit';
  at: string;
  actor_id: string;
  actor_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  field: string | null;
  what: string | null;
  customer_id: string | null;
  rows: number | null;
  classes: string | null;
}

/**
 * The change log and the audit log as one trail, newest first, a page at a
 * time. Values the caller's role may not see are never read here: the
 * screen is the administrator's, and a change's values are summarised as
 * "changed" for the data classes (the history view shows them in words).
 */
export async function auditTrail(ctx: CallContext, q: Query): Promise<AuditPage> {
  demand(ctx, 'audit.read');
  const args: unknown[] = [];
  const parts: string[] = [];
  // Each log gives at most the rows up to the end of this page, read in its
  // own index's order; the two are then merged by time.
  const upTo = (q.page + 1) * q.pageSize + 1;
  if (q.source !== 'audit') {
    const where = changeFilter(q, args);
    parts.push(`SELECT * FROM (SELECT 'changes' AS source, l.at, l.actor_id, l.op AS action, l.entity,
        l.entity_id, l.field, NULL AS what, NULL AS customer_id, NULL AS rows, NULL AS classes,
        l.hlc AS k FROM change_log l ${where} ORDER BY l.hlc DESC LIMIT ?)`);
    args.push(upTo);
  }
  if (q.source !== 'changes') {
    const where = auditFilter(q, args);
    // '~' sorts after the clock's counter, so an audit entry comes before the
    // changes of the same moment that it sums up.
    parts.push(`SELECT * FROM (SELECT 'audit' AS source, a.at, a.actor_id, a.action, a.entity,
        a.entity_id, NULL AS field, a.what, a.customer_id, a.rows, a.classes,
        a.at || '-~' || printf('%012d', a.id) AS k
        FROM audit_log a ${where} ORDER BY a.at DESC, a.id DESC LIMIT ?)`);
    args.push(upTo);
  }
  const sqlText = `SELECT t.*, s.name AS actor_name FROM (${parts.join(' UNION ALL ')}) t
    LEFT JOIN staff s ON s.id = t.actor_id
    ORDER BY t.k DESC LIMIT ? OFFSET ?`;
  args.push(q.pageSize + 1, q.page * q.pageSize);
  const rows = ctx.raw.prepare(sqlText).all(...args) as Row[];
  const more = rows.length > q.pageSize;
  return {
    entries: rows.slice(0, q.pageSize).map(toEntry),
    page: q.page,
    pageSize: q.pageSize,
    more,
  };
}

function toEntry(r: Row): AuditEntry {
  return {
    source: r.source,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name ?? 'Unknown',
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    detail: r.source === 'audit' ? (r.what ?? '') : changeWords(r),
    customerId: r.customer_id,
    rows: r.rows,
    classes: r.classes ? (JSON.parse(r.classes) as string[]) : [],
  };
}

function changeWords(r: Row): string {
  if (r.action === 'create') return 'The whole record';
  if (r.action === 'delete' || r.action === 'restore') return '';
  return `${r.field ?? 'A field'} changed`;
}
