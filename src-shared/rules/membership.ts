/**
 * The membership rules of the Strategy's Appendix A, as pure functions over
 * plain data. Each returns violations worded for a coordinator: what is wrong,
 * who it concerns, and what would put it right.
 */

export type MembershipRuleId =
  'partner_tenants' | 'one_corporate_group' | 'no_board_members' | 'age_range' | 'activity_offered';

export const membershipRuleLabels: Record<MembershipRuleId, string> = {
  partner_tenants: 'At least the set number of tenants from each partner landlord',
  one_corporate_group: 'No customer on more than one standing (corporate) group',
  no_board_members: 'Board members are not members of the scrutiny groups',
  age_range: 'Members within the age range',
  activity_offered: 'Every involved customer offered at least one activity a year',
};

export interface RuleGroup {
  id: string;
  name: string;
  kind: string;
  minTenantsPerPartner: number | null;
  excludeBoardMembers: boolean;
  minAge: number | null;
  maxAge: number | null;
}

export interface RuleMember {
  customerId: string;
  name: string;
  landlordId: string | null;
  tenure: string | null;
  /** `YYYY-MM-DD` or null where not recorded. */
  dateOfBirth: string | null;
  isBoardMember: boolean;
  /** Other standing groups this customer currently sits on (not this one). */
  otherCorporateGroups: { id: string; name: string }[];
}

export interface RuleLandlord {
  id: string;
  name: string;
  isPartner: boolean;
}

export interface Violation {
  rule: MembershipRuleId;
  /** The customer concerned, or null for a rule about the whole group. */
  customerId: string | null;
  /** For a partner landlord that is short of tenants: which one, so the remedy can be found. */
  landlordId?: string;
  message: string;
}

/** Only a tenancy counts towards the partner-landlord places: not leaseholders or shared owners. */
export function isTenant(tenure: string | null): boolean {
  return tenure === 'tenant';
}

/**
 * Whole years of age on `on` (both `YYYY-MM-DD`). Someone born on 29 February
 * has their birthday on 1 March in other years, as in English law.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = splitDate(dateOfBirth);
  const [y, m, d] = splitDate(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

function splitDate(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || [y, m, d].some(Number.isNaN)) {
    throw new Error(`Not a date: ${iso}`);
  }
  return [y, m, d];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Rule 1: every standing scrutiny group has at least N tenants from each partner landlord. */
export function partnerTenantsRule(
  group: RuleGroup,
  members: readonly RuleMember[],
  landlords: readonly RuleLandlord[],
): Violation[] {
  const needed = group.minTenantsPerPartner;
  if (!needed) return [];
  const out: Violation[] = [];
  for (const landlord of landlords.filter((l) => l.isPartner)) {
    const count = members.filter((m) => m.landlordId === landlord.id && isTenant(m.tenure)).length;
    if (count < needed) {
      const have = count === 0 ? 'no tenants' : `only ${plural(count, 'tenant')}`;
      out.push({
        rule: 'partner_tenants',
        customerId: null,
        landlordId: landlord.id,
        message: `${group.name}: ${have} from ${landlord.name}, ${needed} needed.`,
      });
    }
  }
  return out;
}

/** Rule 2: a customer sits on no more than one standing (corporate) group. */
export function oneCorporateGroupRule(
  group: RuleGroup,
  members: readonly RuleMember[],
): Violation[] {
  if (group.kind !== 'corporate') return [];
  return members
    .filter((m) => m.otherCorporateGroups.length > 0)
    .map((m) => ({
      rule: 'one_corporate_group' as const,
      customerId: m.customerId,
      message: `${m.name} already sits on ${m.otherCorporateGroups.map((g) => g.name).join(' and ')}. A customer may be on only one standing group; they can join any number of service development or neighbourhood groups.`,
    }));
}

/** Rule 3: board members who are customers are not on the scrutiny groups. */
export function boardMembersRule(group: RuleGroup, members: readonly RuleMember[]): Violation[] {
  if (!group.excludeBoardMembers) return [];
  return members
    .filter((m) => m.isBoardMember)
    .map((m) => ({
      rule: 'no_board_members' as const,
      customerId: m.customerId,
      message: `${m.name} is a board member. Board members cannot sit on ${group.name}, because it holds the Boards to account.`,
    }));
}

/** Rule 4: members are within the group's age range (Young Voices: 10 to 24) on the given date. */
export function ageRangeRule(
  group: RuleGroup,
  members: readonly RuleMember[],
  on: string,
): Violation[] {
  const { minAge, maxAge } = group;
  if (minAge === null && maxAge === null) return [];
  const range =
    minAge !== null && maxAge !== null
      ? `${minAge} to ${maxAge}`
      : minAge !== null
        ? `${minAge} or over`
        : `${maxAge} or under`;
  const out: Violation[] = [];
  for (const m of members) {
    if (!m.dateOfBirth) {
      out.push({
        rule: 'age_range',
        customerId: m.customerId,
        message: `${m.name} has no date of birth recorded, so we cannot confirm they are aged ${range} for ${group.name}. Add it to their record.`,
      });
      continue;
    }
    const age = ageOn(m.dateOfBirth, on);
    if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) {
      out.push({
        rule: 'age_range',
        customerId: m.customerId,
        message: `${m.name} is ${age}. ${group.name} is for people aged ${range}.`,
      });
    }
  }
  return out;
}

/**
 * The dates of birth that put someone within an age range on `on`, as
 * `YYYY-MM-DD` bounds for a query: born on or before `bornOnOrBefore` (old
 * enough) and after `bornAfter` (young enough). They compare as strings and
 * agree with `ageOn` day for day, 29 February included; null where the range
 * has no bound on that side.
 */
export function birthDateBounds(
  minAge: number | null,
  maxAge: number | null,
  on: string,
): { bornOnOrBefore: string | null; bornAfter: string | null } {
  const [y] = splitDate(on);
  const yearsBefore = (n: number) => `${String(y - n).padStart(4, '0')}${on.slice(4)}`;
  return {
    bornOnOrBefore: minAge === null ? null : yearsBefore(minAge),
    bornAfter: maxAge === null ? null : yearsBefore(maxAge + 1),
  };
}

/** Everything wrong with a group's current membership, for its page. */
export function groupRuleStatus(
  group: RuleGroup,
  members: readonly RuleMember[],
  landlords: readonly RuleLandlord[],
  on: string,
): Violation[] {
  return [
    ...partnerTenantsRule(group, members, landlords),
    ...oneCorporateGroupRule(group, members),
    ...boardMembersRule(group, members),
    ...ageRangeRule(group, members, on),
  ];
}

/**
 * What adding `candidate` would break. Adding someone can only help the
 * partner-landlord count, so only the rules about the candidate themselves
 * apply; the group's own shortfalls show on its page.
 */
export function violationsForNewMember(
  group: RuleGroup,
  candidate: RuleMember,
  on: string,
): Violation[] {
  return [
    ...oneCorporateGroupRule(group, [candidate]),
    ...boardMembersRule(group, [candidate]),
    ...ageRangeRule(group, [candidate], on),
  ];
}

/**
 * Rule 6: every involved customer is offered at least one activity a year.
 * True when their last activity was within the 12 months up to `on`
 * (on the same date a year earlier counts).
 */
export function hadActivityInLastYear(lastActivityOn: string | null, on: string): boolean {
  if (!lastActivityOn) return false;
  return lastActivityOn >= yearBefore(on) && lastActivityOn <= on;
}

/** The same date a year earlier; 29 February falls back to 28 February. */
export function yearBefore(on: string): string {
  const [y, m, d] = splitDate(on);
  const year = y - 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function activityOfferedRule(
  customer: { customerId: string; name: string; lastActivityOn: string | null },
  on: string,
): Violation[] {
  if (hadActivityInLastYear(customer.lastActivityOn, on)) return [];
  return [
    {
      rule: 'activity_offered',
      customerId: customer.customerId,
      message: customer.lastActivityOn
        ? `${customer.name} has had no activity since ${customer.lastActivityOn}. Offer them at least one activity this year.`
        : `${customer.name} has had no activity recorded. Offer them at least one activity this year.`,
    },
  ];
}
