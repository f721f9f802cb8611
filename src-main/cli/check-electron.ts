import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Run before `npm start` and `npm run dev`. Electron's program is fetched by
 * its package's install script from outside the npm registry; where that
 * could not happen, electron-vite fails with a bare "Electron uninstall" or a
 * spawn error. This says what happened and what to do instead.
 */

const projectDir = resolve(import.meta.dirname, '../..');

/** The folder of the installed `electron` package, or null when it is not installed. */
export function electronPackageDir(fromDir: string): string | null {
  try {
    return dirname(createRequire(join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Finds the Electron program the way electron-vite does (ELECTRON_EXEC_PATH,
 * else the package's path.txt under its dist folder) without loading the
 * package, whose entry point would try to download it. Returns what is wrong,
 * or null when the program is there.
 */
export function electronBinaryProblem(
  packageDir: string | null,
  env: NodeJS.ProcessEnv,
): string | null {
  const override = env.ELECTRON_EXEC_PATH;
  if (override) {
    return existsSync(override)
      ? null
      : `ELECTRON_EXEC_PATH names ${override}, which does not exist.`;
  }
  if (!packageDir) return 'The electron package is not installed (run npm install).';
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return notDownloaded(packageDir);
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? null : notDownloaded(packageDir);
}

/** The Electron program electron-vite will start, or null when there is none. */
export function electronBinaryPath(
  packageDir: string | null,
  env: NodeJS.ProcessEnv,
): string | null {
  if (electronBinaryProblem(packageDir, env)) return null;
  if (env.ELECTRON_EXEC_PATH) return env.ELECTRON_EXEC_PATH;
  return join(packageDir!, 'dist', readFileSync(join(packageDir!, 'path.txt'), 'utf8').trim());
}

function notDownloaded(packageDir: string): string {
  return [
    `Electron's program was not downloaded when the packages were installed: there is none under ${join(packageDir, 'dist')}.`,
    "That happens when npm install runs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or cannot reach Electron's download site.",
    `To fetch it now, run: node ${join(packageDir, 'install.js')}`,
  ].join('\n');
}

export function desktopUnavailableMessage(problem: string): string {
  return [
    'Involvement Desk cannot start as a desktop app here.',
    '',
    problem,
    '',
    'To use the app in a browser instead, run:',
    '',
    '  npm run cli -- host',
    '',
    'It serves the same app on 127.0.0.1 and prints the link to open.',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const problem = electronBinaryProblem(electronPackageDir(projectDir), process.env);
  if (problem) {
    console.error(desktopUnavailableMessage(problem));
    process.exitCode = 1;
  } else if (!process.env.ELECTRON_EXEC_PATH) {
    // The program this project downloaded is there: switch off the features
    // the app never uses. A program named by ELECTRON_EXEC_PATH may be shared
    // with other apps, so it is left as it is.
    const binary = electronBinaryPath(electronPackageDir(projectDir), process.env)!;
    const { flipAppFuses } = await import('./flip-fuses');
    try {
      if ((await flipAppFuses(binary, false)) === 'flipped')
        console.log(`Electron's fuses set on ${binary} (see SECURITY.md).`);
    } catch (error) {
      console.error(
        `Electron's fuses could not be set on ${binary}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
