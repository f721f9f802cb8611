import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  desktopUnavailableMessage,
  electronBinaryProblem,
  electronPackageDir,
} from '../../../src-main/cli/check-electron';
import { tempDir } from '../../support/temp-db';

const root = resolve(import.meta.dirname, '../../..');
const script = 'src-main/cli/check-electron.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** A project folder with an `electron` package in the given state. */
function project(state: 'absent' | 'no path.txt' | 'no program' | 'installed'): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  writeFileSync(join(t.dir, 'package.json'), '{"name":"desk"}');
  if (state === 'absent') return t.dir;
  const pkg = join(t.dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  if (state === 'no path.txt') return t.dir;
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  if (state === 'no program') return t.dir;
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(join(pkg, 'dist', 'electron'), '');
  return t.dir;
}

function check(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_EXEC_PATH: '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('finding Electron’s program before the app starts', () => {
  const noOverride = { ELECTRON_EXEC_PATH: '' };

  it('finds it where the electron package’s path.txt says', () => {
    const dir = project('installed');
    expect(electronBinaryProblem(electronPackageDir(dir), noOverride)).toBeNull();
  });

  it('says it was not downloaded when path.txt or the program is missing', () => {
    for (const state of ['no path.txt', 'no program'] as const) {
      const dir = project(state);
      const problem = electronBinaryProblem(electronPackageDir(dir), noOverride);
      expect(problem).toContain("Electron's program was not downloaded");
      expect(problem).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
      expect(problem).toContain(join(dir, 'node_modules', 'electron', 'install.js'));
    }
  });

  it('says so when the electron package is not installed at all', () => {
    expect(electronPackageDir(project('absent'))).toBeNull();
    expect(electronBinaryProblem(null, noOverride)).toMatch(/not installed.*npm install/);
  });

  it('follows ELECTRON_EXEC_PATH, as electron-vite does', () => {
    expect(electronBinaryProblem(null, { ELECTRON_EXEC_PATH: process.execPath })).toBeNull();
    expect(
      electronBinaryProblem(electronPackageDir(project('installed')), {
        ELECTRON_EXEC_PATH: '/nowhere/electron',
      }),
    ).toBe('ELECTRON_EXEC_PATH names /nowhere/electron, which does not exist.');
  });

  it('points to the browser host as the way to use the app instead', () => {
    const message = desktopUnavailableMessage('Some problem.');
    expect(message).toContain('cannot start as a desktop app');
    expect(message).toContain('Some problem.');
    expect(message).toContain('npm run cli -- host');
  });
});

describe('npm start without Electron’s program', { timeout: 60_000 }, () => {
  it('runs the check first', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.prestart).toBe(`tsx ${script}`);
    expect(scripts.predev).toBe(`tsx ${script}`);
  });

  it('exits 1 with the message when the program is missing', () => {
    const run = check({ ELECTRON_EXEC_PATH: '/nowhere/electron' });
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain('Involvement Desk cannot start as a desktop app here.');
    expect(run.err).toContain('ELECTRON_EXEC_PATH names /nowhere/electron');
    expect(run.err).toContain('npm run cli -- host');
  });

  it('exits 0 in silence when the program is there', () => {
    expect(check({ ELECTRON_EXEC_PATH: process.execPath })).toEqual({ code: 0, out: '', err: '' });
  });

  // Where installs skip the download (as on CI) the real check runs against this checkout.
  const installed = electronBinaryProblem(electronPackageDir(root), { ELECTRON_EXEC_PATH: '' });
  it.skipIf(installed === null)('stops `npm start` before it builds anything', () => {
    const run = spawnSync('npm', ['start'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_EXEC_PATH: '' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Electron's program was not downloaded");
    expect(run.stderr).toContain('npm run cli -- host');
    expect(run.stdout).not.toContain('electron-vite preview');
  });
});
