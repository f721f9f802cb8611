import type { z } from 'zod';
import type {
  Tara,
  TaraCriterion,
  TaraOfficer,
  TaraSummary,
  taraCriteriaInput,
  taraCriterionInput,
  taraInput,
  taraVisitInput,
} from '../../../src-shared/domain/community';
import { ApiError } from '../../../src-shared/errors';
import { criteriaProgress, supportVisitDue } from '../../../src-shared/rules/annual-contact';
import { londonDate } from '../../../src-shared/rules/working-days';
import { displayName } from '../../../src-shared/domain/customer';
import type { TaraRow } from '../../db/schema/community';
import { writing, type CallContext } from '../context';
import { readStoredContent, storeContent } from '../files/file-store';
import { readSetting, saveSetting } from '../settings';

const CRITERIA_SETTING = 'community.taraCriteria';

/** Recognition criteria for financial support, as the Strategy asks; an organisation sets its own. */
export const defaultTaraCriteria: TaraCriterion[] = [
  { key: 'constitution', label: 'Has an adopted constitution' },
  { key: 'officers', label: 'Has an elected chair, secretary and treasurer' },
  { key: 'agm', label: 'Held an annual general meeting in the last 12 months' },
  { key: 'accounts', label: 'Presented annual accounts at the AGM' },
  { key: 'insurance', label: 'Has public liability insurance in force' },
  { key: 'open_membership', label: 'Membership is open to every resident of its area' },
  { key: 'equality', label: 'Has an equal opportunities policy' },
  { key: 'bank_account', label: 'Has a bank account needing two signatories' },
];

export function taraCriteria(ctx: CallContext): Promise<TaraCriterion[]> {
  return readSetting(ctx, CRITERIA_SETTING, defaultTaraCriteria);
}

export async function saveTaraCriteria(
  ctx: CallContext,
  input: z.output<typeof taraCriteriaInput>,
): Promise<TaraCriterion[]> {
  const keys = input.criteria.map((c) => c.key);
  if (new Set(keys).size !== keys.length)
    throw ApiError.invalid('Two criteria share a key: give each its own.');
  await writing(ctx, (w) => saveSetting(w, CRITERIA_SETTING, input.criteria));
  return taraCriteria(ctx);
}

async function officerNames(ctx: CallContext, ids: (string | null)[]) {
  const wanted = ids.filter((i): i is string => !!i);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'preferred_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      displayName({
        firstName: r.first_name,
        lastName: r.last_name,
        preferredName: r.preferred_name,
      }),
    ]),
  );
}

interface Facts {
  lastVisitOn: Map<string, string>;
  met: Map<string, number>;
}

async function facts(ctx: CallContext, ids: string[], keys: string[]): Promise<Facts> {
  if (ids.length === 0) return { lastVisitOn: new Map(), met: new Map() };
  const visits = await ctx.db
    .selectFrom('tara_visits')
    .select(['tara_id', (eb) => eb.fn.max('held_on').as('last')])
    .where('tara_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('held_on', 'is not', null)
    .groupBy('tara_id')
    .execute();
  const met = await ctx.db
    .selectFrom('tara_criteria')
    .select(['tara_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tara_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('met', '=', 1)
    .where('criterion_key', 'in', keys.length ? keys : [''])
    .groupBy('tara_id')
    .execute();
  return {
    lastVisitOn: new Map(visits.filter((v) => v.last).map((v) => [v.tara_id, v.last!])),
    met: new Map(met.map((m) => [m.tara_id, Number(m.n)])),
  };
}

function summarise(
  row: TaraRow & { area_name: string | null },
  f: Facts,
  total: number,
  today: string,
): TaraSummary {
  const lastVisitOn = f.lastVisitOn.get(row.id) ?? null;
  const since = row.recognised_from ?? row.created_at.slice(0, 10);
  const due = supportVisitDue(lastVisitOn, since, today);
  const progress = criteriaProgress(f.met.get(row.id) ?? 0, total);
  return {
    id: row.id,
    name: row.name,
    areaName: row.area_name,
    recognisedFrom: row.recognised_from,
    recognisedTo: row.recognised_to,
    lastVisitOn,
    visitDueOn: due.dueOn,
    visitOverdue: due.overdue,
    daysOverdue: due.daysOverdue,
    criteriaMet: progress.met,
    criteriaTotal: progress.total,
    percent: progress.percent,
    selfSufficient: progress.selfSufficient,
  };
}

function taraQuery(ctx: CallContext) {
  return ctx.db
    .selectFrom('taras as t')
    .leftJoin('areas as a', 'a.id', 't.area_id')
    .selectAll('t')
    .select('a.name as area_name')
    .where('t.deleted_at', 'is', null);
}

/** Every association with its support visit due (overdue first) and its progress against the criteria. */
export async function listTaras(ctx: CallContext): Promise<TaraSummary[]> {
  const today = londonDate(ctx.clock.now());
  const rows = await taraQuery(ctx).orderBy('t.name').execute();
  const criteria = await taraCriteria(ctx);
  const f = await facts(
    ctx,
    rows.map((r) => r.id),
    criteria.map((c) => c.key),
  );
  return rows
    .map((r) => summarise(r, f, criteria.length, today))
    .sort((a, b) =>
      a.visitOverdue !== b.visitOverdue
        ? a.visitOverdue
          ? -1
          : 1
        : a.visitDueOn.localeCompare(b.visitDueOn) || a.name.localeCompare(b.name),
    );
}

export async function getTara(ctx: CallContext, id: string): Promise<Tara> {
  const today = londonDate(ctx.clock.now());
  const row = await taraQuery(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw ApiError.notFound('The association');
  const criteria = await taraCriteria(ctx);
  const f = await facts(
    ctx,
    [id],
    criteria.map((c) => c.key),
  );
  const summary = summarise(row, f, criteria.length, today);
  const checks = await ctx.db
    .selectFrom('tara_criteria')
    .selectAll()
    .where('tara_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  const visits = await ctx.db
    .selectFrom('tara_visits')
    .selectAll()
    .where('tara_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy((eb) => eb.fn.coalesce('held_on', 'scheduled_on'), 'desc')
    .execute();
  const names = await officerNames(ctx, [
    row.chair_customer_id,
    row.secretary_customer_id,
    row.treasurer_customer_id,
  ]);
  const officer = (customerId: string | null, name: string | null): TaraOfficer => ({
    customerId,
    name: customerId ? (names.get(customerId) ?? name) : name,
  });
  return {
    ...summary,
    areaId: row.area_id,
    neighbourhoodId: row.neighbourhood_id,
    chair: officer(row.chair_customer_id, row.chair_name),
    secretary: officer(row.secretary_customer_id, row.secretary_name),
    treasurer: officer(row.treasurer_customer_id, row.treasurer_name),
    constitutionAdoptedOn: row.constitution_adopted_on,
    agmOn: row.agm_on,
    accountsOn: row.accounts_on,
    insuranceUntil: row.insurance_until,
    notes: row.notes,
    updatedAt: row.updated_at,
    criteria: criteria.map((c) => {
      const check = checks.find((k) => k.criterion_key === c.key);
      return {
        key: c.key,
        label: c.label,
        met: check?.met === 1,
        note: check?.note ?? null,
        checkedOn: check?.checked_on ?? null,
        evidence:
          check?.content_hash && check.file_name
            ? { fileName: check.file_name, sizeBytes: check.size_bytes ?? 0 }
            : null,
      };
    }),
    visits: visits.map((v) => ({
      id: v.id,
      scheduledOn: v.scheduled_on,
      heldOn: v.held_on,
      findings: v.findings,
      supportAgreed: v.support_agreed,
      followUp: v.follow_up,
      followUpDueOn: v.follow_up_due_on,
      updatedAt: v.updated_at,
    })),
  };
}

async function checkCustomers(ctx: CallContext, input: z.output<typeof taraInput>) {
  for (const role of ['chair', 'secretary', 'treasurer'] as const) {
    const id = input[role].customerId;
    if (!id) continue;
    const found = await ctx.db
      .selectFrom('customers')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found)
      throw ApiError.invalid(`The ${role} chosen is not on the register.`, [
        { path: `${role}.customerId`, message: 'Choose someone on the register, or type a name.' },
      ]);
  }
  if (input.recognisedFrom && input.recognisedTo && input.recognisedTo < input.recognisedFrom)
    throw ApiError.invalid('Recognised to is before recognised from.', [
      { path: 'recognisedTo', message: 'This is before the date recognition began.' },
    ]);
}

export async function saveTara(ctx: CallContext, input: z.output<typeof taraInput>): Promise<Tara> {
  await checkCustomers(ctx, input);
  const values = {
    name: input.name,
    area_id: input.areaId,
    neighbourhood_id: input.neighbourhoodId,
    chair_customer_id: input.chair.customerId,
    chair_name: input.chair.customerId ? null : input.chair.name,
    secretary_customer_id: input.secretary.customerId,
    secretary_name: input.secretary.customerId ? null : input.secretary.name,
    treasurer_customer_id: input.treasurer.customerId,
    treasurer_name: input.treasurer.customerId ? null : input.treasurer.name,
    constitution_adopted_on: input.constitutionAdoptedOn,
    agm_on: input.agmOn,
    accounts_on: input.accountsOn,
    insurance_until: input.insuranceUntil,
    recognised_from: input.recognisedFrom,
    recognised_to: input.recognisedTo,
    notes: input.notes,
  };
  const id = await writing(ctx, async (w) => {
    if (!input.id) return w.create('taras', values);
    await w.update('taras', input.id, values, { expectedUpdatedAt: input.expectedUpdatedAt });
    return input.id;
  });
  return getTara(ctx, id);
}

/** Marks a criterion met or not, with evidence kept in the one file store. */
export async function saveTaraCriterion(
  ctx: CallContext,
  input: z.output<typeof taraCriterionInput>,
): Promise<Tara> {
  await getTara(ctx, input.taraId);
  if (!(await taraCriteria(ctx)).some((c) => c.key === input.key))
    throw ApiError.invalid('That is not one of the recognition criteria.');
  // Stored before the record that cites it, outside the transaction.
  const stored = input.evidence ? storeContent(ctx, input.evidence.contentBase64) : null;
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('tara_criteria')
      .select('id')
      .where('tara_id', '=', input.taraId)
      .where('criterion_key', '=', input.key)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const values = {
      met: input.met ? 1 : 0,
      note: input.note,
      checked_on: input.checkedOn,
      ...(stored && input.evidence
        ? {
            file_name: input.evidence.fileName,
            mime_type: input.evidence.mimeType,
            content_hash: stored.hash,
            size_bytes: stored.sizeBytes,
          }
        : {}),
    };
    if (existing) await w.update('tara_criteria', existing.id, values);
    else
      await w.create('tara_criteria', {
        tara_id: input.taraId,
        criterion_key: input.key,
        file_name: null,
        mime_type: null,
        content_hash: null,
        size_bytes: null,
        ...values,
      });
  });
  return getTara(ctx, input.taraId);
}

export async function taraEvidence(ctx: CallContext, taraId: string, key: string) {
  const row = await ctx.db
    .selectFrom('tara_criteria')
    .select(['file_name', 'mime_type', 'content_hash'])
    .where('tara_id', '=', taraId)
    .where('criterion_key', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row?.content_hash || !row.file_name) throw ApiError.notFound('The evidence');
  return {
    fileName: row.file_name,
    mimeType: row.mime_type ?? 'application/octet-stream',
    data: readStoredContent(ctx, row.content_hash, row.file_name),
  };
}

export async function saveTaraVisit(
  ctx: CallContext,
  input: z.output<typeof taraVisitInput>,
): Promise<Tara> {
  await getTara(ctx, input.taraId);
  const today = londonDate(ctx.clock.now());
  if (input.heldOn && input.heldOn > today)
    throw ApiError.invalid('A visit cannot have been held after today.', [
      { path: 'heldOn', message: 'This date is in the future: use "planned for" instead.' },
    ]);
  const values = {
    scheduled_on: input.scheduledOn,
    held_on: input.heldOn,
    findings: input.findings,
    support_agreed: input.supportAgreed,
    follow_up: input.followUp,
    follow_up_due_on: input.followUpDueOn,
  };
  await writing(ctx, async (w) => {
    if (input.id) await w.update('tara_visits', input.id, values);
    else await w.create('tara_visits', { tara_id: input.taraId, ...values });
  });
  return getTara(ctx, input.taraId);
}
