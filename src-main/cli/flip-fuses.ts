import { resolve } from 'node:path';
import {
  flipFuses,
  FuseState,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses';

/**
 * Electron's fuses: switches in its program that turn features off for good,
 * whatever the environment or command line says. The app uses none of these,
 * and each is a way in for someone who can start the program with their own
 * variables or arguments (see SECURITY.md).
 *
 *   npm run cli -- fuses [PROGRAM] [--packaged]
 *   tsx src-main/cli/flip-fuses.ts [--packaged] [PROGRAM]   (the same, without loading the app)
 *
 * Run before `npm start` and `npm run dev` on the downloaded program
 * (check-electron.ts), and with --packaged on the program of a packaged app.
 */

/** What each fuse is set to. The two ASAR fuses only where the app is packaged in an ASAR archive. */
export function fuseConfig(packaged: boolean): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the program into a plain Node.js.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other session data encrypted with the system's keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS could preload code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and friends would open a debugger on the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // A packaged app's archive is checked against the hash built into it, and
    // nothing outside the archive is loaded as the app. Off in development,
    // where the app is the `out/` folder, not an archive.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: packaged,
    [FuseV1Options.OnlyLoadAppFromAsar]: packaged,
    // Electron's defaults, kept.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
    // The app is served from its own scheme: file:// pages get no extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Whether the program's fuses already read as the config asks. */
export async function fusesMatch(binary: string, config: FuseV1Config): Promise<boolean> {
  const current = (await getCurrentFuseWire(binary)) as unknown as Record<string, unknown>;
  return Object.values(FuseV1Options)
    .filter((o): o is FuseV1Options => typeof o === 'number')
    .every((option) => {
      const wanted = (config as unknown as Record<number, boolean | undefined>)[option];
      if (wanted === undefined || current[option] === undefined) return true;
      if (current[option] === FuseState.REMOVED) return true;
      return current[option] === (wanted ? FuseState.ENABLE : FuseState.DISABLE);
    });
}

/** Flips the fuses, unless they already read right (so a running program is left alone). */
export async function flipAppFuses(
  binary: string,
  packaged: boolean,
): Promise<'flipped' | 'already set'> {
  const config = fuseConfig(packaged);
  if (await fusesMatch(binary, config)) return 'already set';
  await flipFuses(binary, config);
  return 'flipped';
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const args = process.argv.slice(2);
  const packaged = args.includes('--packaged');
  const named = args.find((a) => !a.startsWith('--'));
  const { electronBinaryPath, electronPackageDir } = await import('./check-electron');
  const binary =
    named ??
    electronBinaryPath(electronPackageDir(resolve(import.meta.dirname, '../..')), process.env);
  if (!binary) {
    console.error("Electron's program was not found, so its fuses were not set.");
    process.exitCode = 1;
  } else {
    const outcome = await flipAppFuses(binary, packaged);
    console.log(`Electron's fuses ${outcome === 'flipped' ? 'set' : 'already set'} on ${binary}.`);
  }
}
