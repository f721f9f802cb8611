import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { ApiError } from '../../src-shared/errors';

/**
 * The database key: 32 random bytes, carried as 64 lowercase hex characters
 * so it crosses into worker threads as plain data. Branded, so a stray
 * string cannot be passed where the key is meant.
 */
export type DatabaseKey = string & { readonly __databaseKey: true };

export const KEY_BYTES = 32;
export const KEY_ENV = 'INVOLVEMENT_DESK_KEY';
export const KEY_FILE_ENV = 'INVOLVEMENT_DESK_KEY_FILE';

export function databaseKey(hex: string, source = 'The database key'): DatabaseKey {
  const clean = hex.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(clean))
    throw new ApiError(
      'invalid',
      `${source} must be ${KEY_BYTES} bytes written as 64 hexadecimal characters (0-9, a-f); it is not.`,
    );
  return clean as DatabaseKey;
}

export function keyFromBytes(bytes: Uint8Array): DatabaseKey {
  if (bytes.byteLength !== KEY_BYTES)
    throw new ApiError('invalid', `The database key must be ${KEY_BYTES} bytes long.`);
  return Buffer.from(bytes).toString('hex') as DatabaseKey;
}

/**
 * Reads a key file (64 hex characters). Refused if anyone but its owner may
 * read or write it: a key in a file others can read protects nothing. On
 * Windows the mode bits say nothing about access, so the check is POSIX only.
 */
export function readKeyFile(path: string): DatabaseKey {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new ApiError(
      'invalid',
      `The key file ${path} cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  try {
    const mode = fstatSync(fd).mode;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0)
      throw new ApiError(
        'invalid',
        `The key file ${path} may be read by other people on this computer (permissions ${(mode & 0o777).toString(8)}). Make it readable by you only (chmod 600 "${path}") and try again.`,
      );
    return databaseKey(readFileSync(fd, 'utf8'), `The key in ${path}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The key for the command line and the tests: `--key-file FILE`, else
 * $INVOLVEMENT_DESK_KEY_FILE, else $INVOLVEMENT_DESK_KEY (hex). The desktop
 * app never reads these: its key lives wrapped by the system keyring
 * (key-store.ts).
 */
export function keyFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  keyFileFlag?: string,
): DatabaseKey {
  const file = keyFileFlag ?? env[KEY_FILE_ENV];
  if (file) return readKeyFile(file);
  const hex = env[KEY_ENV];
  if (hex) return databaseKey(hex, `$${KEY_ENV}`);
  throw new ApiError(
    'unauthenticated',
    `The database is encrypted, so the command line needs its key: name a key file with --key-file FILE (or $${KEY_FILE_ENV}), readable by you only, or set $${KEY_ENV} to the key's 64 hexadecimal characters.`,
  );
}
