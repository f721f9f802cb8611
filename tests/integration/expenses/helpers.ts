import type { Input } from '../../../src-shared/api';
import type { TestApp } from '../../support/temp-db';

/** The default organisation, one customer who attended one meeting, and the staff to move claims. */
export async function setUpExpenses(app: TestApp) {
  const org = await app.call('organisation.applyTemplate', {});
  const landlordId = org.landlords[0]!.id;
  const groups = Object.fromEntries((await app.call('groups.list', {})).map((g) => [g.name, g.id]));
  const council = groups['Customer Council']!;
  const customerId = await customer(app, landlordId, 'Maureen');
  await app.call('groups.addMember', {
    groupId: council,
    customerId,
    joinedOn: '2026-01-05',
    overrideReason: 'Test set-up',
  });
  const meeting = await app.call('activities.save', {
    kind: 'meeting',
    title: 'Customer Council, November',
    status: 'held',
    groupId: council,
    startsAt: '2026-11-20T18:00:00.000Z',
    endsAt: '2026-11-20T20:00:00.000Z',
    venueKind: 'community_centre',
    venueName: 'Thornaby Community Centre',
    venueAddress: 'Thornaby Road, Stockton-on-Tees',
  });
  await app.call('attendance.mark', { activityId: meeting.id, customerId, status: 'present' });
  return { landlordId, council, customerId, meetingId: meeting.id };
}

let n = 0;
export async function customer(app: TestApp, landlordId: string, first = 'Volunteer') {
  n += 1;
  const r = await app.call('customers.create', {
    firstName: first,
    lastName: `Claimant${n}`,
    landlordId,
    tenure: 'tenant',
    dateOfBirth: '1960-02-02',
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

export function claimInput(
  customerId: string,
  meetingId: string,
  over: Partial<Input<'expenses.saveClaim'>> = {},
): Input<'expenses.saveClaim'> {
  return {
    customerId,
    entryMode: 'by_officer',
    declaration: { declaredOn: '2026-11-20', method: 'in_person' },
    lines: [
      {
        on: '2026-11-20',
        category: 'mileage',
        description: 'Home to Thornaby Community Centre and back',
        activityId: meetingId,
        miles: 12,
        vehicle: 'car',
        passengers: 0,
      },
      {
        on: '2026-11-20',
        category: 'parking',
        description: 'Civic centre car park',
        activityId: meetingId,
        amountPence: 350,
      },
    ],
    ...over,
  };
}

/** A tiny valid PNG: enough for the file store. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
