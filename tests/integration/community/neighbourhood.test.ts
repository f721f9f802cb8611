import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z', role: 'officer' });
  await app.call('demo.load', { customers: 300, seed: 13 });
});
afterAll(() => app.close());

async function jobDone(jobId: string) {
  const { jobEnded } = await import('../../../src-main/services/jobs/jobs');
  const status = await jobEnded(await app.ctx(), jobId);
  expect(status.state, status.failure?.message).toBe('done');
}

describe('the neighbourhood work on the demo', () => {
  it('lists the associations overdue for their annual support visit first, with progress against the criteria', async () => {
    const taras = await app.call('taras.list', {});
    expect(taras.map((t) => [t.name, t.visitOverdue])).toEqual([
      ['Grangetown Residents Together', true],
      ['Owton Manor Tenants and Residents', true],
      ['Berwick Hills Residents Association', false],
      ['Hardwick Community Association', false],
    ]);
    const owton = taras[1]!;
    expect(owton).toMatchObject({
      lastVisitOn: '2025-09-29',
      visitDueOn: '2026-09-29',
      daysOverdue: 55,
    });
    expect(taras.find((t) => t.name.startsWith('Berwick'))).toMatchObject({
      criteriaMet: 8,
      criteriaTotal: 8,
      selfSufficient: true,
    });

    // A visit held today brings it back in time; a visit "held" tomorrow is refused.
    await expect(
      app.call('taras.saveVisit', { taraId: owton.id, heldOn: '2026-11-24' }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ path: 'heldOn' })] });
    const visited = await app.call('taras.saveVisit', {
      taraId: owton.id,
      heldOn: '2026-11-23',
      findings: 'AGM due in the spring.',
    });
    expect(visited).toMatchObject({ visitOverdue: false, visitDueOn: '2027-11-23' });
  });

  it('keeps a criterion’s evidence in the one file store and gives it back', async () => {
    const [tara] = await app.call('taras.list', {});
    const content = Buffer.from('%PDF-1.4 constitution').toString('base64');
    const saved = await app.call('taras.saveCriterion', {
      taraId: tara!.id,
      key: 'constitution',
      met: true,
      checkedOn: '2026-11-20',
      evidence: {
        fileName: 'constitution.pdf',
        mimeType: 'application/pdf',
        contentBase64: content,
      },
    });
    expect(saved.criteria.find((c) => c.key === 'constitution')).toMatchObject({
      met: true,
      evidence: { fileName: 'constitution.pdf', sizeBytes: 21 },
    });
    const file = await app.call('taras.evidence', { taraId: tara!.id, key: 'constitution' });
    expect(file.data).toBe(content);
  });

  it('lists dispersed communities and buildings with none in the last 12 months', async () => {
    const dispersed = await app.call('dispersed.list', {});
    expect(dispersed.filter((d) => d.noneInYear).map((d) => d.name)).toEqual([
      'Gateshead',
      'Shildon',
    ]);
    const gateshead = dispersed.find((d) => d.name === 'Gateshead')!;
    await app.call('dispersed.recordVisit', {
      communityId: gateshead.id,
      onDate: '2026-11-20',
      kind: 'roadshow',
      customersSaid: 'The bin store door is broken.',
      feedbackGiven: 'Repair ordered; we wrote to say when.',
    });
    expect((await app.call('dispersed.list', {})).find((d) => d.id === gateshead.id)).toMatchObject(
      { noneInYear: false, lastVisitOn: '2026-11-20' },
    );

    const buildings = await app.call('buildings.list', {});
    expect(buildings.filter((b) => b.noneInYear).map((b) => b.name)).toEqual([
      'Headland Heights',
      'Tees View Court',
    ]);
    expect(buildings.every((b) => b.residentsInvolved === 2)).toBe(true);
    // Buildings are organisation data: an officer records engagement, a coordinator adds buildings.
    await expect(
      app.call('buildings.save', { name: 'New block', address: 'Somewhere' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('prints and exports the involvement menu from the groups', async () => {
    const menu = await app.call('menu.opportunities', {});
    const council = menu.find((o) => o.group === 'Customer Council')!;
    expect(council.skills).toEqual(['chairing', 'data_analysis', 'public_speaking']);
    const { jobId } = await app.call('menu.startExport', {});
    await jobDone(jobId);
    const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
    const path = join(app.dir, 'menu.pdf');
    writeFileSync(path, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    expect(text).toContain('Ways to get involved');
    expect(text).toContain('Customer Council');
    expect(text).toMatch(/How to join: Skills review and interview/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(
        (await app.call('jobs.file', { id: jobId, name: 'xlsx' })).contentBase64,
        'base64',
      ) as never,
    );
    const sheet = book.getWorksheet('Ways to get involved')!;
    expect(sheet.rowCount).toBe(menu.filter((o) => o.listed).length + 1);
    expect(sheet.getColumn(1).values).toContain('Scrutiny Panel');
  });

  it('has the demo invitation on each recipient’s record', async () => {
    const sent = await app.call('mailing.communications', {});
    expect(sent[0]).toMatchObject({
      title: 'Invitation to help set the Open Day agenda',
      kind: 'open_day',
    });
    expect(sent[0]!.recipients).toBeGreaterThan(3);
  });
});
