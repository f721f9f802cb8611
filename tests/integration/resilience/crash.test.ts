import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { openDatabase } from '../../../src-main/db/open';
import type { Input, MethodName, Result } from '../../../src-shared/api';
import { fixedClock } from '../../../src-shared/clock';
import type { Staff } from '../../../src-shared/domain/staff';
import { bundleChild, childEnv } from '../../support/bundle-child';
import { sleep, startChild } from '../../support/child-process';
import { seededRandom, testSeed } from '../../support/seeded-random';
import { tempDir, TEST_KEY } from '../../support/temp-db';

/*
 * A writer process saving through the app's services is killed with SIGKILL
 * at random moments, over and over; after each kill the database is opened
 * again through the app's open path and checked. A save the writer saw
 * confirmed must be there; a save cut short must be wholly absent; the file
 * must pass SQLite's integrity check and its change log must have no gap.
 */

const KILLS = 120;
const SEED = testSeed(20261204);

const folder = tempDir('involvement-desk-crash-');
const dbPath = join(folder.dir, 'crash.sqlite');
let writer = '';
let staffId = '';
let activityId = '';

beforeAll(async () => {
  writer = await bundleChild(
    join(import.meta.dirname, 'crash-writer.ts'),
    join(folder.dir, 'crash-writer.mjs'),
  );
  const backend = await createBackend({
    dbPath,
    clock: fixedClock('2026-11-23T10:00:00.000Z'),
    integrityCheckAfterMs: false,
    key: TEST_KEY,
  });
  const signedIn: { actor?: Staff } = {};
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> => {
    const result = await backend.call(method, input, signedIn);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Result<M>;
  };
  signedIn.actor = await call('staff.create', {
    name: 'Crash admin',
    role: 'administrator',
    email: null,
  });
  staffId = signedIn.actor.id;
  await call('organisation.applyTemplate', {});
  const council = (await call('groups.list', {})).find((g) => g.name === 'Customer Council')!;
  const meeting = await call('activities.save', {
    kind: 'meeting',
    title: 'Council meeting',
    status: 'scheduled',
    groupId: council.id,
    startsAt: '2026-11-20T17:30:00.000Z',
    endsAt: '2026-11-20T19:30:00.000Z',
    venueKind: 'community_centre',
    venueName: 'Thornaby Community Centre',
    venueAddress: 'Thornaby Road, Stockton-on-Tees',
  });
  activityId = meeting.id;
  await backend.close();
}, 30_000);

afterAll(() => folder.cleanup());

interface Tally {
  attempted: number;
  confirmed: number;
  present: number;
  confirmedButLost: number;
  halfWritten: number;
  integrityFailures: number;
  changeLogGaps: number;
  killsWhileWriting: number;
  killsWhileOpening: number;
}

describe('killed at random moments while saving', () => {
  it(`loses no confirmed save and leaves no half-written one, over ${KILLS} kills`, async () => {
    const random = seededRandom(SEED);
    const attempted = { customer: new Set<number>(), attendance: new Set<number>() };
    const confirmed = {
      customer: new Map<number, string>(),
      attendance: new Map<number, string>(),
    };
    const tally: Tally = {
      attempted: 0,
      confirmed: 0,
      present: 0,
      confirmedButLost: 0,
      halfWritten: 0,
      integrityFailures: 0,
      changeLogGaps: 0,
      killsWhileWriting: 0,
      killsWhileOpening: 0,
    };
    const problems: string[] = [];
    let next = 1;
    let awaitedConfirmations = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      const child = startChild(
        writer,
        [dbPath, staffId, activityId, String(next)],
        childEnv(writer),
      );
      // Most kills land among the saves: after 0 to 2 more confirmed ones (so
      // a slow machine makes as much progress as a fast one), at a random
      // moment of the next. Some land while the writer is still opening the file.
      if (random() < 0.15) {
        await sleep(random() * 120);
      } else {
        const saves = Math.floor(random() * 3);
        const pause = random() * 15;
        await child.waitFor('ready');
        await child.waitUntil(
          (lines) => lines.filter((l) => l.startsWith('done ')).length >= saves,
        );
        awaitedConfirmations += saves;
        await sleep(pause);
      }
      child.process.kill('SIGKILL');
      const end = await child.ended;
      if (end.signal !== 'SIGKILL')
        throw new Error(`The writer stopped by itself (${end.code}): ${child.stderr()}`);
      if (child.lines.includes('ready')) tally.killsWhileWriting++;
      else tally.killsWhileOpening++;

      for (const line of child.lines) {
        const [what, kind, n, id] = line.split(' ') as [
          string,
          'customer' | 'attendance',
          string,
          string,
        ];
        if (what === 'try') attempted[kind].add(Number(n));
        if (what === 'done') confirmed[kind].set(Number(n), id);
        if (what === 'try' && kind === 'customer') next = Number(n) + 1;
      }

      const opened = await openDatabase(dbPath, {
        backupDir: join(folder.dir, 'backups'),
        key: TEST_KEY,
      });
      try {
        const raw = opened.raw;
        const check = raw.pragma('integrity_check', { simple: true });
        const foreignKeys = raw.pragma('foreign_key_check') as unknown[];
        if (check !== 'ok' || foreignKeys.length > 0) {
          tally.integrityFailures++;
          problems.push(
            `after kill ${kill}: integrity ${String(check)}, ${foreignKeys.length} foreign key faults`,
          );
        }
        const customers = new Map(
          (
            raw.prepare(`SELECT id, last_name FROM customers WHERE first_name = 'Crash'`).all() as {
              id: string;
              last_name: string;
            }[]
          ).map((r) => [r.id, r.last_name]),
        );
        const attendance = new Set(
          raw
            .prepare(`SELECT id FROM attendance WHERE deleted_at IS NULL`)
            .pluck()
            .all() as string[],
        );
        const lost =
          [...confirmed.customer.values()].filter((id) => !customers.has(id)).length +
          [...confirmed.attendance.values()].filter((id) => !attendance.has(id)).length;
        if (lost > 0) problems.push(`after kill ${kill}: ${lost} confirmed saves missing`);
        tally.confirmedButLost = Math.max(tally.confirmedButLost, lost);

        // Every row written has its change-log entry and every entry its row: a save is all or nothing.
        const unlogged = raw
          .prepare(
            `SELECT count(*) FROM (
               SELECT id FROM customers WHERE first_name = 'Crash'
                 AND id NOT IN (SELECT entity_id FROM change_log WHERE entity = 'customers' AND op = 'create')
               UNION ALL
               SELECT id FROM attendance WHERE true
                 AND id NOT IN (SELECT entity_id FROM change_log WHERE entity = 'attendance' AND op = 'create')
               UNION ALL
               SELECT entity_id FROM change_log WHERE op = 'create' AND entity = 'customers'
                 AND entity_id NOT IN (SELECT id FROM customers)
               UNION ALL
               SELECT entity_id FROM change_log WHERE op = 'create' AND entity = 'attendance'
                 AND entity_id NOT IN (SELECT id FROM attendance))`,
          )
          .pluck()
          .get() as number;
        if (unlogged > 0)
          problems.push(`after kill ${kill}: ${unlogged} rows and log entries apart`);
        tally.halfWritten = Math.max(tally.halfWritten, unlogged);

        const gaps = raw
          .prepare(
            `SELECT device_id, min(seq) AS low, max(seq) AS high, count(*) AS n
             FROM change_log GROUP BY device_id`,
          )
          .all() as { device_id: string; low: number; high: number; n: number }[];
        for (const g of gaps) {
          if (g.low !== 1 || g.high !== g.n) {
            tally.changeLogGaps++;
            problems.push(
              `after kill ${kill}: device ${g.device_id} log runs ${g.low}..${g.high} with ${g.n} entries`,
            );
          }
        }
        if (kill === KILLS - 1) {
          const attemptedNumbers = new Set([...attempted.customer]);
          tally.present =
            [...customers.values()].filter((name) =>
              attemptedNumbers.has(Number(name.split(' ')[1])),
            ).length + attendance.size;
        }
      } finally {
        await opened.close();
      }
    }

    tally.attempted = attempted.customer.size + attempted.attendance.size;
    tally.confirmed = confirmed.customer.size + confirmed.attendance.size;
    console.log(
      `Crash test (seed ${SEED}): ${KILLS} kills (${tally.killsWhileWriting} while saving, ${tally.killsWhileOpening} while opening); ` +
        `saves attempted ${tally.attempted}, confirmed ${tally.confirmed}, present after recovery ${tally.present}, ` +
        `confirmed but lost ${tally.confirmedButLost}, half-written ${tally.halfWritten}, ` +
        `integrity failures ${tally.integrityFailures}, change-log gaps ${tally.changeLogGaps}`,
    );
    expect(problems).toEqual([]);
    expect(tally.confirmed).toBeGreaterThanOrEqual(awaitedConfirmations);
    // Each kill left at most the one save it interrupted unconfirmed; some of those had committed.
    expect(tally.present).toBeGreaterThanOrEqual(tally.confirmed);
    expect(tally.present).toBeLessThanOrEqual(tally.attempted);
    expect(tally.killsWhileWriting).toBeGreaterThan(KILLS / 2);
  }, 90_000);
});
