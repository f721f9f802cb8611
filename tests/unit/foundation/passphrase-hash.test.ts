import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassphrase,
  needsRehash,
  verifyPassphrase,
} from '../../../src-main/services/session/passphrase-hash';
import { waitAfterFailures, waitWords } from '../../../src-main/services/session/sign-in-wait';

const cheap = { cost: 2 ** 14, blockSize: 8, parallelism: 1, keyLength: 32 };

describe('passphrase hashing', () => {
  it('stores scrypt’s parameters and a fresh salt beside each hash', async () => {
    const made = await hashPassphrase('a long enough phrase');
    expect(made).toMatchObject({ cost: 2 ** 17, blockSize: 8, parallelism: 1, keyLength: 32 });
    expect(made.salt).toHaveLength(16);
    expect(made.hash).toHaveLength(32);
    const again = await hashPassphrase('a long enough phrase', cheap);
    expect(again.salt.equals(made.salt)).toBe(false);
    expect(again.hash.equals(made.hash)).toBe(false);
    expect(await verifyPassphrase('a long enough phrase', made)).toBe(true);
    expect(await verifyPassphrase('a long enough phrasE', made)).toBe(false);
    expect(await verifyPassphrase('', made)).toBe(false);
  });

  it('checks an old hash with the parameters it was made with, after the default changes', async () => {
    const old = await hashPassphrase('made under the old cost', cheap);
    const raised = { ...DEFAULT_SCRYPT, cost: 2 ** 15, keyLength: 64 };
    expect(await verifyPassphrase('made under the old cost', old)).toBe(true);
    expect(needsRehash(old, raised)).toBe(true);
    expect(needsRehash(old, cheap)).toBe(false);
    const remade = await hashPassphrase('made under the old cost', raised);
    expect(remade.hash).toHaveLength(64);
    expect(await verifyPassphrase('made under the old cost', remade)).toBe(true);
  });

  it('reads the same phrase typed in either Unicode form as one', async () => {
    const made = await hashPassphrase('caf\u00e9 au lait ok', cheap);
    expect(await verifyPassphrase('cafe\u0301 au lait ok', made)).toBe(true);
  });

  it('refuses a cost below the floor', async () => {
    await expect(hashPassphrase('whatever it is', { ...cheap, cost: 2 ** 10 })).rejects.toThrow(
      'below the least',
    );
  });
});

describe('the wait after wrong passphrases', () => {
  it('lets four slips go, then waits 30 seconds and doubles up to a quarter of an hour', () => {
    expect([0, 1, 4].map(waitAfterFailures)).toEqual([0, 0, 0]);
    expect(waitAfterFailures(5)).toBe(30_000);
    expect(waitAfterFailures(6)).toBe(60_000);
    expect(waitAfterFailures(7)).toBe(120_000);
    expect(waitAfterFailures(10)).toBe(15 * 60_000);
    expect(waitAfterFailures(1000)).toBe(15 * 60_000);
  });

  it('says the wait in words, rounded up', () => {
    expect(waitWords(30_000)).toBe('30 seconds');
    expect(waitWords(29_001)).toBe('30 seconds');
    expect(waitWords(1)).toBe('1 second');
    expect(waitWords(60_000)).toBe('1 minute');
    expect(waitWords(61_000)).toBe('2 minutes');
    expect(waitWords(15 * 60_000)).toBe('15 minutes');
  });
});
