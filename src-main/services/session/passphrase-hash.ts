import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters, stored beside each hash so they can be raised later. */
export interface ScryptParams {
  /** N: the CPU and memory cost, a power of two. */
  cost: number;
  /** r */
  blockSize: number;
  /** p */
  parallelism: number;
  keyLength: number;
}

/**
 * OWASP's recommended minimum for scrypt (N = 2^17, r = 8, p = 1): 128 MiB
 * and about half a second per guess on a laptop, so a copied database cannot
 * be guessed through quickly.
 */
export const DEFAULT_SCRYPT: ScryptParams = {
  cost: 2 ** 17,
  blockSize: 8,
  parallelism: 1,
  keyLength: 32,
};

/** Below this no hash is made, whoever asks: the floor for a cheaper cost in tests. */
const LEAST_COST = 2 ** 14;
const SALT_BYTES = 16;

export interface PassphraseHash extends ScryptParams {
  hash: Buffer;
  salt: Buffer;
}

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.cost,
    r: params.blockSize,
    p: params.parallelism,
    // scrypt needs 128 · N · r bytes; Node's default ceiling (32 MiB) is below the default cost.
    maxmem: 256 * params.cost * params.blockSize,
  };
  return new Promise((done, fail) =>
    scrypt(passphrase.normalize('NFC'), salt, params.keyLength, options, (error, key) =>
      error ? fail(error) : done(key),
    ),
  );
}

export async function hashPassphrase(
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<PassphraseHash> {
  if (params.cost < LEAST_COST || params.keyLength < 16)
    throw new Error('The passphrase cost is below the least the app allows.');
  const salt = randomBytes(SALT_BYTES);
  return { ...params, salt, hash: await derive(passphrase, salt, params) };
}

/** Checks with the parameters the hash was made with, in constant time. */
export async function verifyPassphrase(
  passphrase: string,
  stored: PassphraseHash,
): Promise<boolean> {
  const key = await derive(passphrase, stored.salt, stored);
  return key.length === stored.hash.length && timingSafeEqual(key, stored.hash);
}

/** A hash made with other parameters than today's is remade at the next good sign-in. */
export function needsRehash(stored: ScryptParams, current: ScryptParams): boolean {
  return (
    stored.cost !== current.cost ||
    stored.blockSize !== current.blockSize ||
    stored.parallelism !== current.parallelism ||
    stored.keyLength !== current.keyLength
  );
}
