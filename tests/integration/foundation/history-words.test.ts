import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityPolicies } from '../../../src-main/changes/entities';
import { historyFields, historyFieldsFor } from '../../../src-shared/history/fields';
import { describeHistory } from '../../../src-shared/history/words';
import { decideCase } from '../cases/helpers';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
});
afterEach(() => app.close());

const editable = new Set(['id', 'created_at', 'updated_at', 'updated_by', 'deleted_at']);

/** Words a screen would never show: codes, ISO dates, raw ids, system fields. */
const internal = [
  /\b[a-z]+_[a-z_]+\b/,
  /\d{4}-\d{2}-\d{2}/,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/,
  /Next step due|Next deadline/,
  /\b\d+ consents?\b/,
  /^[01]$/,
];

describe('history in the words of the screens, for every entity', () => {
  it('names every logged column of every entity, or hides it', async () => {
    const ctx = await app.ctx();
    for (const entity of Object.keys(entityPolicies)) {
      expect(historyFields, `no history words for ${entity}`).toHaveProperty([entity]);
      const columns = (
        ctx.raw.prepare(`PRAGMA table_info("${entity}")`).all() as { name: string }[]
      )
        .map((c) => c.name)
        .filter((c) => !editable.has(c));
      const unnamed = columns.filter((c) => !(c in historyFieldsFor(entity)));
      expect(unnamed, `columns of ${entity} with no words`).toEqual([]);
    }
  });

  it('words the changes of customers, groups, memberships, activities, attendance, cases, recommendations and the self-assessment', async () => {
    // Decided before the template's groups exist, so the panel members need no membership.
    const decided = await decideCase(app);
    await app.call('organisation.applyTemplate', {});
    const council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!;
    const made = await app.call('customers.create', {
      firstName: 'Nora',
      lastName: 'Batty',
      postcode: 'TS5 6AA',
      dateOfBirth: '1950-02-03',
      confirmDuplicate: true,
    });
    if (!made.created) throw new Error('not created');
    const nora = made.customer;
    const added = await app.call('groups.addMember', {
      groupId: council.id,
      customerId: nora.id,
      joinedOn: '2026-01-01',
    });
    if (!added.added) throw new Error('not added');
    await app.call('customers.update', {
      id: nora.id,
      expectedUpdatedAt: nora.updatedAt,
      patch: {
        status: 'paused',
        isBoardMember: true,
        dateOfBirth: '1950-02-04',
        tenure: 'shared_owner',
        interests: ['repairs', 'anti_social_behaviour'],
        consents: [{ purpose: 'share_with_partners', givenOn: '2026-11-20', method: 'in_person' }],
      },
      reason: 'Checked with her on the phone',
    });
    await app.call('groups.updateMember', {
      id: added.membership.id,
      role: 'chair',
      selectionMethod: 'skills_review',
      leftOn: '2026-11-20',
      codeOfConductSignedOn: '2026-01-02',
    });
    const group = await app.call('groups.get', { id: council.id });
    await app.call('groups.save', {
      id: council.id,
      name: group.group.name,
      family: 'neighbourhoods',
      kind: 'panel',
      targetMeetingsPerYear: 12,
      startsOn: '2026-01-05',
      excludeBoardMembers: true,
      minAge: 16,
    });
    const meeting = await app.call('activities.save', {
      kind: 'meeting',
      title: 'December meeting',
      status: 'scheduled',
      groupId: council.id,
      startsAt: '2026-11-20T18:00:00.000Z',
      endsAt: '2026-11-20T20:00:00.000Z',
      venueKind: 'community_centre',
    });
    await app.call('activities.save', {
      id: meeting.id,
      kind: 'roadshow',
      title: 'December meeting',
      status: 'held',
      groupId: council.id,
      startsAt: '2026-11-20T17:30:00.000Z',
      endsAt: '2026-11-20T20:00:00.000Z',
      venueKind: 'online',
    });
    const attendee = await app.call('attendance.mark', {
      activityId: meeting.id,
      customerId: nora.id,
      status: 'apologies',
    });
    await app.call('attendance.mark', {
      activityId: meeting.id,
      customerId: nora.id,
      status: 'present',
      minutesGiven: 90,
    });
    await app.call('attendance.satisfaction', {
      attendanceId: attendee.id,
      opportunity: 4,
      involvement: 5,
    });
    await app.call('selfAssessment.save', { year: 2026, provision: '6.15', complies: 'partly' });
    await app.call('selfAssessment.save', {
      year: 2026,
      provision: '6.15',
      complies: 'yes',
      linkedCaseIds: [decided.id],
      evidence: 'Panel reviewed its cases',
    });
    const recommendation = await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: decided.id,
      text: 'Confirm repair appointments by text',
      serviceArea: 'repairs',
    });
    await app.call('recommendations.update', {
      id: recommendation.id,
      expectedUpdatedAt: recommendation.updatedAt,
      text: 'Confirm repair appointments by text',
      serviceArea: 'repairs',
      managementResponse: 'partly_accepted',
      responseReason: 'Budget',
      status: 'in_progress',
      dueDate: '2027-01-31',
      systemic: true,
    });

    const ctx = await app.ctx();
    const records = ctx.raw.prepare('SELECT DISTINCT entity, entity_id FROM change_log').all() as {
      entity: string;
      entity_id: string;
    }[];
    const seen = new Set<string>();
    for (const { entity, entity_id } of records) {
      // Settings are logged by their key, and read on their own screen.
      if (!(entity in entityPolicies) || entity === 'settings') continue;
      const entries = await app.call('history.forRecord', { entity, id: entity_id });
      const items = describeHistory(historyFieldsFor(entity), entries);
      for (const item of items) {
        if (item.changes.length) seen.add(entity);
        for (const c of item.changes) {
          for (const text of [c.label, c.from, c.to]) {
            for (const pattern of internal)
              expect(text, `${entity}.${c.field}: "${text}"`).not.toMatch(pattern);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'activities',
        'attendance',
        'code_self_assessments',
        'complaint_cases',
        'customers',
        'group_memberships',
        'groups',
        'recommendations',
      ]),
    );

    // The decision: one entry, its findings said once, not as a "Reason" for each field.
    const caseItems = describeHistory(
      historyFieldsFor('complaint_cases'),
      await app.call('history.forRecord', { entity: 'complaint_cases', id: decided.id }),
    );
    const decision = caseItems.find((i) => i.changes.some((c) => c.label === 'Decision'))!;
    expect(decision.reason).toBeNull();
    expect(decision.changes.map((c) => [c.label, c.to])).toEqual(
      expect.arrayContaining([
        ['Status', 'Decision issued'],
        ['Decision', 'Partly upheld'],
        ['Findings', 'The landlord missed two appointments.'],
      ]),
    );
    const eligibility = caseItems.find((i) => i.changes.some((c) => c.label === 'Eligible'))!;
    expect(eligibility.changes.find((c) => c.label === 'Eligible')).toMatchObject({
      from: 'Not decided',
      to: 'Yes',
    });

    // The customer's consent says which consent.
    const customerItems = describeHistory(
      historyFieldsFor('customers'),
      await app.call('history.forRecord', { entity: 'customers', id: nora.id }),
    );
    // The Code of Conduct date given on the membership is the customer's own fact.
    expect(customerItems[0]!.changes).toEqual([
      expect.objectContaining({ label: 'Code of Conduct signed on', to: '2 Jan 2026' }),
    ]);
    const checked = customerItems.find((i) => i.reason === 'Checked with her on the phone')!;
    expect(checked.changes.find((c) => c.label === 'Consent')).toMatchObject({
      from: 'None recorded',
      to: 'Share my details with partner landlords (given 20 Nov 2026, in person (verbal))',
    });
  });
});
