import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { flipAppFuses, fuseConfig } from '../../../src-main/cli/flip-fuses';
import { tempDir } from '../../support/temp-db';

const root = resolve(import.meta.dirname, '../../..');
const folder = tempDir('involvement-desk-fuses-');
afterAll(() => folder.cleanup());

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in for Electron's program: bytes around the fuse wire exactly as
 * Electron lays it out (the sentinel, the wire's version and length, then one
 * byte per fuse), every fuse at "enabled" as Electron ships.
 */
function standInProgram(name: string, fuses = 9): { path: string; before: Buffer; wireAt: number } {
  const before = randomBytes(4096);
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, fuses]),
    Buffer.alloc(fuses, FuseState.ENABLE),
  ]);
  const after = randomBytes(4096);
  const path = join(folder.dir, name);
  writeFileSync(path, Buffer.concat([before, wire, after]));
  return { path, before: readFileSync(path), wireAt: before.length + SENTINEL.length + 2 };
}

const on = FuseState.ENABLE;
const off = FuseState.DISABLE;

describe('Electron’s fuses', () => {
  it('asks for every fuse by name, so a new one in a later Electron is not missed', () => {
    for (const packaged of [false, true]) {
      const config = fuseConfig(packaged) as unknown as Record<number, boolean>;
      expect(fuseConfig(packaged).strictlyRequireAllFuses).toBe(true);
      for (const option of Object.values(FuseV1Options).filter((o) => typeof o === 'number'))
        expect(typeof config[option as number], FuseV1Options[option as number]).toBe('boolean');
    }
  });

  it('switches off running as Node, NODE_OPTIONS and --inspect, and switches on cookie encryption', () => {
    for (const packaged of [false, true]) {
      const config = fuseConfig(packaged);
      expect(config[FuseV1Options.RunAsNode]).toBe(false);
      expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
      expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    }
  });

  it('checks the ASAR archive and loads only from it where the app is packaged, not in development', () => {
    expect(fuseConfig(true)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseConfig(true)[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig(false)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(false);
    expect(fuseConfig(false)[FuseV1Options.OnlyLoadAppFromAsar]).toBe(false);
  });

  it('sets them in the program, touching nothing else, and leaves a set program alone', async () => {
    const program = standInProgram('electron');
    expect(await flipAppFuses(program.path, false)).toBe('flipped');
    const wire = (await getCurrentFuseWire(program.path)) as unknown as Record<number, number>;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => wire[i])).toEqual([
      off,
      on,
      off,
      off,
      off,
      off,
      off,
      off,
      on,
    ]);
    const bytes = readFileSync(program.path);
    expect(bytes.length).toBe(program.before.length);
    expect(
      bytes.subarray(0, program.wireAt).equals(program.before.subarray(0, program.wireAt)),
    ).toBe(true);
    expect(
      bytes.subarray(program.wireAt + 9).equals(program.before.subarray(program.wireAt + 9)),
    ).toBe(true);

    expect(await flipAppFuses(program.path, false)).toBe('already set');
    expect(await flipAppFuses(program.path, true)).toBe('flipped');
    const packaged = (await getCurrentFuseWire(program.path)) as unknown as Record<number, number>;
    expect([packaged[4], packaged[5]]).toEqual([on, on]);
  });

  it('refuses, changing nothing, a program whose fuse wire is shorter than the app asks for', async () => {
    const program = standInProgram('older-electron', 5);
    await expect(flipAppFuses(program.path, false)).rejects.toThrow(/not long enough/);
    expect(readFileSync(program.path).equals(program.before)).toBe(true);
  });

  it('can be run on a packaged app’s program', { timeout: 30_000 }, () => {
    const program = standInProgram('packaged-electron');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/flip-fuses.ts', '--packaged', program.path],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Electron's fuses set on ${program.path}.`);
    expect(run.status).toBe(0);
  });
});
