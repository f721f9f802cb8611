import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('staff profiles and roles', () => {
  it('lets only an administrator add profiles once one exists', async () => {
    const officer = await app.signInAs('officer', 'Olive Officer');
    await expect(
      app.call('staff.create', { name: 'Mallory', role: 'administrator', email: null }),
    ).rejects.toThrow('An involvement officer cannot do this. Allowed: Administrator.');
    await expect(
      app.call('staff.update', { id: officer, role: 'administrator' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('checks the role in the main process, whatever the screen shows', async () => {
    await app.signInAs('officer', 'Olive Officer');
    await expect(
      app.call('organisation.saveLandlord', {
        name: 'X',
        shortName: null,
        isPartner: true,
        homes: null,
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(app.call('system.backup', {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses calls from nobody', async () => {
    await app.call('session.signOut', {});
    const result = await app.backend.call('organisation.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('names the fields at fault for bad input, and saves nothing', async () => {
    const result = await app.backend.call('staff.create', {
      name: '',
      role: 'chief',
      email: 'not-an-email',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.fields.map((f) => f.path).sort()).toEqual(['email', 'name', 'role']);
    expect(result.error.fields.find((f) => f.path === 'name')!.message).toBe('Name is required.');
    const staff = await app.call('staff.list', {});
    expect(staff.map((s) => s.name)).toEqual(['Test administrator']);
  });

  it('records who made each change', async () => {
    const officerId = await app.signInAs('coordinator', 'Cora Coordinator');
    await app.signInAs('administrator', 'Test administrator');
    await app.call('organisation.saveLandlord', {
      name: 'By Admin',
      shortName: null,
      isPartner: true,
      homes: null,
    });
    const row = app.backend.context.raw
      .prepare(`SELECT updated_by FROM landlords WHERE name = 'By Admin'`)
      .get() as { updated_by: string };
    expect(row.updated_by).not.toBe(officerId);
    const staff = await app.call('staff.list', {});
    expect(staff.find((s) => s.id === row.updated_by)?.name).toBe('Test administrator');
  });

  it('remembers who is signed in across a restart of the backend', async () => {
    const state = await app.call('session.state', {});
    expect(state.staff?.name).toBe('Test administrator');
    expect(state.firstRun).toBe(false);
  });
});

describe('organisation template', () => {
  it('sets up the default landlords and areas once, from data', async () => {
    const org = await app.call('organisation.applyTemplate', {});
    expect(org.name).toBe('Thirteen Group');
    expect(org.landlords.filter((l) => l.isPartner).map((l) => l.name)).toEqual([
      'Erimus Housing',
      'Tees Valley Housing',
      'Housing Hartlepool',
      'Tristar Homes',
    ]);
    expect(org.areas.find((a) => a.name === 'Hartlepool')?.population).toBe(6800);
    await expect(app.call('organisation.applyTemplate', {})).rejects.toThrow(
      /already has landlords/,
    );
  });

  it('refuses a second landlord of the same name, naming the field', async () => {
    await app.call('organisation.saveLandlord', {
      name: 'Coastal Homes',
      shortName: null,
      isPartner: true,
      homes: null,
    });
    await expect(
      app.call('organisation.saveLandlord', {
        name: 'coastal homes',
        shortName: null,
        isPartner: true,
        homes: null,
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ path: 'name', message: 'Another landlord has this name.' }],
    });
  });
});

describe('the command line’s own profile', () => {
  it('is not a person: it neither ends first run nor appears among the staff', async () => {
    const fresh = await openTestApp();
    const ctx = fresh.backend.context;
    await fresh.call('session.signOut', {});
    const { uuidv7 } = await import('uuidv7');
    const id = uuidv7();
    ctx.raw.prepare(`INSERT INTO app_meta (key, value) VALUES ('cli_staff_id', ?)`).run(id);
    ctx.raw
      .prepare(
        `INSERT INTO staff (id, created_at, updated_at, updated_by, name, role) VALUES (?, 'x', 'x', ?, 'Command line', 'administrator')`,
      )
      .run(id, id);
    const staff = await fresh.call('staff.list', {});
    expect(staff.map((s) => s.name)).toEqual(['Test administrator']);
    await fresh.close();
  });
});
