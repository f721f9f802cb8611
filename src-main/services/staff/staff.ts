import { uuidv7 } from 'uuidv7';
import type { Staff } from '../../../src-shared/domain/staff';
import { ApiError } from '../../../src-shared/errors';
import type { Role } from '../../../src-shared/rules/permissions';
import { write } from '../../changes/writer';
import type { StaffTable } from '../../db/schema/foundation';
import { demand, writeScope, writing, type AppContext, type CallContext } from '../context';

export function toStaff(row: Pick<StaffTable, 'id' | 'name' | 'role' | 'email' | 'active'>): Staff {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    email: row.email,
    active: row.active === 1,
  };
}

/** The app_meta key naming the command line's own profile: a system profile, not a person. */
export const CLI_STAFF_KEY = 'cli_staff_id';

export async function systemStaffId(ctx: AppContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', CLI_STAFF_KEY)
    .executeTakeFirst();
  return row?.value ?? '';
}

/** The people who use the app; the command line's profile is left out. */
export async function listStaff(ctx: AppContext): Promise<Staff[]> {
  const rows = await ctx.db
    .selectFrom('staff')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('id', '!=', await systemStaffId(ctx))
    .orderBy('name')
    .execute();
  return rows.map(toStaff);
}

export async function anyStaff(ctx: AppContext): Promise<boolean> {
  return (await listStaff(ctx)).length > 0;
}

export async function getStaff(ctx: AppContext, id: string): Promise<Staff | null> {
  const row = await ctx.db
    .selectFrom('staff')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toStaff(row) : null;
}

export interface NewStaff {
  name: string;
  role: Role;
  email: string | null;
}

/**
 * Anyone may create the first profile (there is nobody to ask); after that
 * only an administrator may add staff, so nobody can grant themselves a role.
 */
export async function createStaff(ctx: CallContext, input: NewStaff): Promise<Staff> {
  if (!(await anyStaff(ctx))) {
    const id = await createFirstStaff(ctx, input);
    return (await getStaff(ctx, id))!;
  }
  demand(ctx, 'staff.manage');
  const duplicate = await ctx.db
    .selectFrom('staff')
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (duplicate)
    throw ApiError.invalid(`There is already a staff profile called ${input.name}.`, [
      { path: 'name', message: 'This name is already used.' },
    ]);
  const id = await writing(ctx, (w) =>
    w.create('staff', { name: input.name, role: input.role, email: input.email, active: 1 }),
  );
  return (await getStaff(ctx, id))!;
}

/** The first profile records its own creation: it is both the actor and the record. */
async function createFirstStaff(ctx: AppContext, input: NewStaff): Promise<string> {
  const id = uuidv7();
  await write(writeScope(ctx, id), (w) =>
    w.create('staff', { id, name: input.name, role: input.role, email: input.email, active: 1 }),
  );
  return id;
}

export async function updateStaff(
  ctx: CallContext,
  input: { id: string; name?: string; role?: Role; active?: boolean },
): Promise<Staff> {
  const { id, active, ...rest } = input;
  await writing(ctx, (w) =>
    w.update('staff', id, { ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }) }),
  );
  const staff = await getStaff(ctx, id);
  if (!staff) throw ApiError.notFound('That staff profile');
  return staff;
}
