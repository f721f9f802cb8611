import { ApiError } from '../../../src-shared/errors';
import { write } from '../../changes/writer';
import type { StaffCredentialsTable } from '../../db/schema/credentials';
import { demand, writeScope, writing, type AppContext, type CallContext } from '../context';
import {
  DEFAULT_SCRYPT,
  hashPassphrase,
  needsRehash,
  verifyPassphrase,
  type PassphraseHash,
  type ScryptParams,
} from './passphrase-hash';
import { waitAfterFailures, waitWords } from './sign-in-wait';

/** The change log's word for a profile's passphrase: only ever whether it is set. */
export const PASSPHRASE_FIELD = 'passphrase';

function costOf(ctx: AppContext): ScryptParams {
  return ctx.passphraseCost ?? DEFAULT_SCRYPT;
}

async function credentialsOf(
  ctx: AppContext,
  staffId: string,
): Promise<StaffCredentialsTable | undefined> {
  return ctx.db
    .selectFrom('staff_credentials')
    .selectAll()
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
}

export async function hasPassphrase(ctx: AppContext, staffId: string): Promise<boolean> {
  return (await credentialsOf(ctx, staffId)) !== undefined;
}

export async function profilesWithPassphrase(ctx: AppContext): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('staff_credentials').select('staff_id').execute();
  return new Set(rows.map((r) => r.staff_id));
}

function stored(row: StaffCredentialsTable): PassphraseHash {
  return {
    hash: row.hash,
    salt: row.salt,
    cost: row.cost,
    blockSize: row.block_size,
    parallelism: row.parallelism,
    keyLength: row.key_length,
  };
}

function hashColumns(made: PassphraseHash) {
  return {
    algorithm: 'scrypt' as const,
    hash: made.hash,
    salt: made.salt,
    cost: made.cost,
    block_size: made.blockSize,
    parallelism: made.parallelism,
    key_length: made.keyLength,
  };
}

/**
 * One check at a time per profile: two guesses sent together must not both
 * slip past the wait, or both be counted against the same failure number.
 */
const checking = new Map<string, Promise<unknown>>();

function oneAtATime<R>(staffId: string, work: () => Promise<R>): Promise<R> {
  const before = checking.get(staffId) ?? Promise.resolve();
  const next = before.then(work, work);
  const settled = next.catch(() => undefined);
  checking.set(staffId, settled);
  void settled.then(() => {
    if (checking.get(staffId) === settled) checking.delete(staffId);
  });
  return next;
}

/**
 * Checks a typed passphrase. A wrong one is refused in plain words and
 * counted against the profile, in the database, so the wait it earns holds
 * across a restart; while a wait runs nothing is checked at all.
 */
export async function checkPassphrase(
  ctx: AppContext,
  staffId: string,
  passphrase: string,
  name: string,
): Promise<void> {
  return oneAtATime(staffId, async () => {
    const row = await credentialsOf(ctx, staffId);
    if (!row)
      throw new ApiError(
        'unauthenticated',
        `${name} has no passphrase yet: choose one to sign in.`,
      );
    const now = ctx.clock.now();
    if (row.retry_after && Date.parse(row.retry_after) > now.getTime()) {
      throw new ApiError(
        'unauthenticated',
        `Too many wrong passphrases for ${name}. Try again in ${waitWords(Date.parse(row.retry_after) - now.getTime())}.`,
        [{ path: 'passphrase', message: 'Wait before trying again.' }],
      );
    }
    if (!(await verifyPassphrase(passphrase, stored(row)))) {
      const failures = row.failed_attempts + 1;
      const wait = waitAfterFailures(failures);
      await ctx.db
        .updateTable('staff_credentials')
        .set({
          failed_attempts: failures,
          last_failed_at: now.toISOString(),
          retry_after: wait ? new Date(now.getTime() + wait).toISOString() : null,
        })
        .where('staff_id', '=', staffId)
        .execute();
      throw new ApiError(
        'unauthenticated',
        wait
          ? `That passphrase is not right. After ${failures} wrong tries, try again in ${waitWords(wait)}.`
          : 'That passphrase is not right. Check it and try again.',
        [{ path: 'passphrase', message: 'That passphrase is not right.' }],
      );
    }
    const current = costOf(ctx);
    // A good passphrase is the one moment its hash can be remade with today's cost.
    const upgrade = needsRehash(stored(row), current)
      ? hashColumns(await hashPassphrase(passphrase, current))
      : {};
    // Nothing is written on an ordinary sign-in: a database found damaged still lets people in.
    if (row.failed_attempts > 0 || Object.keys(upgrade).length > 0)
      await ctx.db
        .updateTable('staff_credentials')
        .set({ ...upgrade, failed_attempts: 0, last_failed_at: null, retry_after: null })
        .where('staff_id', '=', staffId)
        .execute();
  });
}

/**
 * A profile chooses its passphrase: only when it has none (first use, or
 * after a reset). The change log says it was set, by the profile itself.
 */
export async function choosePassphrase(
  ctx: AppContext,
  staffId: string,
  passphrase: string,
): Promise<void> {
  // Hashing takes a moment: never inside the write transaction.
  const made = await hashPassphrase(passphrase, costOf(ctx));
  await write(writeScope(ctx, staffId), async (w) => {
    const existing = await w.trx
      .selectFrom('staff_credentials')
      .select('staff_id')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    if (existing)
      throw new ApiError(
        'conflict',
        'This profile already has a passphrase. Sign in with it, or ask an administrator to reset it.',
      );
    const reset = await w.trx
      .selectFrom('change_log')
      .select('after')
      .where('entity', '=', 'staff')
      .where('entity_id', '=', staffId)
      .where('field', '=', PASSPHRASE_FIELD)
      .orderBy('hlc', 'desc')
      .limit(1)
      .executeTakeFirst();
    await w.trx
      .insertInto('staff_credentials')
      .values({
        staff_id: staffId,
        ...hashColumns(made),
        set_at: ctx.clock.now().toISOString(),
        failed_attempts: 0,
        last_failed_at: null,
        retry_after: null,
      })
      .execute();
    await w.note('staff', staffId, PASSPHRASE_FIELD, {
      from: reset ? 'reset' : 'none',
      to: 'set',
    });
  });
}

/**
 * An administrator resets a colleague's passphrase: the hash is deleted and
 * the colleague chooses a new one at their next sign-in. Their open sessions
 * end at once. The log records "reset", never a secret.
 */
export async function resetPassphrase(ctx: CallContext, staffId: string): Promise<void> {
  const admin = demand(ctx, 'staff.resetPassphrase');
  if (admin.id === staffId)
    throw ApiError.invalid(
      'You cannot reset your own passphrase: another administrator can, or sign in with it.',
    );
  await writing(ctx, async (w) => {
    const deleted = await w.trx
      .deleteFrom('staff_credentials')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    await w.note('staff', staffId, PASSPHRASE_FIELD, {
      from: Number(deleted.numDeletedRows) > 0 ? 'set' : 'none',
      to: 'reset',
    });
  });
  for (const [session, signedIn] of ctx.sessions)
    if (signedIn.staffId === staffId) ctx.sessions.delete(session);
}
