import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyFromBytes, KEY_BYTES, type DatabaseKey } from './db/database-key';

/**
 * The desktop app's database key: 32 random bytes made on first run and kept
 * only wrapped (encrypted) by the operating system's own store, through
 * Electron's safeStorage: the Keychain on macOS, DPAPI on Windows, the
 * Secret Service (GNOME Keyring, KWallet) on Linux. The wrapped key and the
 * name of what wrapped it are kept in `database-key.json` in the user data
 * folder; the key itself is never written anywhere.
 *
 * This module knows nothing of Electron: the shell passes in a `KeyWrapper`
 * made from safeStorage (electron-key.ts), and the tests pass their own.
 */
export interface KeyWrapper {
  /** What protects the key: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text'… */
  protection(): string;
  available(): boolean;
  wrap(plain: string): Buffer;
  unwrap(wrapped: Buffer): string;
}

export const KEY_RECORD_FILE = 'database-key.json';

interface KeyRecord {
  format: 1;
  protection: string;
  createdAt: string;
  wrappedKey: string;
}

/** Protections that keep the key behind the user's own login, not in plain text. */
const PLAIN_TEXT = new Set(['basic_text', 'unknown']);

const names: Record<string, string> = {
  keychain: 'the macOS Keychain',
  dpapi: 'Windows Data Protection (DPAPI)',
  gnome_libsecret: 'the Secret Service (GNOME Keyring or compatible)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

export function protectionName(protection: string): string {
  return names[protection] ?? protection;
}

export class KeyStoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreRefused';
  }
}

export const NO_KEYRING_MESSAGE =
  'Involvement Desk keeps its database encrypted, and it needs a keyring to keep the key safe. This computer offers none: Electron can only store the key in plain text here, which anyone with a copy of the disk could read, so the app will not start. Install and unlock a keyring, then start the app again: on GNOME (Ubuntu, Fedora) the "gnome-keyring" and "libsecret-1-0" packages; on KDE the "kwalletmanager" (KWallet) package. On another desktop, run a Secret Service provider (such as gnome-keyring-daemon or KeePassXC with Secret Service turned on), or tell Electron which to use with --password-store=gnome-libsecret or --password-store=kwallet5.';

/**
 * The key for this installation: unwrapped if it was made before, else made
 * now and kept wrapped. Refuses (KeyStoreRefused) where the only protection
 * on offer is plain text, or where the kept key cannot be unwrapped.
 */
export function loadOrCreateKey(
  folder: string,
  wrapper: KeyWrapper,
  now: Date,
): { key: DatabaseKey; protection: string; created: boolean } {
  const file = join(folder, KEY_RECORD_FILE);
  const protection = wrapper.protection();
  if (!wrapper.available() || PLAIN_TEXT.has(protection))
    throw new KeyStoreRefused(NO_KEYRING_MESSAGE);

  if (existsSync(file)) {
    let record: KeyRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as KeyRecord;
    } catch {
      throw new KeyStoreRefused(
        `The file that holds the database key (${file}) is damaged, so the database cannot be opened. It has been left untouched. Restore it from a copy, or restore a backup together with its key.`,
      );
    }
    try {
      const hex = wrapper.unwrap(Buffer.from(record.wrappedKey, 'base64'));
      return {
        key: keyFromBytes(Buffer.from(hex, 'hex')),
        protection: record.protection,
        created: false,
      };
    } catch {
      throw new KeyStoreRefused(
        `The database key was kept by ${protectionName(record.protection)}, which cannot unlock it now (the keyring may be locked, or belong to another user or computer). Unlock your keyring, or sign in as the person who set the app up, and start again. Nothing has been changed.`,
      );
    }
  }

  mkdirSync(folder, { recursive: true });
  const key = keyFromBytes(randomBytes(KEY_BYTES));
  const record: KeyRecord = {
    format: 1,
    protection,
    createdAt: now.toISOString(),
    wrappedKey: wrapper.wrap(key).toString('base64'),
  };
  // Proves the wrapper gives the key back before anything is encrypted with it.
  if (wrapper.unwrap(Buffer.from(record.wrappedKey, 'base64')) !== key)
    throw new KeyStoreRefused(
      `${protectionName(protection)} did not give back the key it was given, so the app cannot keep its database safe.`,
    );
  const part = `${file}.part`;
  writeFileSync(part, JSON.stringify(record, null, 2), { mode: 0o600 });
  renameSync(part, file);
  return { key, protection, created: true };
}
