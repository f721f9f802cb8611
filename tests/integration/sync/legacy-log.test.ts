import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { migrations } from '../../../src-main/db/migrations';
import { sync } from '../../../src-main/db/migrations/0016-sync';
import { readOwnChanges } from '../../../src-main/sync/change';
import { fieldLeaves } from '../../../src-main/sync/versions';
import { tempDir, TEST_KEY } from '../../support/temp-db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('a change log from before sync', () => {
  it('becomes the current versions, and its changes travel with bases made from the order they were made in', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'old.sqlite');
    const before = migrations.slice(0, migrations.indexOf(sync));
    const old = await openDatabase(path, { migrations: before, key: TEST_KEY });
    const d = old.deviceId;
    const log = old.raw.prepare(`INSERT INTO change_log
      (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason)
      VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', 'staff', 'customers', 'c1', ?, ?, NULL, ?, NULL)`);
    const hlc = (n: number) => `2025-01-01T00:00:00.00${n}Z-0000-${d}`;
    log.run(
      d,
      1,
      hlc(1),
      'create',
      null,
      JSON.stringify({ first_name: 'Old', last_name: 'Entry' }),
    );
    log.run(d, 2, hlc(2), 'update', 'phone', '"1"');
    log.run(d, 3, hlc(3), 'update', 'phone', '"2"');
    log.run(d, 4, hlc(4), 'delete', null, null);
    await old.close();
    old.raw.close();

    const now = await openDatabase(path, { key: TEST_KEY });
    try {
      expect(fieldLeaves(now.raw, 'customers', 'c1', 'phone')).toEqual([`${d}:3`]);
      expect(fieldLeaves(now.raw, 'customers', 'c1', 'deleted_at')).toEqual([`${d}:4`]);
      expect(fieldLeaves(now.raw, 'customers', 'c1', 'first_name')).toEqual([`${d}:1`]);
      const changes = readOwnChanges(now.raw, d, 0, 10);
      expect(changes.map((c) => c.bases)).toEqual([
        [],
        [`${d}:1`],
        [`${d}:1`, `${d}:2`],
        [`${d}:1`, `${d}:2`, `${d}:3`],
      ]);
      expect(changes.every((c) => c.schema === migrations.indexOf(sync) + 1)).toBe(true);
    } finally {
      await now.close();
    }
  });
});
