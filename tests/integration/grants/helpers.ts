import type { Input } from '../../../src-shared/api';
import type { TestApp } from '../../support/temp-db';

let n = 0;
export async function customer(
  app: TestApp,
  first: string,
  addressLine1: string,
  postcode = 'TS17 6AA',
): Promise<string> {
  n += 1;
  const r = await app.call('customers.create', {
    firstName: first,
    lastName: `Resident${n}`,
    addressLine1,
    town: 'Thornaby',
    postcode,
    phone: '01642 111222',
    tenure: 'tenant',
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

/**
 * The default organisation, the Board's priorities, three Community Fund
 * panel members (one the contact of an application to come, one their
 * neighbour on the same street) and a round with two criteria.
 */
export async function setUpFund(app: TestApp) {
  const org = await app.call('organisation.applyTemplate', {});
  const areas = org.areas.map((a) => a.id);
  const groups = await app.call('groups.list', {});
  const panelGroup = groups.find((g) => g.name === 'Community Fund Panel')!.id;
  const contact = await customer(app, 'Carol', '3 Mandale Road');
  const neighbour = await customer(app, 'Nina', '17 Mandale Road');
  const other = await customer(app, 'Omar', '2 Bishopton Lane', 'TS18 1AA');
  for (const customerId of [contact, neighbour, other])
    await app.call('groups.addMember', { groupId: panelGroup, customerId, joinedOn: '2026-01-05' });
  // Every profile is made by the administrator first; the tests then move between them.
  for (const [role, name] of [
    ['officer', 'Olly Officer'],
    ['coordinator', 'Cora Coordinator'],
    ['team_leader', 'Tess Leader'],
  ] as const) {
    await app.signInAs(role, name);
    await app.signInAs('administrator', 'Test administrator');
  }
  await app.signInAs('team_leader', 'Tess Leader');
  await app.call('grants.savePriority', {
    name: 'Tackling loneliness',
    agreedOn: '2026-04-01',
  });
  const priorities = await app.call('grants.savePriority', {
    name: 'Young people',
    agreedOn: '2026-04-01',
  });
  const lonely = priorities.find((p) => p.name === 'Tackling loneliness')!.id;
  const young = priorities.find((p) => p.name === 'Young people')!.id;
  await app.signInAs('coordinator', 'Cora Coordinator');
  return { areas, panelGroup, contact, neighbour, other, lonely, young };
}

export function roundInput(
  s: Awaited<ReturnType<typeof setUpFund>>,
  over: Partial<Input<'grants.saveRound'>> = {},
): Input<'grants.saveRound'> {
  return {
    fund: 'community_fund',
    name: 'Community Fund, autumn 2026',
    opensOn: '2026-10-01',
    closesOn: '2026-11-15',
    decisionBy: '2026-12-10',
    budgetPence: 300_000,
    minAwardPence: 10_000,
    maxAwardPence: 200_000,
    decisionMethod: 'panel',
    criteria: [
      { name: 'Reduces loneliness', priorityId: s.lonely, maxScore: 5 },
      { name: 'Involves young people', priorityId: s.young, maxScore: 5 },
    ],
    ...over,
  };
}

export function applicationInput(
  roundId: string,
  over: Partial<Input<'grants.saveApplication'>> = {},
): Input<'grants.saveApplication'> {
  return {
    roundId,
    receivedOn: '2026-10-20',
    applicantKind: 'community_group',
    applicantName: 'Mandale Friends',
    contactName: 'Pat Organiser',
    contactPhone: '01642 000000',
    projectTitle: 'Friday lunch club',
    projectSummary: 'A hot lunch every Friday at the community centre.',
    outcomes: 'Thirty older residents meet every week instead of eating alone.',
    amountPence: 40_000,
    ...over,
  };
}

/** A tiny valid PNG: enough for the file store. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
