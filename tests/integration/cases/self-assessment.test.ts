import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { decideCase, referral, referredBeforeStage2Answer, signInAs } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator', clock: '2026-09-20T10:00:00Z' });
});
afterEach(async () => {
  await app.close();
});

/** The PDF's text in reading order, with line breaks inside table cells taken out. */
function pdfText(base64: string): string {
  const path = join(app.dir, 'out.pdf');
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('self-assessment evidence', () => {
  it('links cases found by reference, attaches documents to the shared file store and records figures', async () => {
    const c = await app.call('cases.refer', referral(referredBeforeStage2Answer));
    // The picker searches cases by reference.
    const found = await app.call('cases.list', { search: c.reference, limit: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([c.id]);

    let sa = await app.call('selfAssessment.save', {
      year: 2026,
      provision: '6.15',
      complies: 'partly',
      evidence: 'Stage 2 handler log',
      linkedCaseIds: [c.id, c.id],
    });
    let row = sa.rows.find((r) => r.provision === '6.15')!;
    expect(row.linkedCases).toEqual([{ id: c.id, reference: c.reference, subject: c.subject }]);
    await expect(
      app.call('selfAssessment.save', {
        year: 2026,
        provision: '6.15',
        linkedCaseIds: ['0190a0b4-0000-7000-8000-000000000000'],
      }),
    ).rejects.toMatchObject({ message: 'One of the linked cases no longer exists.' });

    // The same bytes as a case attachment: the store keeps one copy.
    const content = b64('Complaints log 2025/26');
    await app.call('cases.attach', { caseId: c.id, fileName: 'log.txt', contentBase64: content });
    sa = await app.call('selfAssessment.attach', {
      year: 2026,
      provision: '6.15',
      fileName: 'complaints-log.txt',
      mimeType: 'text/plain',
      description: 'Annual log',
      contentBase64: content,
    });
    row = sa.rows.find((r) => r.provision === '6.15')!;
    expect(row.documents).toMatchObject([
      {
        fileName: 'complaints-log.txt',
        mimeType: 'text/plain',
        sizeBytes: 22,
        description: 'Annual log',
      },
    ]);
    const ctx = await app.ctx();
    expect(readdirSync(join(ctx.dataDir, 'files'))).toHaveLength(1);
    const back = await app.call('selfAssessment.readDocument', { id: row.documents[0]!.id });
    expect(Buffer.from(back.contentBase64, 'base64').toString()).toBe('Complaints log 2025/26');

    sa = await app.call('selfAssessment.addFigure', {
      year: 2026,
      provision: '6.15',
      label: 'Stage 1 answered within 10 working days',
      value: '87%',
      period: '2025/26',
    });
    row = sa.rows.find((r) => r.provision === '6.15')!;
    expect(row.figures).toMatchObject([
      { label: 'Stage 1 answered within 10 working days', value: '87%', period: '2025/26' },
    ]);
    await expect(
      app.call('selfAssessment.addFigure', {
        year: 2026,
        provision: '6.15',
        label: ' ',
        value: '87%',
        period: '2025/26',
      }),
    ).rejects.toMatchObject({
      fields: [{ path: 'label', message: 'What the figure measures is required.' }],
    });
    // Evidence of another year or provision stays there.
    expect(
      (await app.call('selfAssessment.get', { year: 2025 })).rows.every(
        (r) => !r.figures.length && !r.documents.length,
      ),
    ).toBe(true);

    const pdf = pdfText(
      (await app.call('selfAssessment.export', { year: 2026, format: 'pdf' })).contentBase64,
    );
    expect(pdf).toContain(c.reference);
    expect(pdf).toContain('complaints-log.txt (Annual log)');
    expect(pdf).toMatch(/Stage 1 answered within 10 working days: 87%, 2025\/26/);
    expect(pdf).toMatch(/due by 30 September 2026, not yet submitted/);

    const xlsx = await app.call('selfAssessment.export', { year: 2026, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Provision',
      'Requirement',
      'Complies',
      'Evidence',
      'Linked cases',
      'Documents',
      'Figures',
      'Tenant panel comments',
    ]);
    let provisionRow: unknown[] = [];
    sheet.eachRow((r) => {
      if (r.getCell(1).value === '6.15') provisionRow = (r.values as unknown[]).slice(1);
    });
    expect(provisionRow.slice(2, 7)).toEqual([
      'Partly complies',
      'Stage 2 handler log',
      c.reference,
      'complaints-log.txt (Annual log)',
      'Stage 1 answered within 10 working days: 87%, 2025/26',
    ]);

    // Removing evidence takes it off the provision and leaves the history.
    const figureId = row.figures[0]!.id;
    await app.call('selfAssessment.removeFigure', { id: figureId });
    sa = await app.call('selfAssessment.removeDocument', { id: row.documents[0]!.id });
    row = sa.rows.find((r) => r.provision === '6.15')!;
    expect(row.figures).toEqual([]);
    expect(row.documents).toEqual([]);
    const history = await app.call('history.forRecord', {
      entity: 'self_assessment_figures',
      id: figureId,
    });
    expect(history.map((h) => h.op)).toEqual(['delete', 'create']);
  });

  it('keeps evidence closed to officers', async () => {
    await signInAs(app, 'officer');
    await expect(app.call('selfAssessment.get', { year: 2026 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      app.call('selfAssessment.addFigure', {
        year: 2026,
        provision: '6.15',
        label: 'x',
        value: '1',
        period: '2025/26',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the 30 September reminder', () => {
  it('starts on 1 August, counts provisions still to assess and turns overdue until submitted', async () => {
    // Before 1 August there is nothing to say; 2025 was never begun here, so it is not nagged about.
    app.clock.set('2026-07-31T10:00:00Z');
    expect((await app.call('cases.dashboard', {})).selfAssessment).toBeNull();
    const total = (await app.call('selfAssessment.get', {})).rows.length;

    app.clock.set('2026-08-01T09:00:00Z');
    await app.call('selfAssessment.save', { year: 2026, provision: '6.15', complies: 'yes' });
    const expected = `The Code self-assessment for 2026 is due to the Ombudsman by 30 September 2026: ${total - 1} provisions still to assess.`;
    expect((await app.call('cases.dashboard', {})).selfAssessment).toMatchObject({
      year: 2026,
      level: 'upcoming',
      message: expected,
    });
    const sa = await app.call('selfAssessment.get', {});
    expect(sa).toMatchObject({ year: 2026, currentYear: 2026, submittedOn: null });
    expect(sa.reminder.message).toBe(expected);

    // Officers cannot open the self-assessment but are reminded all the same.
    await signInAs(app, 'officer');
    expect((await app.call('cases.dashboard', {})).selfAssessment?.level).toBe('upcoming');
    await signInAs(app, 'coordinator');

    app.clock.set('2026-10-01T09:00:00Z');
    expect((await app.call('cases.dashboard', {})).selfAssessment).toMatchObject({
      level: 'overdue',
      message: `The Code self-assessment for 2026 was due to the Ombudsman by 30 September 2026 and is not marked submitted: ${total - 1} provisions still to assess.`,
    });
    // Still overdue in the new year, before the next one's reminder starts.
    app.clock.set('2027-03-01T09:00:00Z');
    expect((await app.call('cases.dashboard', {})).selfAssessment).toMatchObject({
      year: 2026,
      level: 'overdue',
    });

    await expect(
      app.call('selfAssessment.markSubmitted', { year: 2026, submittedOn: '2027-03-02' }),
    ).rejects.toMatchObject({ message: 'The submission date cannot be in the future.' });
    const submitted = await app.call('selfAssessment.markSubmitted', {
      year: 2026,
      submittedOn: '2026-10-02',
      confirmUnassessed: true,
    });
    expect(submitted.submittedOn).toBe('2026-10-02');
    expect(submitted.reminder).toMatchObject({
      level: 'submitted',
      message: 'The Code self-assessment for 2026 was submitted on 2 October 2026.',
    });
    expect((await app.call('cases.dashboard', {})).selfAssessment).toBeNull();
    expect(
      pdfText(
        (await app.call('selfAssessment.export', { year: 2026, format: 'pdf' })).contentBase64,
      ),
    ).toMatch(/submitted on 2 October 2026/);

    // Taking the mark off brings the reminder back.
    await app.call('selfAssessment.markSubmitted', { year: 2026, submittedOn: null });
    expect((await app.call('cases.dashboard', {})).selfAssessment?.level).toBe('overdue');
  });
});

describe('the Ombudsman’s contact details', () => {
  it('default to today’s values, are changed by team leaders only and reach letters and the case', async () => {
    app.clock.set('2026-11-23T10:00:00Z');
    expect((await app.call('cases.settings', {})).ombudsmanContact).toEqual({
      name: 'Housing Ombudsman Service',
      address: 'PO Box 152, Liverpool, L33 7WQ',
      telephone: '0300 111 3000',
      email: 'info@housing-ombudsman.org.uk',
      website: 'www.housing-ombudsman.org.uk',
    });
    const changed = {
      name: 'Housing Ombudsman Service',
      address: 'PO Box 1484, Unit D, Preston, PR2 0ET',
      telephone: '0300 111 3001',
      email: 'help@housing-ombudsman.example',
      website: 'www.housing-ombudsman.example',
    };
    await expect(app.call('cases.saveOmbudsmanContact', changed)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await signInAs(app, 'team_leader');
    await expect(
      app.call('cases.saveOmbudsmanContact', { ...changed, email: 'not an email' }),
    ).rejects.toMatchObject({
      fields: [
        { path: 'email', message: 'Enter an email address, like info@housing-ombudsman.org.uk.' },
      ],
    });
    const settings = await app.call('cases.saveOmbudsmanContact', changed);
    expect(settings.ombudsmanContact).toEqual(changed);

    await signInAs(app, 'coordinator');
    const c = await decideCase(app);
    expect(c.ombudsmanContact).toEqual(changed);
    const letter = pdfText(
      (await app.call('cases.document', { caseId: c.id, kind: 'decision_letter' })).contentBase64,
    );
    expect(letter).toMatch(/PO Box 1484, Unit D, Preston, PR2 0ET/);
    expect(letter).toMatch(/0300 111 3001/);
    expect(letter).not.toMatch(/0300 111 3000/);
    const pack = pdfText(
      (await app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' })).contentBase64,
    );
    expect(pack).toMatch(/help@housing-ombudsman\.example/);
    // The right to go at any time is said once in the pack.
    expect(pack.match(/at any time/g)).toHaveLength(1);
  });
});
