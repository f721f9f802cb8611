import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromIcsUtc, parseIcs } from '../../../src-shared/rules/ics';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let landlords: Record<string, string>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  const org = await app.call('organisation.applyTemplate', {});
  landlords = Object.fromEntries(org.landlords.map((l) => [l.name, l.id]));
});
afterEach(() => app.close());

let n = 0;
async function customer(
  over: { landlord?: string; tenure?: string; dob?: string; board?: boolean; first?: string } = {},
) {
  n += 1;
  const r = await app.call('customers.create', {
    firstName: over.first ?? `Person${n}`,
    lastName: `Tester${n}`,
    landlordId: landlords[over.landlord ?? 'Erimus Housing'],
    tenure: (over.tenure ?? 'tenant') as 'tenant',
    dateOfBirth: over.dob ?? '1970-05-05',
    isBoardMember: over.board ?? false,
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

async function groupId(name: string) {
  const list = await app.call('groups.list', {});
  const g = list.find((x) => x.name === name);
  if (!g) throw new Error(`no ${name}`);
  return g.id;
}

describe('groups and membership rules', () => {
  it('creates the default groups from the template', async () => {
    const list = await app.call('groups.list', {});
    expect(list.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'Customer Council',
        'Scrutiny Panel',
        'Designated Complaints Panel',
        'Young Voices',
        'Talent School',
      ]),
    );
    const council = list.find((g) => g.name === 'Customer Council')!;
    expect(council).toMatchObject({
      family: 'scrutiny',
      kind: 'corporate',
      targetMeetingsPerYear: 10,
    });
  });

  it('shows the rule status and refuses a rule-breaking member until a leader gives a reason', async () => {
    const panel = await groupId('Scrutiny Panel');
    const council = await groupId('Customer Council');
    for (const l of ['Erimus Housing', 'Tees Valley Housing', 'Housing Hartlepool']) {
      for (let i = 0; i < 2; i++) {
        const r = await app.call('groups.addMember', {
          groupId: panel,
          customerId: await customer({ landlord: l }),
          joinedOn: '2026-01-01',
        });
        expect(r.added).toBe(true);
      }
    }
    await app.call('groups.addMember', {
      groupId: panel,
      customerId: await customer({ landlord: 'Tristar Homes' }),
      joinedOn: '2026-01-01',
    });
    // A leaseholder does not count towards the two tenants.
    await app.call('groups.addMember', {
      groupId: panel,
      customerId: await customer({ landlord: 'Tristar Homes', tenure: 'leaseholder' }),
      joinedOn: '2026-01-01',
    });
    let detail = await app.call('groups.get', { id: panel });
    expect(detail.members).toHaveLength(8);
    expect(detail.ruleStatus.map((v) => v.message)).toEqual([
      'Scrutiny Panel: only 1 tenant from Tristar Homes, 2 needed.',
    ]);

    const councillor = await customer({ landlord: 'Tristar Homes', first: 'Carol' });
    await app.call('groups.addMember', {
      groupId: council,
      customerId: councillor,
      joinedOn: '2026-02-01',
    });
    await app.signInAs('coordinator');
    const refused = await app.call('groups.addMember', {
      groupId: panel,
      customerId: councillor,
      joinedOn: '2026-03-01',
    });
    expect(refused.added).toBe(false);
    if (refused.added) return;
    expect(refused.canOverride).toBe(false);
    expect(refused.violations[0]!.message).toMatch(
      /^Carol Tester\d+ already sits on Customer Council\./,
    );
    await expect(
      app.call('groups.addMember', {
        groupId: panel,
        customerId: councillor,
        joinedOn: '2026-03-01',
        overrideReason: 'Interim cover',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('team_leader');
    const added = await app.call('groups.addMember', {
      groupId: panel,
      customerId: councillor,
      joinedOn: '2026-03-01',
      overrideReason: 'Interim cover while the panel recruits',
    });
    expect(added.added).toBe(true);
    if (!added.added) return;
    expect(added.membership.overrideReason).toBe('Interim cover while the panel recruits');
    const history = await app.call('history.forRecord', {
      entity: 'group_memberships',
      id: added.membership.id,
    });
    expect(
      history.some(
        (h) =>
          (h as { reason?: string | null }).reason === 'Interim cover while the panel recruits',
      ),
    ).toBe(true);

    detail = await app.call('groups.get', { id: panel });
    expect(detail.ruleStatus.map((v) => v.rule).sort()).toEqual(['one_corporate_group']);
  });

  it('checks Young Voices ages at the date they join', async () => {
    const yv = await groupId('Young Voices');
    const tooOld = await customer({ dob: '2001-03-01' });
    const today = await app.call('groups.checkMember', {
      groupId: yv,
      customerId: tooOld,
      joinedOn: '2026-11-23',
    });
    expect(today.map((v) => v.message)).toEqual([
      expect.stringMatching(/is 25\. Young Voices is for people aged 10 to 24\./),
    ]);
    const check = await app.call('groups.checkMember', {
      groupId: yv,
      customerId: tooOld,
      joinedOn: '2026-02-28',
    });
    expect(check).toEqual([]);
    const r = await app.call('groups.addMember', {
      groupId: yv,
      customerId: tooOld,
      joinedOn: '2026-02-28',
    });
    expect(r.added).toBe(true);
  });
});

async function meeting(
  groupId: string | null,
  startsAt: string,
  status: 'held' | 'scheduled' | 'cancelled' = 'held',
  extra = {},
) {
  const end = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
  return app.call('activities.save', {
    kind: 'meeting',
    title: `Meeting ${startsAt.slice(0, 10)}`,
    status,
    groupId,
    startsAt,
    endsAt: end,
    venueKind: 'community_centre',
    venueName: 'Thornaby Community Centre',
    venueAddress: 'Thornaby Road, Stockton-on-Tees',
    ...extra,
  });
}

describe('meetings and attendance', () => {
  it('takes apologies ahead of the day but no one is present or absent before it', async () => {
    const council = await groupId('Customer Council');
    const a = await customer();
    await app.call('groups.addMember', { groupId: council, customerId: a, joinedOn: '2026-01-01' });
    const later = await meeting(council, '2027-01-04T17:30:00.000Z', 'scheduled');

    await expect(
      app.call('attendance.mark', { activityId: later.id, customerId: a, status: 'present' }),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/4 January 2027/) });
    await expect(
      app.call('attendance.walkIn', {
        activityId: later.id,
        firstName: 'Early',
        lastName: 'Bird',
        consent: true,
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await app.call('attendance.mark', { activityId: later.id, customerId: a, status: 'apologies' });
    // Nothing counted it as held or as the customer's last activity.
    expect((await app.call('activities.get', { id: later.id })).status).toBe('scheduled');
    expect((await app.call('customers.get', { id: a })).lastActivityAt).toBeNull();
    expect((await app.call('customers.list', { search: 'Bird' })).rows).toHaveLength(0);

    await expect(
      app.call('activities.save', {
        id: later.id,
        expectedUpdatedAt: (await app.call('activities.get', { id: later.id })).updatedAt,
        kind: 'meeting',
        title: later.title,
        status: 'held',
        groupId: council,
        startsAt: later.startsAt,
        endsAt: later.endsAt,
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ path: 'status', message: expect.stringMatching(/4 January 2027/) }],
    });

    // On the day, people arriving before the start time can be signed in.
    app.clock.set('2027-01-04T17:00:00.000Z');
    await app.call('attendance.mark', { activityId: later.id, customerId: a, status: 'present' });
    expect((await app.call('activities.get', { id: later.id })).status).toBe('held');
  });

  it('signs people in, keeps the last activity date, and records satisfaction', async () => {
    const council = await groupId('Customer Council');
    const a = await customer();
    const b = await customer();
    await app.call('groups.addMember', { groupId: council, customerId: a, joinedOn: '2026-01-01' });
    const m = await meeting(council, '2026-11-20T18:00:00.000Z');
    const roster = await app.call('activities.roster', { id: m.id });
    expect(roster.people.map((p) => [p.customerId, p.isMember])).toEqual([[a, true]]);

    const present = await app.call('attendance.mark', {
      activityId: m.id,
      customerId: a,
      status: 'present',
    });
    expect(present).toMatchObject({ status: 'present', minutesGiven: 120, isMember: true });
    await app.call('attendance.mark', { activityId: m.id, customerId: b, status: 'apologies' });
    expect((await app.call('customers.get', { id: a })).lastActivityAt).toBe(
      '2026-11-20T18:00:00.000Z',
    );
    expect((await app.call('customers.get', { id: b })).lastActivityAt).toBeNull();

    const inactive = await app.call('customers.list', { noRecentActivity: true });
    expect(inactive.rows.map((r) => r.id)).toContain(b);
    expect(inactive.rows.map((r) => r.id)).not.toContain(a);

    // Un-marking lowers it again.
    await app.call('attendance.mark', { activityId: m.id, customerId: a, status: 'absent' });
    expect((await app.call('customers.get', { id: a })).lastActivityAt).toBeNull();
    await app.call('attendance.mark', { activityId: m.id, customerId: a, status: 'present' });

    const scored = await app.call('attendance.satisfaction', {
      attendanceId: present.id,
      opportunity: 5,
      involvement: 4,
      comment: 'Well run',
    });
    expect(scored).toMatchObject({
      satisfactionOpportunity: 5,
      satisfactionInvolvement: 4,
      satisfactionComment: 'Well run',
    });
    await expect(
      app.call('attendance.satisfaction', { attendanceId: present.id, opportunity: 6 }),
    ).rejects.toMatchObject({ code: 'invalid' });

    const involvement = await app.call('groups.customerInvolvement', { customerId: a });
    expect(involvement).toMatchObject({
      totalMinutes: 120,
      activitiesAttended: 1,
      activeInLastYear: true,
    });
    expect(involvement.groups.map((g) => g.groupName)).toEqual(['Customer Council']);
  });

  it('adds a new person at the door with their consent', async () => {
    const m = await meeting(null, '2026-11-23T09:00:00.000Z', 'scheduled');
    await expect(
      app.call('attendance.walkIn', {
        activityId: m.id,
        firstName: 'Dee',
        lastName: 'New',
        consent: false as true,
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const added = await app.call('attendance.walkIn', {
      activityId: m.id,
      firstName: 'Dee',
      lastName: 'New',
      postcode: 'ts17 6aa',
      consent: true,
    });
    if (!added.added) throw new Error('not added');
    const p = added.person;
    const c = await app.call('customers.get', { id: p.customerId });
    expect(c).toMatchObject({ firstName: 'Dee', postcode: 'TS17 6AA', status: 'interested' });
    expect(c.consents).toEqual([
      expect.objectContaining({ purpose: 'register', givenOn: '2026-11-23', method: 'in_person' }),
    ]);
    expect(c.lastActivityAt).toBe('2026-11-23T09:00:00.000Z');
    expect((await app.call('activities.get', { id: m.id })).status).toBe('held');
    const found = await app.call('activities.findPeople', { activityId: m.id, query: 'dee n' });
    expect(found[0]).toMatchObject({ customerId: p.customerId, status: 'present' });
  });

  it('exports .ics that parses back, and a sign-in sheet whose text names the people', async () => {
    const council = await groupId('Customer Council');
    const a = await customer({ first: 'Zara' });
    await app.call('groups.addMember', { groupId: council, customerId: a, joinedOn: '2026-01-01' });
    const m = await meeting(council, '2026-12-01T18:00:00.000Z', 'scheduled', {
      title: 'December meeting; budget, and plans',
      agenda: '1. Welcome\n2. Budget',
    });
    const one = await app.call('activities.ics', { activityId: m.id });
    const [event] = parseIcs(Buffer.from(one.data, 'base64').toString('utf8'));
    expect(event).toMatchObject({
      UID: `${m.id}@involvement-desk`,
      SUMMARY: 'Customer Council: December meeting; budget, and plans',
      LOCATION: 'Thornaby Community Centre, Thornaby Road, Stockton-on-Tees',
      STATUS: 'CONFIRMED',
    });
    expect(fromIcsUtc(event!.DTSTART!)).toBe('2026-12-01T18:00:00.000Z');
    expect(event!.DESCRIPTION).toContain('2. Budget');
    await meeting(council, '2026-12-15T18:00:00.000Z', 'cancelled');
    const range = await app.call('activities.ics', { from: '2026-12-01', to: '2026-12-31' });
    const events = parseIcs(Buffer.from(range.data, 'base64').toString('utf8'));
    expect(events.map((e) => e.STATUS)).toEqual(['CONFIRMED', 'CANCELLED']);

    const sheet = await app.call('activities.signInSheet', { id: m.id });
    const file = join(app.dir, 'sheet.pdf');
    writeFileSync(file, Buffer.from(sheet.data, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Sign-in sheet: December meeting; budget, and plans');
    expect(text).toContain('Group: Customer Council');
    expect(text).toContain('Tuesday 1 December 2026, 6:00pm to 8:00pm');
    expect(text).toMatch(/Zara Tester\d+/);
  });

  it('issues a certificate of attendance for a training session attended', async () => {
    const a = await customer({ first: 'Terry' });
    const course = await app.call('training.saveCourse', {
      name: 'Chairing meetings',
      provider: 'Talent School',
    });
    const s = await app.call('activities.save', {
      kind: 'training_session',
      title: 'Chairing meetings: day 1',
      status: 'held',
      courseId: course.id,
      startsAt: '2026-11-02T10:00:00.000Z',
      endsAt: '2026-11-02T13:00:00.000Z',
    });
    const mark = await app.call('attendance.mark', {
      activityId: s.id,
      customerId: a,
      status: 'present',
    });
    const record = await app.call('training.record', { customerId: a });
    expect(record.sessions).toEqual([
      expect.objectContaining({ courseName: 'Chairing meetings', on: '2026-11-02', minutes: 180 }),
    ]);
    await app.call('training.saveAudit', {
      customerId: a,
      auditedOn: '2026-11-03',
      skills: [{ skill: 'chairing', level: 'some' }],
    });
    expect((await app.call('training.record', { customerId: a })).audits).toHaveLength(1);

    const cert = await app.call('training.certificate', { attendanceId: mark.id });
    const file = join(app.dir, 'cert.pdf');
    writeFileSync(file, Buffer.from(cert.data, 'base64'));
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Certificate of Attendance');
    expect(text).toMatch(/Terry Tester\d+/);
    expect(text).toContain('Chairing meetings');
    expect(text).toContain('on 2 November 2026 (3 hours)');
  });
});
