import type {
  CreateCustomerResult,
  Customer,
  DeletedCustomer,
  CustomerPatchValues,
  CustomerValues,
} from '../../../src-shared/domain/customer';
import { ApiError, type FieldIssue } from '../../../src-shared/errors';
import { dateOfBirthProblem } from '../../../src-shared/rules/customer-age';
import { londonDate } from '../../../src-shared/rules/working-days';
import { allowed, demand, writing, type CallContext } from '../context';
import type { Writer } from '../../changes/writer';
import { findDuplicates } from './duplicates';
import { patchToColumns, toCustomer, valuesToColumns } from './rows';

function today(ctx: CallContext): string {
  return londonDate(ctx.clock.now());
}

export async function getCustomer(ctx: CallContext, id: string): Promise<Customer> {
  const row = await ctx.db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('That customer');
  return toCustomer(row, today(ctx), allowed(ctx, 'customers.equality.read'));
}

interface Placement {
  landlordId: string | null;
  areaId: string | null;
  neighbourhoodId: string | null;
}

/**
 * Checks what a schema cannot: that the landlord, area and neighbourhood
 * exist and fit together, that the date of birth gives a plausible age, and
 * that the reference is not another customer's.
 */
async function checkRules(
  ctx: CallContext,
  values: Placement & { dateOfBirth: string | null; externalRef: string | null },
  selfId: string | null,
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (values.dateOfBirth) {
    const problem = dateOfBirthProblem(values.dateOfBirth, today(ctx));
    if (problem) issues.push({ path: 'dateOfBirth', message: problem });
  }

  const landlord = values.landlordId
    ? await ctx.db
        .selectFrom('landlords')
        .select('id')
        .where('id', '=', values.landlordId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : null;
  if (values.landlordId && !landlord)
    issues.push({ path: 'landlordId', message: 'That landlord no longer exists: choose another.' });

  const area = values.areaId
    ? await ctx.db
        .selectFrom('areas')
        .select(['id', 'landlord_id'])
        .where('id', '=', values.areaId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : null;
  if (values.areaId && !area)
    issues.push({ path: 'areaId', message: 'That area no longer exists: choose another.' });
  if (area && landlord && area.landlord_id && area.landlord_id !== landlord.id) {
    issues.push({
      path: 'areaId',
      message: 'That area belongs to a different landlord: choose one of this landlord’s areas.',
    });
  }

  if (values.neighbourhoodId) {
    const hood = await ctx.db
      .selectFrom('neighbourhoods')
      .select(['id', 'area_id'])
      .where('id', '=', values.neighbourhoodId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!hood)
      issues.push({
        path: 'neighbourhoodId',
        message: 'That neighbourhood no longer exists: choose another.',
      });
    else if (values.areaId && hood.area_id !== values.areaId) {
      issues.push({
        path: 'neighbourhoodId',
        message: 'That neighbourhood is in a different area: choose one in the area above.',
      });
    }
  }

  if (values.externalRef) {
    let taken = ctx.db
      .selectFrom('customers')
      .select(['first_name', 'last_name'])
      .where('external_ref', '=', values.externalRef)
      .where('deleted_at', 'is', null);
    if (selfId) taken = taken.where('id', '!=', selfId);
    const other = await taken.executeTakeFirst();
    if (other) {
      issues.push({
        path: 'externalRef',
        message: `${other.first_name} ${other.last_name} already has reference ${values.externalRef}.`,
      });
    }
  }

  if (issues.length > 0) {
    throw ApiError.invalid(
      issues.length === 1
        ? issues[0]!.message
        : 'Some details need correcting before this can be saved.',
      issues,
    );
  }
}

function refuseEqualityWithoutPermission(ctx: CallContext, equalityGiven: boolean): void {
  if (equalityGiven && !allowed(ctx, 'customers.equality.write')) {
    throw ApiError.forbidden(
      'Equality information can only be recorded by coordinators, team leaders and administrators.',
    );
  }
}

/** Creates a customer inside an existing write, for bulk loads (the demo data, imports). */
export async function insertCustomer(w: Writer, values: CustomerValues): Promise<string> {
  return w.create('customers', valuesToColumns(values));
}

export async function createCustomer(
  ctx: CallContext,
  values: CustomerValues,
): Promise<CreateCustomerResult> {
  demand(ctx, 'customers.write');
  refuseEqualityWithoutPermission(ctx, values.equality != null);
  await checkRules(
    ctx,
    {
      landlordId: values.landlordId ?? null,
      areaId: values.areaId ?? null,
      neighbourhoodId: values.neighbourhoodId ?? null,
      dateOfBirth: values.dateOfBirth ?? null,
      externalRef: values.externalRef ?? null,
    },
    null,
  );
  if (!values.confirmDuplicate) {
    const duplicates = await findDuplicates(ctx, values);
    if (duplicates.length > 0) return { created: false, duplicates };
  }
  const id = await writing(ctx, (w) => insertCustomer(w, values));
  return { created: true, customer: await getCustomer(ctx, id) };
}

/** An erased record keeps only what the figures count: nobody may write a person back into it. */
async function refuseErased(ctx: CallContext, id: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('customers')
    .select('erased_at')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.erased_at)
    throw new ApiError(
      'conflict',
      'This customer was erased: their record keeps only what the figures count and cannot be changed. Add them again as a new customer if they come back.',
    );
}

export async function updateCustomer(
  ctx: CallContext,
  input: {
    id: string;
    expectedUpdatedAt: string;
    patch: CustomerPatchValues;
    reason?: string | null | undefined;
  },
): Promise<Customer> {
  demand(ctx, 'customers.write');
  const { patch } = input;
  refuseEqualityWithoutPermission(ctx, patch.equality !== undefined);
  const current = await getCustomer(ctx, input.id);
  await refuseErased(ctx, input.id);
  await checkRules(
    ctx,
    {
      landlordId: patch.landlordId !== undefined ? patch.landlordId : current.landlordId,
      areaId: patch.areaId !== undefined ? patch.areaId : current.areaId,
      neighbourhoodId:
        patch.neighbourhoodId !== undefined ? patch.neighbourhoodId : current.neighbourhoodId,
      // Only what the user changed: an old record's odd value must not block an unrelated edit.
      dateOfBirth: patch.dateOfBirth ?? null,
      externalRef: patch.externalRef ?? null,
    },
    input.id,
  );
  await writing(ctx, (w) =>
    w.update('customers', input.id, patchToColumns(patch), {
      expectedUpdatedAt: input.expectedUpdatedAt,
      reason: input.reason ?? null,
    }),
  );
  return getCustomer(ctx, input.id);
}

export async function deleteCustomer(
  ctx: CallContext,
  id: string,
  reason: string | null,
): Promise<{ id: string }> {
  demand(ctx, 'customers.delete');
  await getCustomer(ctx, id);
  await writing(ctx, (w) => w.remove('customers', id, { reason }));
  return { id };
}

/** Who was deleted from the register, by whom and why, newest first. */
export async function listDeletedCustomers(ctx: CallContext): Promise<DeletedCustomer[]> {
  demand(ctx, 'customers.restore');
  const rows = await ctx.db
    .selectFrom('customers as c')
    .leftJoin('staff as s', 's.id', 'c.updated_by')
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.postcode',
      'c.deleted_at',
      's.name as deleted_by',
      (eb) =>
        eb
          .selectFrom('change_log as l')
          .select('l.reason')
          .whereRef('l.entity_id', '=', 'c.id')
          .where('l.entity', '=', 'customers')
          .where('l.op', '=', 'delete')
          .orderBy('l.hlc', 'desc')
          .limit(1)
          .as('reason'),
    ])
    .where('c.deleted_at', 'is not', null)
    .orderBy('c.deleted_at', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    postcode: r.postcode,
    deletedAt: r.deleted_at!,
    deletedBy: r.deleted_by,
    reason: r.reason,
  }));
}

/** Brings a deleted customer back, through the write path, so their history shows it. */
export async function restoreCustomer(
  ctx: CallContext,
  id: string,
  reason: string | null,
): Promise<Customer> {
  demand(ctx, 'customers.restore');
  const row = await ctx.db
    .selectFrom('customers')
    .select(['deleted_at', 'external_ref', 'first_name', 'last_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('That customer');
  if (!row.deleted_at)
    throw ApiError.invalid(`${row.first_name} ${row.last_name} is on the register already.`);
  if (row.external_ref) {
    // The reference is the surest way to recognise a person: two live records may not share it.
    const other = await ctx.db
      .selectFrom('customers')
      .select(['first_name', 'last_name'])
      .where('external_ref', '=', row.external_ref)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (other)
      throw ApiError.invalid(
        `${other.first_name} ${other.last_name} now has reference ${row.external_ref}, so this customer cannot come back with it. Change that record's reference first.`,
      );
  }
  await writing(ctx, (w) => w.restore('customers', id, { reason }));
  return getCustomer(ctx, id);
}
