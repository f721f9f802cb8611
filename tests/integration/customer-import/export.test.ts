import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const csv = [
  'Ref,First name,Last name,Email,Postcode,Date of birth,Landlord,Status,Interests',
  'E1,Ada,Lovelace,ada@example.org,TS1 2AB,10/12/1985,Erimus Housing,Active,Policies; Complaints',
  'E2,Mary,Seacole,mary@example.org,TS5 6AA,01/03/1960,Tees Valley Housing,Interested,',
  'E3,Zoë,Alvarez,,TS17 6BA,,Erimus Housing,Active,',
].join('\n');

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
  await app.call('organisation.applyTemplate', {});
  const file = { fileName: 'seed.csv', contentBase64: base64(csv) };
  const preview = await app.call('customerTransfer.previewImport', file);
  expect(preview.errors).toEqual([]);
  await app.call('customerTransfer.commitImport', { ...file, mapping: preview.mapping });
});
afterEach(async () => {
  await app.close();
});

async function readBack(contentBase64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as never);
  return workbook.worksheets[0]!;
}

function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

describe('exporting customers', () => {
  it('writes a workbook with headers, a frozen bold header row, a filter and real dates', async () => {
    const file = await app.call('customerTransfer.exportXlsx', {});
    expect(file.fileName).toBe('customers-2026-11-23.xlsx');
    expect(file.rows).toBe(3);

    const sheet = await readBack(file.contentBase64);
    const names = headers(sheet);
    expect(names.slice(0, 5)).toEqual([
      'Customer reference',
      'First name',
      'Last name',
      'Preferred name',
      'Email',
    ]);
    // Equality data is left out unless asked for; consent is always there.
    expect(names).not.toContain('Gender');
    expect(names).toContain('Consent: Keep my details on the Customer Voice register');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(5).width).toBeGreaterThan(20);

    // In the register's order: by last name.
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(3).value)).toEqual([
      'Alvarez',
      'Lovelace',
      'Seacole',
    ]);
    const dob = sheet.getRow(3).getCell(names.indexOf('Date of birth') + 1);
    expect(dob.value).toBeInstanceOf(Date);
    expect((dob.value as Date).toISOString().slice(0, 10)).toBe('1985-12-10');
    expect(dob.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(3).getCell(names.indexOf('Landlord') + 1).value).toBe('Erimus Housing');
    expect(sheet.getRow(3).getCell(names.indexOf('Interests') + 1).value).toBe(
      'Complaints; Policies',
    );
  });

  it('exports only what the list filters select', async () => {
    const file = await app.call('customerTransfer.exportXlsx', { search: 'Seacole' });
    expect(file.rows).toBe(1);
    const sheet = await readBack(file.contentBase64);
    expect(sheet.rowCount).toBe(2);
  });

  it('says what each customer consented to', async () => {
    const ada = (await app.call('customers.list', { search: 'Lovelace' })).rows[0]!;
    const record = await app.call('customers.get', { id: ada.id });
    await app.call('customers.update', {
      id: ada.id,
      expectedUpdatedAt: record.updatedAt,
      patch: {
        consents: [
          { purpose: 'register', givenOn: '2026-03-02', method: 'paper_form' },
          { purpose: 'contact', givenOn: '2026-03-02', method: 'email', withdrawnOn: '2026-06-01' },
        ],
      },
    });
    const sheet = await readBack((await app.call('customerTransfer.exportXlsx', {})).contentBase64);
    const names = headers(sheet);
    const cell = (row: number, header: string) =>
      sheet.getRow(row).getCell(names.indexOf(header) + 1).value;
    expect(cell(3, 'Consent: Keep my details on the Customer Voice register')).toBe(
      'Given 2 Mar 2026 (signed paper form)',
    );
    expect(cell(3, 'Consent: Contact me about involvement opportunities')).toBe(
      'Withdrawn 1 Jun 2026',
    );
    expect(cell(2, 'Consent: Contact me about involvement opportunities')).toBe('Not recorded');
  });

  it('includes equality columns only when asked, and only for roles that may see them', async () => {
    await app.signInAs('team_leader');
    expect(
      headers(await readBack((await app.call('customerTransfer.exportXlsx', {})).contentBase64)),
    ).not.toContain('Ethnic group');
    expect(
      headers(
        await readBack(
          (await app.call('customerTransfer.exportXlsx', { includeEquality: true })).contentBase64,
        ),
      ),
    ).toContain('Ethnic group');
    // Every role that may export may also read equality data today; officers may do neither.
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('officer');
    await expect(app.call('customerTransfer.exportXlsx', {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('round-trips: importing the exported workbook changes nobody', async () => {
    const exported = await app.call('customerTransfer.exportXlsx', {});
    const file = { fileName: exported.fileName, contentBase64: exported.contentBase64 };
    const preview = await app.call('customerTransfer.previewImport', file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: 3, create: 0, update: 0, unchanged: 3 });
  });
});
