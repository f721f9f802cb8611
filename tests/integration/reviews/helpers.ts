import { ApiError } from '../../../src-shared/errors';
import type { TestApp } from '../../support/temp-db';
import type { CommissionInput, ReviewDetail } from '../../../src-shared/domain/reviews';

/** The default organisation (landlords and groups), with the ids of both by name. */
export async function setUp(app: TestApp) {
  const org = await app.call('organisation.applyTemplate', {});
  const landlords = Object.fromEntries(org.landlords.map((l) => [l.name, l.id]));
  const groups = Object.fromEntries((await app.call('groups.list', {})).map((g) => [g.name, g.id]));
  const staff = await app.call('staff.list', {});
  return { landlords, groups, adminId: staff[0]!.id };
}

let n = 0;
export async function customer(
  app: TestApp,
  landlordId: string,
  first = 'Volunteer',
): Promise<string> {
  n += 1;
  const r = await app.call('customers.create', {
    firstName: `${first}${n}`,
    lastName: `Investigator${n}`,
    landlordId,
    tenure: 'tenant',
    dateOfBirth: '1970-05-05',
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

export async function join(
  app: TestApp,
  groupId: string,
  customerId: string,
  joinedOn = '2026-01-05',
) {
  const r = await app.call('groups.addMember', {
    groupId,
    customerId,
    joinedOn,
    overrideReason: 'Test set-up',
  });
  return r;
}

export function csiCommission(
  leadOfficerId: string,
  over: Partial<CommissionInput> = {},
): CommissionInput {
  return {
    kind: 'csi_project',
    title: 'How quickly are void repairs finished?',
    commissionedBy: 'business_manager',
    commissionerName: 'Pat Manager',
    commissionerService: 'Voids and lettings',
    commissionedOn: '2026-09-28',
    question: 'Are empty homes repaired and re-let within the 20 days we promise?',
    serviceArea: 'repairs',
    landlordIds: [],
    deadline: '2026-12-18',
    startedOn: '2026-10-05',
    leadOfficerId,
    ...over,
  };
}

export async function csiProject(app: TestApp, leadOfficerId: string): Promise<ReviewDetail> {
  return app.call('reviews.commission', csiCommission(leadOfficerId));
}

/** The refusal a call ends in: fails the test if it succeeds or fails another way. */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
