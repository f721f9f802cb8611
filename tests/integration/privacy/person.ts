import type { JobStatus } from '../../../src-shared/domain/jobs';
import type { TestApp } from '../../support/temp-db';
import { referral } from '../cases/helpers';

/** A surname found nowhere else, so a search of the file's bytes finds only this person. */
export const SURNAME = 'Quillfeather';

export async function finished(app: TestApp, id: string): Promise<JobStatus> {
  for (let i = 0; i < 2000; i += 1) {
    const s = await app.call('jobs.get', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('The job did not end.');
}

function before(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);
}

const text = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/**
 * One customer held in every place the app keeps a person: the register
 * (with equality data and notes, then edited), a group, an activity, a
 * complaint case with a note and a letter, an expense claim with a receipt,
 * and bank details. Signs in as the administrator at the end.
 */
export async function seedPerson(
  app: TestApp,
  options: { createdAt: string; meetingAt: string },
): Promise<{ customerId: string; caseId: string; claimId: string; councilId: string }> {
  app.clock.set(options.createdAt);
  const org = await app.call('organisation.get', {});
  const landlordId = org.landlords[0]!.id;
  const groups = await app.call('groups.list', {});
  const councilId = groups.find((g) => g.name === 'Customer Council')!.id;
  const created = await app.call('customers.create', {
    firstName: 'Zebedee',
    lastName: SURNAME,
    email: 'zebedee@quillfeather.example',
    phone: '01642 555199',
    addressLine1: '7 Quillfeather Cottages',
    town: 'Middlesbrough',
    postcode: 'TS9 9ZQ',
    landlordId,
    tenure: 'tenant',
    dateOfBirth: '1958-05-06',
    status: 'active',
    notes: `${SURNAME} prefers calls after six`,
    supportNotes: 'Needs a hearing loop',
    equality: {
      ageBand: '65_74',
      gender: null,
      ethnicity: 'white_british',
      disability: 'yes',
      sexualOrientation: null,
      religion: null,
    },
    confirmDuplicate: true,
  });
  if (!created.created) throw new Error('not created');
  const customerId = created.customer.id;
  await app.call('customers.update', {
    id: customerId,
    expectedUpdatedAt: created.customer.updatedAt,
    patch: { mobile: '07700 900123' },
    reason: `${SURNAME} changed phones`,
  });
  await app.call('groups.addMember', {
    groupId: councilId,
    customerId,
    joinedOn: options.createdAt.slice(0, 10),
    overrideReason: 'Test set-up',
  });
  app.clock.set(options.meetingAt);
  const meeting = await app.call('activities.save', {
    kind: 'meeting',
    title: 'Customer Council',
    status: 'held',
    groupId: councilId,
    startsAt: options.meetingAt,
    endsAt: new Date(Date.parse(options.meetingAt) + 2 * 3600_000).toISOString(),
    venueKind: 'community_centre',
    venueName: 'Thornaby Community Centre',
    venueAddress: 'Thornaby Road',
  });
  await app.call('attendance.mark', { activityId: meeting.id, customerId, status: 'present' });

  const kase = await app.call(
    'cases.refer',
    referral({
      referredOn: options.meetingAt.slice(0, 10),
      complainantCustomerId: customerId,
      complainantName: `Zebedee ${SURNAME}`,
      complainantAddressLine1: '7 Quillfeather Cottages',
      subject: `Damp at the ${SURNAME} home not fixed`,
      stage1: {
        received: before(options.meetingAt, 160),
        acknowledged: before(options.meetingAt, 158),
        responded: before(options.meetingAt, 141),
        extensionDays: 0,
        outcome: 'not_upheld',
      },
      stage2: {
        received: before(options.meetingAt, 130),
        acknowledged: before(options.meetingAt, 128),
        responded: before(options.meetingAt, 101),
        extensionDays: 0,
        outcome: 'partly_upheld',
      },
    }),
  );
  await app.call('cases.addNote', {
    caseId: kase.id,
    kind: 'correspondence',
    onDate: options.meetingAt.slice(0, 10),
    direction: 'in',
    correspondent: `Z ${SURNAME}`,
    body: `Mr ${SURNAME} rang about the damp again`,
  });
  await app.call('cases.attach', {
    caseId: kase.id,
    fileName: `letter-from-${SURNAME}.txt`,
    mimeType: 'text/plain',
    description: `Letter from ${SURNAME}`,
    contentBase64: text(`Dear panel, signed Zebedee ${SURNAME}`),
  });

  const claim = await app.call('expenses.saveClaim', {
    customerId,
    entryMode: 'by_officer',
    notes: `${SURNAME} came by bus`,
    declaration: { declaredOn: options.meetingAt.slice(0, 10), method: 'in_person' },
    lines: [
      {
        on: options.meetingAt.slice(0, 10),
        category: 'public_transport',
        description: `Bus from ${SURNAME} Cottages`,
        activityId: meeting.id,
        amountPence: 420,
      },
    ],
  } as never);
  await app.call('expenses.attachReceipt', {
    lineId: claim.lines[0]!.id,
    fileName: 'bus-ticket.pdf',
    mimeType: 'application/pdf',
    contentBase64: text(`%PDF-1.4\n% Bus ticket, passenger ${SURNAME}\n%%EOF\n`),
  });
  await app.signInAs('team_leader');
  await app.call('expenses.savePaymentDetails', {
    customerId,
    method: 'bank_transfer',
    accountName: `Z ${SURNAME}`,
    sortCode: '20-00-00',
    accountNumber: '55779911',
  });
  await app.signInAs('administrator', 'Test administrator');
  return { customerId, caseId: kase.id, claimId: claim.id, councilId };
}
