import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/domain/cases';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { decideCase, referral, referredBeforeStage2Answer, threeMembers } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

function pdfText(base64: string): string {
  const path = join(app.dir, 'out.pdf');
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

const decidedCase = () => decideCase(app);

describe('the recommendations tracker', () => {
  it('tracks responses, steps, progress and derived overdue, and filters', async () => {
    const c = await decidedCase();
    const a = await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: 'Check every damp case from the last year',
      serviceArea: 'repairs',
      owner: 'Head of Repairs',
      dueDate: '2026-12-31',
      systemic: true,
      managementResponse: 'accepted',
    });
    expect(a.reference).toBe('DCP-2026-0001/R1');
    await expect(
      app.call('recommendations.add', {
        sourceType: 'complaint_case',
        sourceId: c.id,
        text: 'Pay £500',
        serviceArea: 'repairs',
        managementResponse: 'rejected',
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'responseReason' }] });
    const b = await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: 'Text residents the day before visits',
      serviceArea: 'customer_service',
      owner: 'Customer Services Manager',
      dueDate: '2026-12-01',
    });
    let detail = await app.call('recommendations.addStep', {
      recommendationId: b.id,
      text: 'Agree wording',
      dueDate: '2026-11-27',
    });
    detail = await app.call('recommendations.markStep', {
      id: detail.steps[0]!.id,
      doneOn: '2026-11-23',
    });
    expect(detail.steps[0]!.doneOn).toBe('2026-11-23');
    detail = await app.call('recommendations.addProgress', {
      recommendationId: b.id,
      onDate: '2026-11-23',
      note: 'Supplier chosen',
    });
    expect(detail.updates[0]).toMatchObject({
      note: 'Supplier chosen',
      byName: 'Test coordinator',
    });
    await expect(
      app.call('recommendations.update', {
        ...detail,
        expectedUpdatedAt: detail.updatedAt,
        status: 'implemented',
        evidence: null,
      }),
    ).rejects.toMatchObject({
      message: 'Record the evidence of completion before marking it implemented.',
    });

    app.clock.set('2026-12-02T10:00:00Z');
    let page = await app.call('recommendations.list', { overdueOnly: true });
    expect(page.rows.map((r) => r.reference)).toEqual(['DCP-2026-0001/R2']);
    expect(page.rows[0]!.overdue).toBe(true);
    page = await app.call('recommendations.list', { systemicOnly: true });
    expect(page.rows.map((r) => r.text)).toEqual(['Check every damp case from the last year']);
    page = await app.call('recommendations.list', { owner: 'Head of Repairs' });
    expect(page.total).toBe(1);
    expect(page.owners).toEqual(['Customer Services Manager', 'Head of Repairs']);

    const fresh = await app.call('recommendations.get', { id: b.id });
    await app.call('recommendations.update', {
      ...fresh,
      expectedUpdatedAt: fresh.updatedAt,
      status: 'implemented',
      evidence: 'Texts live from 1 Dec',
    });
    page = await app.call('recommendations.list', { overdueOnly: true });
    expect(page.total).toBe(0);
    page = await app.call('recommendations.list', { status: 'implemented' });
    expect(page.rows[0]).toMatchObject({ completedOn: '2026-12-02', sourceLabel: 'DCP-2026-0001' });

    const file = await app.call('recommendations.exportXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).getCell(1).value).toBe('Reference');
    const texts = [ws.getRow(2).getCell(4).value, ws.getRow(3).getCell(4).value];
    expect(texts).toContain('Text residents the day before visits');
  });
});

describe('case documents', () => {
  it('generates the hearing pack and the decision letter with the Ombudsman’s details', async () => {
    const c = await decidedCase();
    await app.call('cases.addNote', {
      caseId: c.id,
      kind: 'note',
      onDate: '2026-11-10',
      body: 'Spoke to the resident',
    });
    await app.call('cases.attach', {
      caseId: c.id,
      fileName: 'repair-log.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('log').toString('base64'),
      description: 'Repairs log',
    });
    await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: 'Survey every damp case',
      serviceArea: 'repairs',
    });

    const pack = await app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' });
    expect(pack.fileName).toBe('hearing-pack-dcp-2026-0001.pdf');
    const packText = pdfText(pack.contentBase64);
    expect(packText).toMatch(/Hearing pack: DCP-2026-0001/);
    expect(packText).toMatch(/Damp in the bedroom/);
    expect(packText).toMatch(/Stage 1 acknowledgement was 2 working days late/);
    expect(packText).toMatch(/Stage 2 was handled by the same person/);
    expect(packText).toMatch(/repair-log\.pdf/);
    expect(packText).toMatch(/Spoke to the resident/);
    expect(packText).toMatch(/Bob Brown/);
    expect(packText).toMatch(/not a third stage/);

    const letter = await app.call('cases.document', { caseId: c.id, kind: 'decision_letter' });
    const text = pdfText(letter.contentBase64);
    expect(text).toMatch(/Dear Ann Complainant/);
    expect(text).toMatch(/your complaint is partly upheld/);
    expect(text).toMatch(/The landlord missed two appointments/);
    expect(text).toMatch(/1\. Survey every damp case/);
    expect(text).toMatch(/0300 111 3000/);
    expect(text).toMatch(/info@housing-ombudsman\.org\.uk/);
  });

  it('says a hearing date is still to be set, in single-spaced paragraphs', async () => {
    const c = await app.call('cases.refer', referral());
    const pack = await app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' });
    const text = pdfText(pack.contentBase64).replace(/\s+/g, ' ');
    expect(text).toContain('hearing of case DCP-2026-0001 on a date still to be set.');
    expect(text).not.toContain('on not recorded');

    // Lines of a paragraph sit about 14 pt apart (10 pt text, 1.4 line height), not 25.
    const path = join(app.dir, 'pack.pdf');
    writeFileSync(path, Buffer.from(pack.contentBase64, 'base64'));
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], {
      encoding: 'utf8',
    });
    const tops = [...new Set([...bbox.matchAll(/yMin="([\d.]+)"/g)].map((m) => Number(m[1])))].sort(
      (a, b) => a - b,
    );
    const gaps = tops.slice(1).map((top, i) => top - tops[i]!);
    expect(Math.min(...gaps.filter((g) => g > 1))).toBeLessThan(16);
  });

  it('uses the team’s edited template and refuses a letter before the decision', async () => {
    const c = await app.call('cases.refer', referral());
    await expect(
      app.call('cases.document', { caseId: c.id, kind: 'decision_letter' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const decided = await decidedCase();
    await app.call('cases.saveTemplates', {
      hearingPackIntro: 'Pack for {{reference}}',
      decisionLetter:
        'Hello {{complainantName}}, about {{subject}}. Outcome {{decisionOutcome}}. {{typo}} ' +
        // Long words that react-pdf would otherwise split at line ends ("documenta-tion").
        'The communication throughout the investigation was unsatisfactory, notwithstanding repeated acknowledgements, and the accompanying documentation demonstrated considerable misunderstanding of its responsibilities. '.repeat(
          4,
        ),
    });
    const text = pdfText(
      (await app.call('cases.document', { caseId: decided.id, kind: 'decision_letter' }))
        .contentBase64,
    );
    expect(text).toMatch(/Hello Ann Complainant, about damp in the bedroom/);
    expect(text).toMatch(/\{\{typo\}\}/);
    expect(text).toMatch(/Housing Ombudsman Service/);
    // No word is split across lines with a hyphen.
    expect(text.split('\n').filter((line) => /\p{L}-\s*$/u.test(line))).toEqual([]);
    expect(text).toMatch(/accompanying documentation demonstrated/);
  });
});

describe('board pack figures', () => {
  it('counts cases by stage and outcome and times them against the standards', async () => {
    // Case A: referred 2 Nov, accepted 4 Nov (2 wd), heard 20 Nov (12 wd), decided 23 Nov (1 wd), upheld.
    app.clock.set('2026-11-23T10:00:00Z');
    let a = await app.call('cases.refer', referral({ referredOn: '2026-11-02' }));
    for (const id of await threeMembers(app))
      await app.call('cases.assignMember', { caseId: a.id, customerId: id });
    const go = async (
      c: CaseDetail,
      to: string,
      date: string,
      extra: Record<string, unknown> = {},
    ) =>
      app.call('cases.transition', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        to: to as never,
        date,
        ...extra,
      });
    a = await go(a, 'eligibility_checked', '2026-11-03', { eligible: true });
    a = await go(a, 'accepted', '2026-11-04');
    a = await go(a, 'panel_convened', '2026-11-05');
    a = await go(a, 'hearing_scheduled', '2026-11-06', { hearingDate: '2026-11-20' });
    a = await go(a, 'heard', '2026-11-20');
    a = await go(a, 'decision_issued', '2026-11-23', { decisionOutcome: 'upheld', findings: 'x' });
    // Case B: referred 3 Nov, declined 16 Nov (9 wd, over the 5-day standard).
    let b = await app.call(
      'cases.refer',
      referral({ referredOn: '2026-11-03', complainantName: 'B' }),
    );
    b = await go(b, 'eligibility_checked', '2026-11-10', { eligible: false });
    await go(b, 'declined', '2026-11-16', { reason: 'Not a housing matter' });
    // Case C: referred in October, withdrawn in November.
    const c = await app.call(
      'cases.refer',
      referral({ referredOn: '2026-10-15', complainantName: 'C' }),
    );
    await go(c, 'withdrawn', '2026-11-02', { reason: 'Resolved' });
    await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: a.id,
      text: 'R1',
      serviceArea: 'repairs',
      dueDate: '2026-11-01',
      systemic: true,
    });
    await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: a.id,
      text: 'R2',
      serviceArea: 'repairs',
      managementResponse: 'rejected',
      responseReason: 'Cost',
    });

    let f = await app.call('cases.figures', { from: '2026-11-01', to: '2026-11-30' });
    expect(f).toMatchObject({
      referred: 2,
      accepted: 1,
      declined: 1,
      heard: 1,
      decided: 1,
      upheld: 1,
      partlyUpheld: 0,
      notUpheld: 0,
      withdrawn: 1,
    });
    expect(f.stageTimings).toEqual([
      {
        stage: 'eligibility',
        label: 'Referral to acceptance',
        completed: 2,
        withinStandard: 1,
        averageWorkingDays: 5.5,
        standardDays: 5,
      },
      {
        stage: 'hearing',
        label: 'Acceptance to hearing',
        completed: 1,
        withinStandard: 1,
        averageWorkingDays: 12,
        standardDays: 20,
      },
      {
        stage: 'decision',
        label: 'Hearing to decision letter',
        completed: 1,
        withinStandard: 1,
        averageWorkingDays: 1,
        standardDays: 10,
      },
    ]);
    expect(f.exhaustedInternal).toBeNull();
    expect(f.recommendations).toEqual({
      open: 1,
      inProgress: 0,
      implemented: 0,
      verified: 0,
      rejected: 1,
      overdue: 1,
      systemic: 1,
    });
    f = await app.call('cases.savePeriodFigure', {
      from: '2026-11-01',
      to: '2026-11-30',
      exhaustedInternal: 8,
    });
    expect(f.exhaustedInternal).toBe(8);
    expect(f.panelShare).toBe(0.25);
    const october = await app.call('cases.figures', { from: '2026-10-01', to: '2026-10-31' });
    expect(october).toMatchObject({ referred: 1, withdrawn: 0 });
  });
});

describe('the Code self-assessment', () => {
  it('records answers per provision and year, reminds before 30 September and exports', async () => {
    app.clock.set('2026-09-20T10:00:00Z');
    let sa = await app.call('selfAssessment.get', { year: 2026 });
    expect(sa.reminder.level).toBe('urgent');
    expect(sa.due).toBe('2026-09-30');
    expect(sa.answered).toBe(0);
    const c = await app.call('cases.refer', referral(referredBeforeStage2Answer));
    sa = await app.call('selfAssessment.save', {
      year: 2026,
      provision: '6.15',
      complies: 'partly',
      evidence: 'One stage 2 handled by the stage 1 officer',
      linkedCaseIds: [c.id],
      panelComments: 'Train managers',
    });
    expect(sa.answered).toBe(1);
    expect(sa.rows.find((r) => r.provision === '6.15')).toMatchObject({
      complies: 'partly',
      linkedCaseIds: [c.id],
    });
    await expect(
      app.call('selfAssessment.save', { year: 2026, provision: '99.9', complies: 'yes' }),
    ).rejects.toMatchObject({
      message: 'Provision 99.9 is not in the Code the app holds.',
    });
    const pdf = await app.call('selfAssessment.export', { year: 2026, format: 'pdf' });
    const text = pdfText(pdf.contentBase64);
    expect(text).toMatch(/self-assessment 2026/);
    expect(text).toMatch(/Partly complies/);
    expect(text).toMatch(/Train managers/);
    const xlsx = await app.call('selfAssessment.export', { year: 2026, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    expect(wb.worksheets[0]!.rowCount).toBe(sa.rows.length + 1);
  });

  it('accepts a newer bank holiday file and refuses a bad one', async () => {
    await app.signInAs('administrator', 'Test administrator');
    await expect(
      app.call('cases.replaceReferenceFile', { kind: 'bank_holidays', content: '{"nope": 1}' }),
    ).rejects.toMatchObject({
      message: 'The bank holiday file has problems and was not loaded.',
    });
    const newer = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Extra day', date: '2026-11-24', notes: '', bunting: true }],
      },
    };
    const s = await app.call('cases.replaceReferenceFile', {
      kind: 'bank_holidays',
      content: JSON.stringify(newer),
    });
    expect(s.bankHolidays).toMatchObject({ firstYear: 2026, lastYear: 2026, count: 1 });
    // It is 23 Nov 2026 and the new list ends with 2026, so the administrator is told.
    expect(s.bankHolidays.notice).toMatchObject({ level: 'soon', coversTo: '2026-12-31' });
    // Referred Mon 23 Nov; Tue 24 is now a holiday, so 5 working days ends Tue 1 Dec.
    const c = await app.call('cases.refer', referral({ referredOn: '2026-11-23' }));
    expect(c.deadlines[0]!.due).toBe('2026-12-01');
  });
});
