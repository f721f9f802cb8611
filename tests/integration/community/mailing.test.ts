import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src-shared/api';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let landlordId: string;
let areaId: string;
const consent = {
  purpose: 'contact' as const,
  givenOn: '2025-06-01',
  method: 'paper_form' as const,
};

async function customer(over: Partial<Input<'customers.create'>>) {
  const r = await app.call('customers.create', {
    firstName: 'Pat',
    lastName: 'Resident',
    landlordId,
    areaId,
    status: 'active',
    addressLine1: '1 Station Road',
    town: 'Thornaby',
    postcode: 'TS17 6AA',
    consents: [consent],
    confirmDuplicate: true,
    ...over,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

async function jobDone(jobId: string) {
  const { jobEnded } = await import('../../../src-main/services/jobs/jobs');
  const status = await jobEnded(await app.ctx(), jobId);
  expect(status.state, status.failure?.message).toBe('done');
  return status;
}

let optedOut: string;
let withdrawn: string;
let formulaName: string;
const wantsPost: string[] = [];

beforeAll(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  const org = await app.call('organisation.applyTemplate', {});
  landlordId = org.landlords[0]!.id;
  areaId = org.areas.find((a) => a.landlordId === landlordId)!.id;
  // 25 who want letters: one full sheet of 21 and four on the second.
  for (let i = 0; i < 25; i += 1)
    wantsPost.push(
      await customer({
        firstName: `Letter${String(i).padStart(2, '0')}`,
        postcode: `TS${10 + i} 1AB`,
        contactMethods: ['post'],
      }),
    );
  formulaName = await customer({
    firstName: '=HYPERLINK("http://x.example","open")',
    lastName: 'Formula',
    contactMethods: ['email'],
    email: 'formula@example.org',
  });
  optedOut = await customer({
    firstName: 'Edna',
    lastName: 'Emailonly',
    contactMethods: ['email'],
    email: null,
  });
  withdrawn = await customer({
    firstName: 'Walter',
    lastName: 'Withdrawn',
    contactMethods: ['post'],
    consents: [{ ...consent, withdrawnOn: '2026-10-01' }],
  });
  await customer({ firstName: 'Lena', lastName: 'Left', status: 'left', contactMethods: ['post'] });
});
afterAll(() => app.close());

describe('mailing lists from the register', () => {
  it('builds the list honouring consent and preferences, saying who is left out and why', async () => {
    const build = await app.call('mailing.build', {
      filters: { areaId, channels: ['post', 'email'] },
    });
    expect(build.inScope).toBe(29);
    expect(build.included).toBe(26);
    expect(build.byChannel).toEqual({ email: 1, post: 25, text: 0 });
    const why = Object.fromEntries(build.excluded.map((e) => [e.customerId, e.detail]));
    expect(why[optedOut]).toBe('Wants email but has no email address on the register');
    expect(why[withdrawn]).toBe('Withdrew consent to be contacted on 1 Oct 2026');
    expect(build.byReason.left).toBe(1);

    // A letters-only mailing leaves out whoever opted out of post.
    const letters = await app.call('mailing.build', { filters: { areaId, channels: ['post'] } });
    expect(letters.excluded.find((e) => e.customerId === formulaName)?.detail).toBe(
      'Does not want letters: prefers email',
    );
  });

  it('exports the mail-merge workbook and CSV with every cell neutralised, and labels 21 to a page', async () => {
    const list = await app.call('mailing.saveList', {
      name: 'Winter newsletter',
      purpose: 'newsletter',
      filters: { areaId, channels: ['post', 'email'] },
    });
    const { jobId } = await app.call('mailing.startExport', { id: list.id });
    const status = await jobDone(jobId);
    expect(status.result).toEqual({ recipients: 26, labels: 25, excluded: 3 });

    const xlsx = await app.call('jobs.file', { id: jobId, name: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const merge = book.getWorksheet('Mail merge')!;
    expect(merge.getRow(1).values).toEqual([
      undefined,
      'Name',
      'First name',
      'Last name',
      'Address line 1',
      'Address line 2',
      'Town',
      'Postcode',
      'Email',
      'Mobile',
      'Send by',
    ]);
    expect(merge.rowCount).toBe(27);
    const cells = merge.getColumn(2).values.filter((v) => typeof v === 'string') as string[];
    const formulaCell = cells.find((v) => v.includes('HYPERLINK'))!;
    expect(formulaCell.startsWith("'=")).toBe(true);
    merge.eachRow((row) =>
      row.eachCell((cell) => expect(cell.formula, `formula in ${cell.address}`).toBeUndefined()),
    );
    const leftOut = book.getWorksheet('Left out')!;
    expect(leftOut.rowCount).toBe(4);
    expect(leftOut.getColumn(3).values).toContain('Withdrew consent to be contacted on 1 Oct 2026');

    const csv = Buffer.from(
      (await app.call('jobs.file', { id: jobId, name: 'csv' })).contentBase64,
      'base64',
    ).toString();
    expect(csv.split('\r\n')[0]).toBe(
      'Name,First name,Last name,Address line 1,Address line 2,Town,Postcode,Email,Mobile,Send by',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""open"") Formula"`);
    expect(csv).not.toMatch(/(^|,)=/m);

    const labels = await app.call('jobs.file', { id: jobId, name: 'labels' });
    expect(labels.fileName).toBe('winter-newsletter-labels.pdf');
    const path = join(app.dir, 'labels.pdf');
    writeFileSync(path, Buffer.from(labels.contentBase64, 'base64'));
    const pages = execFileSync('pdftotext', ['-layout', path, '-'])
      .toString()
      .split('\f')
      .filter((p) => p.trim() !== '');
    const perPage = pages.map((p) => (p.match(/TS\d+ 1AB/g) ?? []).length);
    expect(perPage).toEqual([21, 4]);
    // Only those the list reaches by letter get a label.
    expect(pages.join('')).not.toContain('Formula');
    expect(pages.join('')).not.toContain('Withdrawn');
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
  });

  it('logs what was sent against each recipient, for their record and a subject access pack', async () => {
    const list = (await app.call('mailing.lists', {})).find((l) => l.name === 'Winter newsletter')!;
    const sent = await app.call('mailing.recordSent', {
      listId: list.id,
      title: 'Winter newsletter 2026',
      sentOn: '2026-11-23',
      rhythmKey: 'newsletter',
    });
    expect(sent.recipients).toBe(26);
    expect(sent.byChannel).toEqual({ email: 1, post: 25, text: 0 });

    const mine = await app.call('mailing.customerCommunications', { customerId: wantsPost[0]! });
    expect(mine).toEqual([
      expect.objectContaining({
        title: 'Winter newsletter 2026',
        kind: 'newsletter',
        sentOn: '2026-11-23',
        channel: 'post',
        listName: 'Winter newsletter',
      }),
    ]);
    expect(await app.call('mailing.customerCommunications', { customerId: withdrawn })).toEqual([]);
    expect((await app.call('mailing.lists', {}))[0]!.lastSentOn).toBe('2026-11-23');

    // It counts as this quarter's newsletter in the rhythm.
    const plan = await app.call('rhythm.plan', {});
    const quarter = plan
      .find((i) => i.key === 'newsletter')!
      .periods.find((p) => p.dueOn === '2026-12-31')!;
    expect(quarter).toMatchObject({ state: 'done', deliveredOn: '2026-11-23' });
    const home = await app.call('rhythm.home', {});
    expect(
      home.due.find((d) => d.key === 'newsletter' && d.dueOn === '2026-12-31'),
    ).toBeUndefined();
    expect(home.due).toContainEqual({
      key: 'open_day',
      name: 'Involvement Open Day',
      dueOn: '2027-03-31',
      state: 'due',
      missed: 0,
    });
  });

  it('lets a team leader set the rhythm as data, refusing a part of the year that is not whole months', async () => {
    await expect(
      app.call('rhythm.saveItems', {
        items: [{ key: 'newsletter', name: 'Newsletter', timesPerYear: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const items = await app.call('rhythm.saveItems', {
      items: [
        { key: 'open_day', name: 'Involvement Open Day', timesPerYear: 2 },
        { key: 'newsletter', name: 'Newsletter', timesPerYear: 4 },
        { key: 'roadshow', name: 'Summer roadshow', timesPerYear: 1, note: 'Every area, once.' },
      ],
    });
    expect(items.map((i) => i.key)).toEqual(['open_day', 'newsletter', 'roadshow']);
    const plan = await app.call('rhythm.plan', {});
    expect(plan.find((i) => i.key === 'roadshow')!.periods.at(-1)).toMatchObject({
      dueOn: '2027-03-31',
      state: 'due',
    });
    await app.signInAs('officer');
    await expect(app.call('rhythm.saveItems', { items: [] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await app.signInAs('administrator');
  });

  it('keeps mail-merge files from officers, and refuses a list with no way to send', async () => {
    const list = (await app.call('mailing.lists', {}))[0]!;
    await app.signInAs('officer');
    await expect(app.call('mailing.startExport', { id: list.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(app.call('mailing.build', { filters: { channels: [] } })).rejects.toMatchObject({
      code: 'invalid',
    });
    await app.signInAs('administrator');
  });
});
