import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestFile, tempDir, TEST_KEY_HEX } from '../../support/temp-db';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, INVOLVEMENT_DESK_DB: '', INVOLVEMENT_DESK_KEY: TEST_KEY_HEX },
    // A host that starts when it should have refused is stopped rather than waited for.
    timeout: 30_000,
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

    const live = openTestFile(db);
    live.exec(`UPDATE landlords SET name = 'Changed after backup'`);
    live.close();

    const restore = cli('restore', backupFile, '--db', db);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('The database that was in use is kept, unchanged, at');
    const restored = openTestFile(db, { readonly: true });
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
    expect(restore.err).toContain('encrypted with another key');
    const still = openTestFile(db, { readonly: true });
    expect((still.prepare(`SELECT count(*) AS n FROM landlords`).get() as { n: number }).n).toBe(5);
    still.close();
  });

  it('refuses a bad flag at start, with a clear message, before anything opens', () => {
    const dir = folder();
    const db = join(dir, 'never.sqlite');
    // A stand-in for the built app, so only the flag under test is wrong.
    const app = join(dir, 'renderer');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Involvement Desk</title>');
    const host = (...flags: string[]) => cli('host', '--renderer', app, '--db', db, ...flags);
    const badClock = host('--clock', 'notadate');
    expect(badClock.code).toBe(2);
    expect(badClock.err).toContain('--clock must be a date or date-time');
    expect(badClock.err).toContain('"notadate"');
    expect(badClock.out).not.toContain('Open http');

    const noSuchDay = host('--clock', '2026-02-30');
    expect(noSuchDay.code).toBe(2);
    expect(noSuchDay.err).toContain('names a day that does not exist');

    const badPort = host('--port', '70000');
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('--port must be 65,535 or less');

    const noRenderer = cli('host', '--renderer', join(dir, 'missing'), '--db', db);
    expect(noRenderer.code).toBe(2);
    expect(noRenderer.err).toContain('There is no built app in');

    expect(existsSync(db)).toBe(false);
  });

  it('refuses a bad count or status before opening the database', () => {
    const dir = folder();
    const db = join(dir, 'never.sqlite');
    const tooMany = cli('demo', '--customers', '600000', '--db', db);
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toContain('--customers must be 500,000 or less');

    const badStatus = cli(
      'export',
      'customers',
      join(dir, 'x.xlsx'),
      '--status',
      'retired',
      '--db',
      db,
    );
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toContain('--status must be one of interested, active, paused, left');

    // None of them got as far as creating the database.
    expect(existsSync(db)).toBe(false);
  });
});
