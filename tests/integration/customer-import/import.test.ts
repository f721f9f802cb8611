import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { openTestApp, type TestApp } from '../../support/temp-db';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const goodCsv = [
  'Tenant Ref,Forename,Surname,Email,Post Code,Mobile,DOB,Tenure,Landlord,Interests',
  'T1001,Ada,Lovelace,ada@example.org,ts1 2ab,07700 900001,10/12/1985,Tenant,Erimus Housing,Repairs and maintenance; Complaints',
  'T1002,Mary,Seacole,,TS5 6AA,7700900002,1960-03-01,Leaseholder,Tees Valley Housing,',
  ',Florence,Nightingale,flo@example.org,,,,,,',
].join('\r\n');

const badCsv = [
  'Tenant Ref,Forename,Surname,Email,Post Code',
  'T2001,Good,Row,good@example.org,TS1 2AB',
  'T2002,Bad,Postcode,bad@example.org,TS1',
  'T2003,,Nameless,nameless@example.org,TS1 3AB',
  'T2004,Bad,Email,bad@,TS1 4AB',
].join('\n');

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
  await app.signInAs('administrator', 'Test administrator');
  await app.call('organisation.applyTemplate', {});
  await app.signInAs('coordinator');
});
afterEach(async () => {
  await app.close();
});

async function customerCount(): Promise<number> {
  return (await app.call('customers.list', { limit: 1 })).total;
}

async function changeCount(): Promise<number> {
  const ctx = await app.ctx();
  const row = await ctx.db
    .selectFrom('change_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity', '=', 'customers')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('importing customers', () => {
  it('previews a file with bad rows, naming row and column, and writes nothing', async () => {
    const preview = await app.call('customerTransfer.previewImport', {
      fileName: 'register.csv',
      contentBase64: base64(badCsv),
    });
    expect(preview.mapping).toEqual(['externalRef', 'firstName', 'lastName', 'email', 'postcode']);
    expect(preview.errors.map((e) => e.message)).toEqual([
      "Row 3, column 'Post Code': 'TS1' is not a full UK postcode.",
      "Row 4, column 'Forename': First name is required.",
      "Row 5, column 'Email': 'bad@' is not an email address.",
    ]);
    expect(preview.counts).toEqual({
      rows: 4,
      create: 1,
      update: 0,
      unchanged: 0,
      deleted: 0,
      restore: 0,
      invalid: 3,
    });
    expect(preview.rows.map((r) => r.action)).toEqual(['create', 'invalid', 'invalid', 'invalid']);
    expect(await customerCount()).toBe(0);
  });

  it('refuses to import a file with any bad row, writing nothing at all', async () => {
    const error = await app
      .call('customerTransfer.commitImport', {
        fileName: 'register.csv',
        contentBase64: base64(badCsv),
        mapping: ['externalRef', 'firstName', 'lastName', 'email', 'postcode'],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'There are 3 problems in register.csv, so nothing was imported. Correct the file and import it again.',
    );
    expect((error as ApiError).fields).toContainEqual({
      path: 'row.3.postcode',
      message: "Row 3, column 'Post Code': 'TS1' is not a full UK postcode.",
    });
    expect(await customerCount()).toBe(0);
    expect(await changeCount()).toBe(0);
  });

  it('imports a good file, then re-importing it creates no duplicates and changes nothing', async () => {
    const file = { fileName: 'register.csv', contentBase64: base64(goodCsv) };
    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 3, update: 0, unchanged: 0, invalid: 0 });

    const outcome = await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: preview.mapping,
    });
    expect(outcome.counts).toMatchObject({ rows: 3, create: 3 });
    expect(await customerCount()).toBe(3);

    const list = await app.call('customers.list', { search: 'Lovelace' });
    const ada = await app.call('customers.get', { id: list.rows[0]!.id });
    expect(ada).toMatchObject({
      externalRef: 'T1001',
      postcode: 'TS1 2AB',
      mobile: '07700 900001',
      dateOfBirth: '1985-12-10',
      tenure: 'tenant',
      landlordId: expect.any(String),
      interests: ['repairs', 'complaints'],
      status: 'interested',
    });
    const mary = (await app.call('customers.list', { search: 'Seacole' })).rows[0]!;
    expect(mary.phone).toBe('07700 900002');

    const changesAfterFirst = await changeCount();
    const again = await app.call('customerTransfer.previewImport', file);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    expect(again.rows.map((r) => r.matchedBy)).toEqual(['reference', 'reference', 'email']);
    await app.call('customerTransfer.commitImport', { ...file, mapping: again.mapping });
    expect(await customerCount()).toBe(3);
    expect(await changeCount()).toBe(changesAfterFirst);
  });

  it('indexes imported customers for search in one pass, as if each had been typed in', async () => {
    const file = { fileName: 'register.csv', contentBase64: base64(goodCsv) };
    const preview = await app.call('customerTransfer.previewImport', file);
    await app.call('customerTransfer.commitImport', { ...file, mapping: preview.mapping });
    const found = async (search: string) =>
      (await app.call('customers.list', { search })).rows.map((r) => r.lastName);
    expect(await found('Lovelace')).toEqual(['Lovelace']);
    expect(await found('flo@example.org')).toEqual(['Nightingale']);
    expect(await found('T1002')).toEqual(['Seacole']);
    expect(await found('ts1 2ab')).toEqual(['Lovelace']);
    expect(await found('mary sea')).toEqual(['Seacole']);

    // Edited and deleted afterwards, the index follows the rows as the triggers keep it.
    const adaId = (await app.call('customers.list', { search: 'Lovelace' })).rows[0]!.id;
    const ada = await app.call('customers.get', { id: adaId });
    await app.call('customers.update', {
      id: ada.id,
      expectedUpdatedAt: ada.updatedAt,
      patch: { lastName: 'King' },
    });
    expect(await found('Lovelace')).toEqual([]);
    expect(await found('ada king')).toEqual(['King']);
    const flo = (await app.call('customers.list', { search: 'Nightingale' })).rows[0]!;
    await app.call('customers.delete', { id: flo.id });
    expect(await found('Nightingale')).toEqual([]);

    const ctx = await app.ctx();
    expect(ctx.raw.prepare('SELECT count(*) FROM search_index_deferred').pluck().get()).toBe(0);
    // FTS5's own check that the index holds exactly the content table's rows.
    ctx.raw.exec(`INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)`);
    const indexed = ctx.raw
      .prepare(`SELECT count(*) FROM customers_fts WHERE customers_fts MATCH '"example"*'`)
      .pluck()
      .get();
    expect(indexed).toBe(2);
  });

  it('leaves the search index untouched by an import that fails part-way', async () => {
    const ctx = await app.ctx();
    const before = ctx.raw.prepare('SELECT count(*) FROM customers_fts_docsize').pluck().get();
    const clash = ['Tenant Ref,Forename,Surname', 'T3001,Grace,Hopper', 'T3002,Alan,Turing'].join(
      '\r\n',
    );
    const file = { fileName: 'clash.csv', contentBase64: base64(clash) };
    const preview = await app.call('customerTransfer.previewImport', file);
    // A second row that the database itself refuses, after the first was written.
    ctx.raw.exec(`CREATE TEMP TRIGGER refuse_turing BEFORE INSERT ON customers
      WHEN new.last_name = 'Turing' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await expect(
      app.call('customerTransfer.commitImport', { ...file, mapping: preview.mapping }),
    ).rejects.toThrow();
    ctx.raw.exec('DROP TRIGGER temp.refuse_turing');
    expect(await customerCount()).toBe(0);
    expect(ctx.raw.prepare('SELECT count(*) FROM customers_fts_docsize').pluck().get()).toBe(
      before,
    );
    expect(ctx.raw.prepare('SELECT count(*) FROM search_index_deferred').pluck().get()).toBe(0);
    ctx.raw.exec(`INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)`);
  });

  it('updates only the fields that changed, recorded in the history', async () => {
    const file = { fileName: 'register.csv', contentBase64: base64(goodCsv) };
    await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: (await app.call('customerTransfer.previewImport', file)).mapping,
    });
    const changed = goodCsv.replace('ts1 2ab', 'TS1 9ZZ');
    const second = { fileName: 'register-v2.csv', contentBase64: base64(changed) };
    const preview = await app.call('customerTransfer.previewImport', second);
    expect(preview.counts).toMatchObject({ create: 0, update: 1, unchanged: 2 });
    expect(preview.rows[0]).toMatchObject({
      action: 'update',
      matchedBy: 'reference',
      changes: ['Postcode'],
    });
    await app.call('customerTransfer.commitImport', { ...second, mapping: preview.mapping });

    const id = (await app.call('customers.list', { search: 'Lovelace' })).rows[0]!.id;
    const history = await app.call('history.forRecord', { entity: 'customers', id });
    const update = history.find((h) => h.op === 'update');
    expect(update).toMatchObject({ reason: 'Imported from register-v2.csv' });
  });

  it('matches stored customers by reference in any case, by email and by name alone', async () => {
    const create = async (values: Record<string, unknown>) => {
      const result = await app.call('customers.create', values as never);
      if (!result.created) throw new Error('expected a new customer');
      return result.customer.id;
    };
    const byRef = await create({ firstName: 'Ada', lastName: 'Lovelace', externalRef: 'ab-77' });
    const byEmail = await create({
      firstName: 'Mary',
      lastName: 'Seacole',
      email: 'mary@example.org',
    });
    const byName = await create({ firstName: 'Sean', lastName: "O'Neill" });
    await create({ firstName: 'Sean', lastName: "O'Neill", postcode: 'TS1 2AB' });

    const csv = [
      'Ref,First name,Surname,Email,Post Code,Notes',
      'AB-77,Ada,Lovelace,,,Prefers letters',
      ',Mary,Seacole,MARY@example.org,,Prefers calls',
      ',sean,oneill,,,Prefers visits',
      'N1,New,Person,new@example.org,TS5 6AA,',
    ].join('\n');
    const file = { fileName: 'match.csv', contentBase64: base64(csv) };
    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.action, r.matchedBy])).toEqual([
      ['update', 'reference'],
      ['update', 'email'],
      ['update', 'name'],
      ['create', null],
    ]);
    await app.call('customerTransfer.commitImport', { ...file, mapping: preview.mapping });
    const notes = async (id: string) => (await app.call('customers.get', { id })).notes;
    expect(await notes(byRef)).toBe('Prefers letters');
    expect(await notes(byEmail)).toBe('Prefers calls');
    expect(await notes(byName)).toBe('Prefers visits');
    expect(await customerCount()).toBe(5);
  });

  it('checks the file again when importing, against the register as it is then', async () => {
    const csv = 'Ref,First name,Surname,Email\nT9,Grace,Hopper,grace@example.org\n';
    const file = { fileName: 'late.csv', contentBase64: base64(csv) };
    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.counts).toMatchObject({ create: 1, update: 0 });

    // Someone adds her by hand between the preview and the import.
    const added = await app.call('customers.create', {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.org',
    });
    if (!added.created) throw new Error('expected a new customer');
    const outcome = await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: preview.mapping,
    });
    expect(outcome.counts).toMatchObject({ create: 0, update: 1 });
    expect(await customerCount()).toBe(1);
    expect((await app.call('customers.get', { id: added.customer.id })).externalRef).toBe('T9');
  });

  it('imports an Excel workbook with date cells and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Surname', 'First name', 'Date of birth', 'Telephone', 'Postcode']);
    sheet.addRow(['Okafor', 'Chidi', new Date(Date.UTC(1979, 6, 4)), 1642123456, 'TS17 6BA']);
    sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await app.call('customerTransfer.previewImport', {
      fileName: 'Register.XLSX',
      contentBase64,
    });
    expect(preview.errors).toEqual([]);
    await app.call('customerTransfer.commitImport', {
      fileName: 'Register.XLSX',
      contentBase64,
      mapping: preview.mapping,
    });
    const row = (await app.call('customers.list', { search: 'Okafor' })).rows[0]!;
    const chidi = await app.call('customers.get', { id: row.id });
    expect(chidi).toMatchObject({
      dateOfBirth: '1979-07-04',
      phone: '01642 123456',
      postcode: 'TS17 6BA',
    });
  });

  it('reports a mapping that misses the names, and a file with the same person twice', async () => {
    const file = { fileName: 'r.csv', contentBase64: base64('Surname,Email\nA,a@example.org\n') };
    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.errors.map((e) => e.message)).toEqual([
      'No column is mapped to First name. Choose the column that holds it.',
    ]);
    expect(preview.counts.invalid).toBe(1);

    const twice = 'Ref,First name,Last name\nT1,Ada,Lovelace\nT1,Ada,Lovelace\n';
    const dup = await app.call('customerTransfer.previewImport', {
      fileName: 'r.csv',
      contentBase64: base64(twice),
    });
    expect(dup.errors.map((e) => e.message)).toEqual([
      'Row 3: this repeats row 2, the same customer (same customer reference): keep one of the two rows.',
    ]);
    expect(dup.errors[0]).toMatchObject({ row: 3, column: null, field: null });
  });

  it('recognises a deleted customer, leaves them out by default, and restores them only for an administrator', async () => {
    const file = { fileName: 'register.csv', contentBase64: base64(goodCsv) };
    await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: (await app.call('customerTransfer.previewImport', file)).mapping,
    });
    const all = await app.call('customers.list', { sort: 'name', limit: 10 });
    const ada = all.rows.find((r) => r.lastName === 'Lovelace')!;
    const flo = all.rows.find((r) => r.lastName === 'Nightingale')!;
    await app.call('customers.delete', { id: ada.id, reason: 'Asked to be removed' });
    await app.call('customers.delete', { id: flo.id, reason: 'Moved away' });

    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 0, unchanged: 1, deleted: 2, restore: 0 });
    expect(preview.rows.map((r) => [r.row, r.action, r.deletedOn])).toEqual([
      [2, 'deleted', '2026-11-23'],
      [3, 'unchanged', null],
      [4, 'deleted', '2026-11-23'],
    ]);

    // A coordinator's import leaves them deleted and adds nobody new in their place.
    const before = await changeCount();
    const outcome = await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: preview.mapping,
    });
    expect(outcome.counts).toMatchObject({ create: 0, deleted: 2 });
    expect(await customerCount()).toBe(1);
    expect(await changeCount()).toBe(before);

    // Bringing them back is an administrator's choice.
    await expect(
      app.call('customerTransfer.commitImport', {
        ...file,
        mapping: preview.mapping,
        restoreDeleted: true,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('administrator');
    const restoring = await app.call('customerTransfer.previewImport', {
      ...file,
      restoreDeleted: true,
    });
    expect(restoring.counts).toMatchObject({ deleted: 0, restore: 2 });
    await app.call('customerTransfer.commitImport', {
      ...file,
      mapping: preview.mapping,
      restoreDeleted: true,
    });
    expect(await customerCount()).toBe(3);
    const history = await app.call('history.forRecord', { entity: 'customers', id: ada.id });
    expect(history[0]).toMatchObject({ op: 'restore', reason: 'Imported from register.csv' });
  });

  it('lets an administrator restore a deleted customer by hand, on the record', async () => {
    const created = await app.call('customers.create', {
      firstName: 'Mary',
      lastName: 'Seacole',
      postcode: 'TS5 6AA',
      externalRef: 'T7',
    });
    if (!created.created) throw new Error('not created');
    const id = created.customer.id;
    await app.call('customers.delete', { id, reason: 'Duplicate entry' });
    await expect(app.call('customers.listDeleted', {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(app.call('customers.restore', { id })).rejects.toMatchObject({
      code: 'forbidden',
    });

    await app.signInAs('administrator');
    const deleted = await app.call('customers.listDeleted', {});
    expect(deleted).toMatchObject([
      {
        id,
        firstName: 'Mary',
        lastName: 'Seacole',
        reason: 'Duplicate entry',
        deletedBy: 'Test coordinator',
      },
    ]);
    const restored = await app.call('customers.restore', { id, reason: 'Deleted by mistake' });
    expect(restored.lastName).toBe('Seacole');
    expect(await app.call('customers.listDeleted', {})).toEqual([]);
    const history = await app.call('history.forRecord', { entity: 'customers', id });
    expect(history.map((h) => h.op).slice(0, 2)).toEqual(['restore', 'delete']);
    await expect(app.call('customers.restore', { id })).rejects.toThrow(/on the register already/);
  });

  it('is refused to officers', async () => {
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('officer');
    await expect(
      app.call('customerTransfer.previewImport', {
        fileName: 'r.csv',
        contentBase64: base64(goodCsv),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
