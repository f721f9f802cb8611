import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-db';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, INVOLVEMENT_DESK_DB: '' },
  });
  // The slow-query log depends on how busy the machine is, not on the command.
  const err = result.stderr.replace(/^Slow query \(\d+ ms\): .*\n/gm, '');
  return { code: result.status, out: result.stdout, err };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function folder() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

// Each case starts the CLI several times, a process each: allow for a busy machine.
describe('the command line', { timeout: 120_000 }, () => {
  it('prints usage and exits 2 when called wrongly', () => {
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.out).toContain('Usage: npm run cli -- <command>');
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "frobnicate"');
    const badFlag = cli('demo', '--customers', 'lots', '--db', join(folder(), 'x.sqlite'));
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('--customers must be a whole number, not "lots"');
  });

  it('loads demo data, backs it up and restores it', () => {
    const dir = folder();
    const db = join(dir, 'desk.sqlite');
    const demo = cli('demo', '--customers', '20', '--db', db);
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Demo data loaded into .*desk\.sqlite/);

    const again = cli('demo', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already has landlords');

    const backupFile = join(dir, 'copy.sqlite');
    const backup = cli('backup', backupFile, '--db', db);
    expect(backup.code).toBe(0);
    expect(existsSync(backupFile)).toBe(true);

    const live = new Database(db);
    live.exec(`UPDATE landlords SET name = 'Changed after backup'`);
    live.close();

    const restore = cli('restore', backupFile, '--db', db);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('The current database was saved to');
    const restored = new Database(db, { readonly: true });
    const names = restored.prepare(`SELECT name FROM landlords`).all() as { name: string }[];
    restored.close();
    expect(names.map((n) => n.name)).toContain('Erimus Housing');
    expect(names.map((n) => n.name)).not.toContain('Changed after backup');
  });

  it('refuses to restore a file that is not a database, leaving the current one', () => {
    const dir = folder();
    const db = join(dir, 'desk.sqlite');
    expect(cli('demo', '--customers', '0', '--db', db).code).toBe(0);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'hello');
    const restore = cli('restore', junk, '--db', db);
    expect(restore.code).toBe(1);
    expect(restore.err).toContain('not a SQLite file');
    const still = new Database(db, { readonly: true });
    expect((still.prepare(`SELECT count(*) AS n FROM landlords`).get() as { n: number }).n).toBe(5);
    still.close();
  });
});
