import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFieldsFor } from '../../../src-shared/history/fields';
import { describeValue } from '../../../src-shared/history/words';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiCommission, setUp } from './helpers';

let app: TestApp;
let org: Awaited<ReturnType<typeof setUp>>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  org = await setUp(app);
});
afterEach(() => app.close());

async function consultation() {
  return app.call(
    'reviews.commission',
    csiCommission(org.adminId, {
      kind: 'policy_consultation',
      title: 'Lettings policy',
      commissionedBy: 'board',
      commissionerName: null,
      commissionerService: null,
      serviceArea: 'tenancy_lettings',
      startedOn: '2026-11-02',
      deadline: '2027-02-26',
    }),
  );
}

async function policyGroupWithDays() {
  const id = org.groups['Task & Finish Policy Group']!;
  const { group } = await app.call('groups.get', { id });
  await app.call('groups.save', { ...group, startsOn: '2027-01-11', endsOn: '2027-02-05' });
  await app.call('groups.planThreeDays', { groupId: id });
  return id;
}

describe('a policy consultation on a task & finish group', () => {
  it('shows the group’s three days and the comment window they give, and refuses another kind of group', async () => {
    const r = await consultation();
    expect(r.consultation).toMatchObject({ taskGroup: null, days: [], plannedWindow: null });

    await expect(
      app.call('reviews.saveConsultation', {
        reviewId: r.id,
        policyName: 'Lettings',
        taskGroupId: org.groups['Customer Council']!,
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'Customer Council is not a task & finish group: the three days are planned on one.',
      fields: [{ path: 'taskGroupId', message: 'Choose a task & finish group.' }],
    });
    expect((await app.call('reviews.get', { id: r.id })).consultation.policyName).toBeNull();

    const groupId = await policyGroupWithDays();
    const saved = await app.call('reviews.saveConsultation', {
      reviewId: r.id,
      policyName: 'Lettings',
      taskGroupId: groupId,
    });
    expect(saved.consultation.taskGroup).toMatchObject({
      id: groupId,
      name: 'Task & Finish Policy Group',
      startsOn: '2027-01-11',
      endsOn: '2027-02-05',
    });
    expect(saved.consultation.days.map((d) => [d.title, d.on.slice(0, 10)])).toEqual([
      ["Day 1: training on the policy's context", '2027-01-11'],
      ['Day 2: revising the policy', '2027-01-25'],
      ['Day 3: the revised policy', '2027-02-05'],
    ]);
    // Between day 1 and day 2, as the group's own plan says.
    expect(saved.consultation.plannedWindow).toEqual({ opens: '2027-01-12', closes: '2027-01-24' });

    // Saving again without naming the group keeps it.
    const again = await app.call('reviews.saveConsultation', {
      reviewId: r.id,
      policyName: 'Lettings and allocations',
      commentOpens: '2027-01-12',
      commentCloses: '2027-01-24',
    });
    expect(again.consultation.taskGroup?.id).toBe(groupId);
    expect(again.consultation.commentOpens).toBe('2027-01-12');
  });

  it('keeps each point with its outcome and why, and writes the feedback to participants from them', async () => {
    const r = await consultation();
    await app.call('reviews.saveConsultation', {
      reviewId: r.id,
      policyName: 'Lettings',
      commentOpens: '2026-11-10',
      commentCloses: '2026-11-20',
      boardDate: '2026-12-10',
    });
    await expect(
      app.call('reviews.consultationFeedback', { reviewId: r.id }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Record at least one point participants made, and what became of it, before writing their feedback.',
    });
    await expect(
      app.call('reviews.addOutcome', {
        reviewId: r.id,
        said: 'Offers should be made by phone as well as letter',
        outcome: 'changed',
        explanation: '',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [expect.objectContaining({ path: 'explanation' })],
    });

    await app.call('reviews.addOutcome', {
      reviewId: r.id,
      said: 'Offers should be made by phone as well as letter',
      outcome: 'changed',
      explanation: 'Section 4 now says every offer is phoned through and confirmed by letter.',
    });
    await app.call('reviews.addOutcome', {
      reviewId: r.id,
      said: 'Let people refuse three offers, not two',
      outcome: 'not_changed',
      explanation:
        'Homes stay empty longer with each refusal; two offers stays, with a review on request.',
    });
    const third = await app.call('reviews.addOutcome', {
      reviewId: r.id,
      said: 'A typo in the appendix',
      outcome: 'partly',
      explanation: 'Fixed.',
    });
    expect(third.consultation.outcomes.map((o) => o.outcome)).toEqual([
      'changed',
      'not_changed',
      'partly',
    ]);
    const removed = await app.call('reviews.removeOutcome', {
      id: third.consultation.outcomes[2]!.id,
    });
    expect(removed.consultation.outcomes).toHaveLength(2);

    const f = await app.call('reviews.consultationFeedback', { reviewId: r.id });
    expect(f.fileName).toBe('PC-2026-001 feedback to participants.pdf');
    const path = join(app.dir, 'feedback.pdf');
    writeFileSync(path, Buffer.from(f.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Lettings: what you told us and what we did');
    expect(text).toContain('Comments were open from 10 November 2026 to 20 November 2026.');
    expect(text).toContain('The revised policy goes to the Board on 10 December 2026.');
    expect(text).toMatch(
      /What changed You said: Offers should be made by phone as well as letter Section 4 now says/,
    );
    expect(text).toMatch(
      /What did not change, and why You said: Let people refuse three offers, not two Homes stay empty/,
    );
    expect(text).not.toContain('A typo in the appendix');

    // Each point has its history, its outcome said in words.
    const history = await app.call('history.forRecord', {
      entity: 'consultation_outcomes',
      id: removed.consultation.outcomes[1]!.id,
    });
    expect(history).toMatchObject([{ op: 'create', after: { outcome: 'not_changed' } }]);
    const fields = historyFieldsFor('consultation_outcomes');
    expect(describeValue(fields, 'outcome', 'not_changed')).toBe('Not changed');
  });

  it('is refused on a review that is not a consultation', async () => {
    const csi = await app.call('reviews.commission', csiCommission(org.adminId));
    await expect(
      app.call('reviews.addOutcome', {
        reviewId: csi.id,
        said: 'x',
        outcome: 'changed',
        explanation: 'y',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'Only a policy consultation has a policy, a comment window and feedback.',
    });
  });
});
