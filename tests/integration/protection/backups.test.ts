import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../src-shared/rules/backup-rotation';
import { listBackups } from '../../../src-main/db/backup-files';
import { takeBackup } from '../../../src-main/services/backups/backups';
import { jobEnded } from '../../../src-main/services/jobs/jobs';
import { openTestApp, openTestFile, tempDir, TEST_KEY, type TestApp } from '../../support/temp-db';

const root = resolve(import.meta.dirname, '../../..');
const apps: TestApp[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const c of cleanups.splice(0)) c();
});

async function start(options: Parameters<typeof openTestApp>[0] = {}): Promise<TestApp> {
  const app = await openTestApp(options);
  apps.push(app);
  return app;
}

async function addCustomer(app: TestApp, lastName: string): Promise<void> {
  await app.call('customers.create', {
    firstName: 'Test',
    lastName,
    postcode: 'TS17 6BA',
    mobile: null,
    email: null,
    confirmDuplicate: true,
  } as never);
}

const noJob = () => ({ signal: new AbortController().signal, progress: () => {} });

describe('backups', { timeout: 60_000 }, () => {
  it('backs up by itself at start and on its schedule, as jobs, each checked', async () => {
    const app = await start({ autoBackups: { firstAfterMs: 0, everyMs: 50 } });
    const folder = (await app.call('backups.overview', {})).folder;
    await expect
      .poll(() => listBackups(folder).map((b) => b.kind), { timeout: 30_000, interval: 200 })
      .toEqual(expect.arrayContaining(['scheduled', 'start']));
    const overview = await app.call('backups.overview', {});
    expect(overview.lastAutomatic).toMatchObject({ ok: true });
    for (const b of overview.backups) expect(b.verified).toBe('verified');
  });

  it('writes a backup in its own worker, so calls made meanwhile are answered before it ends', async () => {
    const app = await start();
    await app.call('demo.load', { customers: 100, seed: 5 });
    const { jobId } = await app.call('backups.start', {});
    const answered = await app.call('customers.list', {});
    expect(answered.total).toBeGreaterThan(0);
    // The call came back while the backup was still being written.
    expect((await app.call('jobs.get', { id: jobId })).state).toBe('running');
    expect((await jobEnded(await app.ctx(), jobId)).state).toBe('done');
  });

  it('keeps only what the rotation keeps, and never a file not named as ours', async () => {
    const app = await start({ clock: '2026-11-23T10:00:00.000Z' });
    const ctx = await app.ctx();
    const first = await takeBackup(ctx, 'manual', noJob());
    const folder = join(app.dir, 'backups');
    // Sixty days of hourly-ish backups, all copies of a real one.
    const names: string[] = [];
    for (let day = 0; day < 60; day++) {
      for (const hour of [8, 12, 16]) {
        const at = new Date(Date.UTC(2026, 10, 23 - day, hour));
        if (at.getTime() >= Date.parse('2026-11-23T10:00:00Z')) continue;
        const name = `involvement-desk-scheduled-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
        copyFileSync(first.path, join(folder, name));
        names.push(name);
      }
    }
    writeFileSync(join(folder, 'my-own-database.sqlite'), 'not ours to remove');
    app.clock.set('2026-11-23T10:30:00.000Z');
    const latest = await takeBackup(ctx, 'manual', noJob());
    const left = readdirSync(folder)
      .filter((n) => n.endsWith('.sqlite'))
      .sort();
    const expected = backupsToKeep(
      [...names, first.name, latest.name].map((name) => listBackupEntry(name)),
      new Date('2026-11-23T10:30:00.000Z'),
    );
    expect(left).toEqual([...expected, 'my-own-database.sqlite'].sort());
    expect(left.length).toBeLessThan(names.length);
    expect(left).toContain(latest.name);
  });

  it('restores from the app: checks the backup, keeps the current database aside, and runs on the restored file', async () => {
    const app = await start();
    await addCustomer(app, 'Beforebackup');
    const { jobId } = await app.call('backups.start', {});
    expect((await jobEnded(await app.ctx(), jobId)).state).toBe('done');
    await addCustomer(app, 'Afterbackup');
    const adminId = (await app.call('session.state', {})).staff!.id;

    const overview = await app.call('backups.overview', {});
    const outcome = await app.call('backups.restore', { id: overview.backups[0]!.id });
    expect(outcome.keptAside).toMatch(/set-aside[\\/]involvement-desk-before-restore-.*\.sqlite$/);

    // Everyone signs in again: the restored file has its own profiles.
    expect((await app.call('session.state', {})).staff).toBeNull();
    await app.signIn(adminId);
    const names = (await app.call('customers.list', {})).rows.map((r) => r.lastName);
    expect(names).toContain('Beforebackup');
    expect(names).not.toContain('Afterbackup');
    // Saving goes on, on the restored file.
    await addCustomer(app, 'Afterrestore');

    // The database that was in use is kept whole, encrypted, with what came after the backup.
    const aside = openTestFile(outcome.keptAside!, { readonly: true });
    expect(
      aside.prepare(`SELECT last_name FROM customers ORDER BY last_name`).pluck().all(),
    ).toEqual(['Afterbackup', 'Beforebackup']);
    aside.close();
    const listed = (await app.call('backups.overview', {})).backups;
    expect(listed.find((b) => b.location === 'set-aside')).toMatchObject({
      kind: 'before-restore',
    });
  });

  it('refuses to restore a file that does not pass its check, and changes nothing', async () => {
    const app = await start();
    await addCustomer(app, 'Kept');
    const folder = join(app.dir, 'backups');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'involvement-desk-2026-11-20T10-00-00-000Z.sqlite'),
      'garbage bytes',
    );
    const overview = await app.call('backups.overview', {});
    expect(overview.backups[0]!.verified).toBe('unchecked');
    await expect(app.call('backups.restore', { id: overview.backups[0]!.id })).rejects.toThrow(
      /encrypted with another key/,
    );
    expect((await app.call('customers.list', {})).rows.map((r) => r.lastName)).toEqual(['Kept']);
    expect(existsSync(join(app.dir, 'set-aside'))).toBe(false);
  });

  it('writes backups to the folder the administrator chooses, once it is proved writable', async () => {
    const app = await start();
    const other = tempDir();
    cleanups.push(other.cleanup);
    await expect(
      app.call('backups.saveSettings', { folder: 'relative/path', everyHours: 4 }),
    ).rejects.toThrow(/full path/);
    const chosen = join(other.dir, 'network-share', 'desk');
    const saved = await app.call('backups.saveSettings', { folder: chosen, everyHours: 6 });
    expect(saved).toMatchObject({ folder: chosen, everyHours: 6 });
    await takeBackup(await app.ctx(), 'manual', noJob());
    expect(listBackups(chosen)).toHaveLength(1);
    expect(existsSync(join(app.dir, 'backups'))).toBe(false);
  });

  it('reports a full disk, leaves no half-written backup, and backs up once there is room', async () => {
    const app = await start();
    await app.call('demo.load', { customers: 150, seed: 3 });
    app.backend.database.raw.pragma('wal_checkpoint(TRUNCATE)');
    const folder = join(app.dir, 'backups');
    mkdirSync(folder, { recursive: true });
    const destination = join(folder, 'involvement-desk-2026-11-23T10-00-00-000Z.sqlite');
    // A file-size limit of 256 KB: the disk "fills" part-way through the copy.
    const child = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 256; exec "${process.execPath}" --import tsx tests/support/write-backup-child.ts "$@"`,
        'limit',
        app.backend.context.dbPath,
        destination,
        TEST_KEY,
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    const outcome = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      ok: boolean;
      message?: string;
    };
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(
      /The backup could not be written.*No backup file was left behind/,
    );
    expect(readdirSync(folder)).toEqual([]);

    // Room again: the same backup is written and checked.
    const file = await takeBackup(await app.ctx(), 'manual', noJob());
    expect(file.verified).toBe('verified');
    expect(readFileSync(file.path).length).toBeGreaterThan(256 * 1024);
  });
});

function listBackupEntry(name: string) {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name)!;
  return {
    name,
    at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`,
    kind: name.includes('-scheduled-') ? ('scheduled' as const) : ('manual' as const),
  };
}
