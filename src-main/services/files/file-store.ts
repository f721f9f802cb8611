import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext } from '../context';

/*
 * The one file store for every area's attachments (case evidence,
 * self-assessment documents, and in time review evidence and receipts).
 * Files are copied into the app's own store, named by the SHA-256 of their
 * content, and never modified: the same file attached twice is stored once,
 * and a file cannot change under the record that cites it.
 */

const MAX_BYTES = 25 * 1024 * 1024;

function storeDir(ctx: Pick<AppContext, 'dataDir'>): string {
  const dir = join(ctx.dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function storedFilePath(ctx: Pick<AppContext, 'dataDir'>, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('Not a content hash.');
  return join(storeDir(ctx), hash);
}

/**
 * Stores the bytes and returns their hash and size. Called before the record
 * that cites the file is written, never inside a transaction; a file already
 * there is the same content.
 */
export function storeContent(
  ctx: Pick<AppContext, 'dataDir'>,
  contentBase64: string,
): { hash: string; sizeBytes: number } {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0)
    throw ApiError.invalid('The file is empty.', [
      { path: 'contentBase64', message: 'The file is empty.' },
    ]);
  if (bytes.length > MAX_BYTES)
    throw ApiError.invalid('Files over 25 MB cannot be attached.', [
      { path: 'contentBase64', message: 'Too large.' },
    ]);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const path = storedFilePath(ctx, hash);
  if (!existsSync(path)) writeWhole(path, bytes);
  return { hash, sizeBytes: bytes.length };
}

/**
 * Writes under a temporary name, flushes, then renames. A file named by its
 * hash is taken as stored whenever it exists, so a write cut short (a full
 * disk) must never leave one there: it would stand for that content ever
 * after.
 */
function writeWhole(path: string, bytes: Buffer): void {
  const part = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    const fd = openSync(part, 'wx', 0o444);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}

export function readStoredContent(
  ctx: Pick<AppContext, 'dataDir'>,
  hash: string,
  fileName: string,
): string {
  const path = storedFilePath(ctx, hash);
  if (!existsSync(path))
    throw new ApiError(
      'unavailable',
      `The stored copy of ${fileName} is missing from the app's file store.`,
    );
  return readFileSync(path).toString('base64');
}

/**
 * Deletes a stored file for good. Only erasure calls it, once it has made
 * sure no record that is kept still cites the content.
 */
export function deleteStoredContent(ctx: Pick<AppContext, 'dataDir'>, hash: string): boolean {
  const path = storedFilePath(ctx, hash);
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
