import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Result } from '../../../src-shared/api';
import { ApiError } from '../../../src-shared/errors';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { seedPerson, SURNAME } from './person';

/*
 * Each data class, through the real dispatcher, for a role the table
 * refuses it to: the screens' calls, the history view and the exports never
 * carry it. A role the table allows it to is checked alongside, so a test
 * that found nothing because there was nothing to find would fail.
 */

let app: TestApp;
let person: Awaited<ReturnType<typeof seedPerson>>;

beforeAll(async () => {
  app = await openTestApp({ clock: '2026-03-20T12:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  person = await seedPerson(app, {
    createdAt: '2026-01-06T10:00:00.000Z',
    meetingAt: '2026-02-10T18:00:00.000Z',
  });
  app.clock.set('2026-03-20T12:00:00.000Z');
  // Profiles are made by an administrator, so each is made (and signed in once) from there.
  for (const role of ['officer', 'coordinator'] as const) {
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs(role);
  }
}, 60_000);
afterAll(() => app.close());

async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<string> {
  try {
    await app.call(method, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('forbidden');
    return (error as ApiError).message;
  }
  throw new Error(`${method} was not refused`);
}

async function workbookHeaders(file: Result<'customerTransfer.exportXlsx'>): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
  return (wb.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean).map(String);
}

const equalityWords = /White British|equality_|65–74|ethnic/i;

describe('equality, health and disability data', () => {
  it('reaches a coordinator', async () => {
    await app.signInAs('coordinator');
    const c = await app.call('customers.get', { id: person.customerId });
    expect(c.equality?.ethnicity).toBe('white_british');
    const history = await app.call('history.forRecord', {
      entity: 'customers',
      id: person.customerId,
    });
    expect(JSON.stringify(history)).toContain('white_british');
    const file = await app.call('customerTransfer.exportXlsx', { includeEquality: true } as never);
    expect(await workbookHeaders(file)).toContain('Ethnic group');
  });

  it('never reaches an officer: record, history or export', async () => {
    await app.signInAs('officer');
    const c = await app.call('customers.get', { id: person.customerId });
    expect(c.equality).toBeNull();
    expect(c.equalityVisible).toBe(false);
    const history = await app.call('history.forRecord', {
      entity: 'customers',
      id: person.customerId,
    });
    expect(history.length).toBeGreaterThan(0);
    expect(JSON.stringify(history)).not.toMatch(equalityWords);
    expect(history.some((h) => h.field?.startsWith('equality_'))).toBe(false);
    expect(
      await refused('customerTransfer.exportXlsx', { includeEquality: true } as never),
    ).toMatch(/officer cannot/);
  });
});

describe('complaint case content', () => {
  it('reaches a coordinator', async () => {
    await app.signInAs('coordinator');
    const c = await app.call('cases.get', { id: person.caseId });
    expect(c.subject).toContain(SURNAME);
  });

  it('never reaches an officer: list, record, history, papers or letters', async () => {
    await app.signInAs('officer');
    const list = await app.call('cases.list', {} as never);
    expect(list.rows.length).toBe(1);
    expect(JSON.stringify(list)).not.toContain(SURNAME);
    expect(list.rows[0]!.complainantName).toBeNull();
    await refused('cases.get', { id: person.caseId });
    await refused('history.forRecord', { entity: 'complaint_cases', id: person.caseId });
    await refused('cases.document', { caseId: person.caseId, kind: 'hearing_pack' });
    const dashboard = await app.call('cases.dashboard', {});
    expect(JSON.stringify(dashboard)).not.toContain(SURNAME);
  });
});

describe('expense payment details', () => {
  it('reach a team leader', async () => {
    await app.signInAs('team_leader');
    const d = await app.call('expenses.paymentDetails', { customerId: person.customerId });
    expect(d?.accountNumber).toBe('55779911');
  });

  it('never reach a coordinator or an officer: details, claim, history or changes', async () => {
    for (const role of ['coordinator', 'officer'] as const) {
      await app.signInAs(role);
      const d = await app.call('expenses.paymentDetails', { customerId: person.customerId });
      expect(d).toMatchObject({ method: 'bank_transfer', accountName: null, visible: false });
      expect(d?.accountNumber).not.toContain('5577');
      const claim = await app.call('expenses.claim', { id: person.claimId });
      expect(JSON.stringify(claim)).not.toMatch(/55779911|20-00-00/);
      const detailsId = app.backend.context.raw
        .prepare(`SELECT id FROM customer_payment_details WHERE customer_id = ?`)
        .pluck()
        .get(person.customerId) as string;
      const history = await app.call('history.forRecord', {
        entity: 'customer_payment_details',
        id: detailsId,
      });
      expect(history.length).toBeGreaterThan(0);
      expect(JSON.stringify(history)).not.toMatch(/55779911|20-00-00|Z Quillfeather/);
      // The batch file for finance carries them in full: refused outright.
      await refused('expenses.startBatchExport', { id: person.claimId });
      await refused('expenses.savePaymentDetails', {
        customerId: person.customerId,
        method: 'cash',
        accountName: null,
        sortCode: null,
        accountNumber: null,
      } as never);
    }
  });
});

describe('the subject access pack, which carries every class', () => {
  it('is refused to every role but the administrator', async () => {
    for (const role of ['officer', 'coordinator', 'team_leader'] as const) {
      await app.signInAs(role);
      await refused('privacy.startSubjectAccess', { customerId: person.customerId });
    }
  });
});

describe('staff credentials', () => {
  it('never leave the credentials table, for any role, administrators included', async () => {
    const raw = app.backend.context.raw;
    const secrets = (
      raw.prepare(`SELECT hash, salt FROM staff_credentials`).all() as {
        hash: Buffer;
        salt: Buffer;
      }[]
    ).flatMap((c) => [
      c.hash.toString('hex'),
      c.hash.toString('base64'),
      c.salt.toString('hex'),
      c.salt.toString('base64'),
    ]);
    expect(secrets.length).toBeGreaterThan(4);
    for (const role of ['officer', 'coordinator', 'team_leader', 'administrator'] as const) {
      await app.signInAs(role, role === 'administrator' ? 'Test administrator' : undefined);
      const staff = await app.call('staff.list', {});
      const history = await app.call('history.forRecord', { entity: 'staff', id: staff[0]!.id });
      const trail =
        role === 'administrator'
          ? await app.call('audit.trail', { entity: 'staff' } as never)
          : await refused('audit.trail', {} as never);
      const seen = JSON.stringify([staff, history, trail]);
      for (const s of secrets) expect(seen).not.toContain(s);
      expect(seen).not.toMatch(/"(hash|salt)"/);
    }
  });
});
