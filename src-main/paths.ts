import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Involvement Desk';
export const DB_FILE_NAME = 'involvement-desk.sqlite';
export const DB_ENV = 'INVOLVEMENT_DESK_DB';

/** The same folder Electron uses for the app's user data, so the CLI and the app share a database. */
export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** A flag beats the environment, which beats the default location. */
export function resolveDbPath(flag: string | undefined, userDataDir = defaultDataDir()): string {
  return flag ?? process.env[DB_ENV] ?? join(userDataDir, DB_FILE_NAME);
}
