import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cadenceByGroup } from '../../../src-main/services/groups/figures';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-12-03T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
});
afterEach(() => app.close());

const newGroup = (over: { startsOn?: string } = {}) =>
  app.call('groups.save', {
    name: 'Repairs Improvement Group',
    family: 'service_development',
    kind: 'panel',
    targetMeetingsPerYear: 10,
    ...over,
  });

describe('meetings held against cadence, from the group start', () => {
  it('does not flag a group set up today as behind, on the list, its page or the board pack', async () => {
    const g = await newGroup();
    const listed = (await app.call('groups.list', {})).find((x) => x.id === g.id)!;
    const page = await app.call('groups.get', { id: g.id });
    const pack = (
      await cadenceByGroup(await app.ctx(), { from: '2026-01-01', to: '2026-12-03' })
    ).find((x) => x.groupId === g.id)!;

    for (const cadence of [listed.cadence, page.cadence, pack]) {
      expect(cadence).toMatchObject({ held: 0, expected: 0, rag: 'green', since: '2026-12-03' });
    }
    expect(listed.cadence.summary).toBe('0 meetings held (none due yet)');
  });

  it('pro-rates the target from a recorded start six months ago', async () => {
    const g = await newGroup({ startsOn: '2026-06-03' });
    // 3 June to 3 December is 184 days: 10 × 184 / 365.25 = 5.04, so 5 expected.
    const page = await app.call('groups.get', { id: g.id });
    expect(page.cadence).toMatchObject({ expected: 5, since: '2026-06-03', rag: 'red' });
    expect(page.cadence.summary).toBe('0 of 5 meetings held');
  });

  it('counts a group entered today from its first meeting on record', async () => {
    const g = await newGroup();
    for (const day of ['2026-09-08', '2026-10-13', '2026-11-10']) {
      await app.call('activities.save', {
        kind: 'meeting',
        title: 'Repairs Improvement Group meeting',
        status: 'held',
        groupId: g.id,
        startsAt: `${day}T18:00:00.000Z`,
        endsAt: `${day}T20:00:00.000Z`,
      });
    }
    // 8 September to 3 December is 87 days: 10 × 87 / 365.25 = 2.38, so 2 expected, 3 held.
    const listed = (await app.call('groups.list', {})).find((x) => x.id === g.id)!;
    expect(listed.cadence).toMatchObject({
      held: 3,
      expected: 2,
      rag: 'green',
      since: '2026-09-08',
    });
  });

  it('still expects the full target of a group running the whole year', async () => {
    const council = (await app.call('groups.list', {})).find((x) => x.name === 'Customer Council')!;
    const g = await app.call('groups.get', { id: council.id });
    await app.call('groups.save', {
      ...g.group,
      id: council.id,
      expectedUpdatedAt: g.group.updatedAt,
      startsOn: '2015-04-01',
    });
    const page = await app.call('groups.get', { id: council.id });
    expect(page.cadence).toMatchObject({ expected: 10, since: null, rag: 'red' });
    expect(page.cadence.summary).toBe('0 of 10 meetings held');
  });
});
