import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeHistory } from '../../../src-shared/history/words';
import { historyFieldsFor } from '../../../src-shared/history/fields';
import type { Input, MethodName, Result } from '../../../src-shared/api';
import { ApiError } from '../../../src-shared/errors';
import { openTestApp, TEST_KEY_HEX, TEST_PASSPHRASE, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
});
afterEach(() => app.close());

/** Calls as one window of the desktop app, which has its own signed-in profile. */
function inWindow(session: string) {
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> => {
    const result = await app.backend.call(method, input, { session });
    if (!result.ok) throw ApiError.fromBody(result.error);
    return result.value as Result<M>;
  };
}

async function colleague(name = 'Olu Officer'): Promise<string> {
  const made = await app.call('staff.create', { name, role: 'officer', email: null });
  return made.id;
}

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('signing in with a passphrase', () => {
  it('asks a new profile to choose a passphrase, then to type it; a wrong one is refused', async () => {
    const olu = await colleague();
    const win = inWindow('window-1');
    expect((await win('session.profiles', {})).find((p) => p.id === olu)).toMatchObject({
      name: 'Olu Officer',
      passphraseSet: false,
    });
    await expect(
      win('session.signIn', { staffId: olu, passphrase: 'anything at all' }),
    ).rejects.toThrow('Olu Officer has no passphrase yet: choose one to sign in.');

    await expect(
      win('session.setPassphrase', { staffId: olu, passphrase: 'short', confirmation: 'short' }),
    ).rejects.toMatchObject({ fields: [{ path: 'passphrase' }] });
    await expect(
      win('session.setPassphrase', {
        staffId: olu,
        passphrase: 'river stones and moss',
        confirmation: 'river stones and mass',
      }),
    ).rejects.toThrow('The two passphrases are not the same.');
    const chosen = await win('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    expect(chosen.staff?.name).toBe('Olu Officer');
    // Once set, nobody can choose it again over the top.
    await expect(
      inWindow('window-2')('session.setPassphrase', {
        staffId: olu,
        passphrase: 'taken over by someone',
        confirmation: 'taken over by someone',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    await win('session.signOut', {});
    await expect(
      win('session.signIn', { staffId: olu, passphrase: 'river stones and mess' }),
    ).rejects.toThrow('That passphrase is not right. Check it and try again.');
    expect((await win('session.state', {})).staff).toBeNull();
    expect(
      (await win('session.signIn', { staffId: olu, passphrase: 'river stones and moss' })).staff
        ?.name,
    ).toBe('Olu Officer');
  });

  it('keeps the hash, salt and cost in their own table and no form of the passphrase in the change log', async () => {
    const olu = await colleague();
    await inWindow('window-1')('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    const ctx = await app.ctx();
    const row = ctx.raw
      .prepare('SELECT * FROM staff_credentials WHERE staff_id = ?')
      .get(olu) as Record<string, unknown>;
    expect(row).toMatchObject({
      algorithm: 'scrypt',
      cost: 2 ** 14,
      block_size: 8,
      key_length: 32,
    });
    const hash = row.hash as Buffer;
    const salt = row.salt as Buffer;
    const log = JSON.stringify(ctx.raw.prepare('SELECT * FROM change_log').all());
    for (const secret of [
      'river stones and moss',
      TEST_PASSPHRASE,
      hash.toString('hex'),
      hash.toString('base64'),
      salt.toString('hex'),
      salt.toString('base64'),
    ])
      expect(log).not.toContain(secret);
    const logged = ctx.raw
      .prepare(
        `SELECT field, before, after FROM change_log WHERE entity = 'staff' AND entity_id = ?`,
      )
      .all(olu);
    expect(logged).toContainEqual({ field: 'passphrase', before: '"none"', after: '"set"' });
  });

  it('checks a hash with the cost it was made with, and remakes it at today’s cost on a good sign-in', async () => {
    const olu = await colleague();
    const win = inWindow('window-1');
    await win('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    await win('session.signOut', {});
    const costOf = () =>
      app.backend.context.raw
        .prepare('SELECT cost, key_length, hash FROM staff_credentials WHERE staff_id = ?')
        .get(olu) as { cost: number; key_length: number; hash: Buffer };
    const before = costOf();
    expect(before).toMatchObject({ cost: 2 ** 14, key_length: 32 });
    // The app's cost is raised: the old hash still opens, and is remade.
    app.backend.context.passphraseCost = {
      cost: 2 ** 15,
      blockSize: 8,
      parallelism: 1,
      keyLength: 64,
    };
    await win('session.signIn', { staffId: olu, passphrase: 'river stones and moss' });
    const after = costOf();
    expect(after).toMatchObject({ cost: 2 ** 15, key_length: 64 });
    expect(after.hash.equals(before.hash)).toBe(false);
    await win('session.signOut', {});
    await win('session.signIn', { staffId: olu, passphrase: 'river stones and moss' });
    await expect(
      win('session.signIn', { staffId: olu, passphrase: 'river stones and mass' }),
    ).rejects.toThrow('That passphrase is not right.');
  });

  it('slows down after five wrong passphrases, by the app’s clock, and a good one clears the count', async () => {
    const olu = await colleague();
    const win = inWindow('window-1');
    await win('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    await win('session.signOut', {});
    const wrong = () => win('session.signIn', { staffId: olu, passphrase: 'not the phrase' });
    for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toThrow('Check it and try again.');
    await expect(wrong()).rejects.toThrow(
      'That passphrase is not right. After 5 wrong tries, try again in 30 seconds.',
    );
    // During the wait even the right passphrase is not checked.
    app.clock.set('2026-11-23T10:00:10.000Z');
    await expect(
      win('session.signIn', { staffId: olu, passphrase: 'river stones and moss' }),
    ).rejects.toThrow('Too many wrong passphrases for Olu Officer. Try again in 20 seconds.');
    // The wait is the profile's, whichever window asks.
    await expect(
      inWindow('window-2')('session.signIn', { staffId: olu, passphrase: 'river stones and moss' }),
    ).rejects.toThrow('Try again in 20 seconds.');
    // Another profile is not held up.
    expect((await app.call('session.state', {})).staff?.name).toBe('Test administrator');

    app.clock.set('2026-11-23T10:00:31.000Z');
    await expect(wrong()).rejects.toThrow('After 6 wrong tries, try again in 1 minute.');
    app.clock.set(later('2026-11-23T10:00:31.000Z', 61_000));
    await expect(wrong()).rejects.toThrow('After 7 wrong tries, try again in 2 minutes.');

    app.clock.set('2026-11-23T10:10:00.000Z');
    await win('session.signIn', { staffId: olu, passphrase: 'river stones and moss' });
    await win('session.signOut', {});
    await expect(wrong()).rejects.toThrow('Check it and try again.');
  });

  it('keeps the count of failures across a restart of the app', async () => {
    const olu = await colleague();
    const win = inWindow('window-1');
    await win('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    await win('session.signOut', {});
    for (let i = 0; i < 5; i++)
      await expect(
        win('session.signIn', { staffId: olu, passphrase: 'not the phrase' }),
      ).rejects.toThrow();
    const ctx = await app.ctx();
    const row = ctx.raw
      .prepare('SELECT failed_attempts, retry_after FROM staff_credentials WHERE staff_id = ?')
      .get(olu);
    expect(row).toEqual({ failed_attempts: 5, retry_after: '2026-11-23T10:00:30.000Z' });
  });

  it('never signs in as the command line’s own profile', async () => {
    const ctx = await app.ctx();
    const { openSession } = await import('../../../src-main/cli/io');
    await app.backend.close();
    // The command line takes its key from the environment, as it does in use.
    vi.stubEnv('INVOLVEMENT_DESK_KEY', TEST_KEY_HEX);
    const cli = await openSession(ctx.dbPath);
    try {
      const result = await cli.backend.call('session.setPassphrase', {
        staffId: cli.actor.id,
        passphrase: 'i am the command line',
        confirmation: 'i am the command line',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // The command line itself needs no passphrase: it acts as its own profile.
      expect(await cli.call('organisation.rename', { name: 'Renamed from the CLI' })).toMatchObject(
        {
          name: 'Renamed from the CLI',
        },
      );
    } finally {
      await cli.close();
    }
  });
});

describe('an administrator resetting a colleague’s passphrase', () => {
  it('deletes the hash, signs the colleague out, and logs “reset” with no secret', async () => {
    const olu = await colleague();
    const oluWindow = inWindow('window-olu');
    await oluWindow('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    await app.call('staff.resetPassphrase', { staffId: olu });
    expect((await oluWindow('session.state', {})).staff).toBeNull();
    expect((await app.call('session.profiles', {})).find((p) => p.id === olu)?.passphraseSet).toBe(
      false,
    );
    await expect(
      oluWindow('session.signIn', { staffId: olu, passphrase: 'river stones and moss' }),
    ).rejects.toThrow('has no passphrase yet');
    await oluWindow('session.setPassphrase', {
      staffId: olu,
      passphrase: 'a new phrase for olu',
      confirmation: 'a new phrase for olu',
    });

    const history = await app.call('history.forRecord', { entity: 'staff', id: olu });
    const words = describeHistory(historyFieldsFor('staff'), history);
    const said = words.map(
      (w) => `${w.actorName}: ${w.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join('; ')}`,
    );
    expect(said.slice(0, 3)).toEqual([
      'Olu Officer: Passphrase Reset → Set',
      'Test administrator: Passphrase Set → Reset',
      'Olu Officer: Passphrase Not set → Set',
    ]);
    const everything = JSON.stringify(history);
    expect(everything).not.toContain('river stones');
    expect(everything).not.toContain('a new phrase');
  });

  it('is for administrators only, and not for their own passphrase', async () => {
    const olu = await colleague();
    const admin = (await app.call('session.state', {})).staff!.id;
    await expect(app.call('staff.resetPassphrase', { staffId: admin })).rejects.toThrow(
      'You cannot reset your own passphrase',
    );
    await app.signInAs('coordinator', 'Cora Coordinator');
    await expect(app.call('staff.resetPassphrase', { staffId: olu })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'An involvement coordinator cannot do this. Allowed: Administrator.',
    });
    await expect(app.call('staff.resetPassphrase', { staffId: admin })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('locking an idle window', () => {
  async function oluInWindow() {
    const olu = await colleague();
    const win = inWindow('window-1');
    await win('session.setPassphrase', {
      staffId: olu,
      passphrase: 'river stones and moss',
      confirmation: 'river stones and moss',
    });
    return win;
  }

  it('locks after the organisation’s idle time, answers only the lock screen, and unlocks with the passphrase', async () => {
    const win = await oluInWindow();
    expect(await win('session.state', {})).toMatchObject({ locked: false, idleMinutes: 15 });
    app.clock.set('2026-11-23T10:14:00.000Z');
    expect(await win('session.activity', {})).toEqual({ locked: false });
    app.clock.set('2026-11-23T10:28:59.000Z');
    expect((await win('customers.list', {})).rows).toBeDefined();
    // Reading data is not use: the window still locks 15 minutes after the last keypress.
    app.clock.set('2026-11-23T10:29:00.000Z');
    const locked = await win('session.state', {});
    expect(locked).toMatchObject({
      locked: true,
      staff: { name: 'Olu Officer' },
      organisationName: null,
    });
    await expect(win('customers.list', {})).rejects.toThrow(
      'Involvement Desk locked itself after a time with no use. Type your passphrase to go on.',
    );
    expect(await win('session.activity', {})).toEqual({ locked: true });
    await expect(win('session.unlock', { passphrase: 'not it at all' })).rejects.toThrow(
      'That passphrase is not right.',
    );
    // Moving the clock back does not open it either.
    app.clock.set('2026-11-23T10:00:00.000Z');
    expect((await win('session.state', {})).locked).toBe(true);
    const open = await win('session.unlock', { passphrase: 'river stones and moss' });
    expect(open).toMatchObject({ locked: false, staff: { name: 'Olu Officer' } });
    expect((await win('customers.list', {})).rows).toBeDefined();
    // The tests' and command line's own session has no window to lock.
    app.clock.set('2026-11-25T10:00:00.000Z');
    expect((await app.call('session.state', {})).locked).toBe(false);
  });

  it('takes the idle time from the organisation’s setting, which only an administrator changes', async () => {
    await app.call('session.setIdleMinutes', { minutes: 5 });
    await expect(app.call('session.setIdleMinutes', { minutes: 0 })).rejects.toMatchObject({
      fields: [{ path: 'minutes' }],
    });
    const win = await oluInWindow();
    expect((await win('session.state', {})).idleMinutes).toBe(5);
    await expect(win('session.setIdleMinutes', { minutes: 240 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    app.clock.set('2026-11-23T10:05:00.000Z');
    expect((await win('session.state', {})).locked).toBe(true);
  });
});
