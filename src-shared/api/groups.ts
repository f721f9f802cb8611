import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema } from '../domain/common';
import {
  groupInput,
  membershipInput,
  membershipUpdateInput,
  type Group,
  type GroupFamily,
  type GroupKind,
  type Membership,
} from '../domain/groups';
import type { ActivitySummary } from '../domain/meetings';
import type { Violation } from '../rules/membership';
import type { CadenceResult } from '../rules/cadence';

export interface GroupListItem {
  id: string;
  name: string;
  family: GroupFamily;
  kind: GroupKind;
  members: number;
  targetMeetingsPerYear: number | null;
  /** Held in the last 12 months, against the pro-rated target. */
  cadence: CadenceResult;
  /** How many rules the current membership breaks. */
  ruleProblems: number;
}

export interface GroupDetail {
  group: Group;
  /** Current members first, then those who have left. */
  members: Membership[];
  ruleStatus: Violation[];
  cadence: CadenceResult;
}

/** The outcome of trying to add a member: either added, or why not. */
export type AddMemberResult =
  | { added: true; membership: Membership; violations: Violation[] }
  | { added: false; violations: Violation[]; canOverride: boolean };

export interface CustomerInvolvement {
  groups: {
    groupId: string;
    groupName: string;
    role: string;
    joinedOn: string;
    leftOn: string | null;
  }[];
  activities: {
    activityId: string;
    title: string;
    kind: string;
    startsAt: string;
    status: string | null;
    minutesGiven: number | null;
  }[];
  totalMinutes: number;
  activitiesAttended: number;
  trainingSessions: number;
  lastActivityAt: string | null;
  activeInLastYear: boolean;
}

const none = z.object({}).strict();

export const groupsApi = {
  'groups.list': method(none, 'groups.read').returns<GroupListItem[]>(),
  'groups.get': method(z.object({ id: idSchema }), 'groups.read').returns<GroupDetail>(),
  'groups.save': method(groupInput, 'groups.write').returns<Group>(),
  /** Checks the rules for a would-be member without adding them. */
  /** What adding the customer would break, judged on the date the membership would start. */
  'groups.checkMember': method(
    membershipInput.pick({ groupId: true, customerId: true, joinedOn: true }),
    'groups.read',
  ).returns<Violation[]>(),
  'groups.addMember': method(membershipInput, 'groups.write').returns<AddMemberResult>(),
  'groups.updateMember': method(membershipUpdateInput, 'groups.write').returns<Membership>(),
  'groups.customerInvolvement': method(
    z.object({ customerId: idSchema }),
    'groups.read',
  ).returns<CustomerInvolvement>(),
  /** Schedules a task & finish group's three volunteer days between its dates. */
  'groups.planThreeDays': method(z.object({ groupId: idSchema }), 'meetings.write').returns<
    ActivitySummary[]
  >(),
  'groups.noActivitySince': method(
    z.object({ on: isoDateSchema.optional() }),
    'customers.read',
  ).returns<string[]>(),
} as const;
