import { safeStorage } from 'electron';
import type { KeyWrapper } from './key-store';

/**
 * Electron's safeStorage as the key store's wrapper. Kept apart from
 * key-store.ts, so the services, the CLI and the tests never load Electron.
 * Only valid once the app is ready.
 */
export function safeStorageWrapper(platform = process.platform): KeyWrapper {
  return {
    protection: () =>
      platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : safeStorage.getSelectedStorageBackend(),
    available: () => safeStorage.isEncryptionAvailable(),
    wrap: (plain) => safeStorage.encryptString(plain),
    unwrap: (wrapped) => safeStorage.decryptString(wrapped),
  };
}
