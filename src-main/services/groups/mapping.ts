import type {
  Group,
  GroupFamily,
  GroupKind,
  Membership,
  MemberRole,
  SelectionMethod,
} from '../../../src-shared/domain/groups';
import type { GroupMembershipRow, GroupRow } from '../../db/schema/groups';

export function toGroup(r: GroupRow): Group {
  return {
    id: r.id,
    name: r.name,
    family: r.family as GroupFamily,
    kind: r.kind as GroupKind,
    landlordId: r.landlord_id,
    areaId: r.area_id,
    targetMeetingsPerYear: r.target_meetings_per_year,
    cadenceNote: r.cadence_note,
    commitment: r.commitment,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    minTenantsPerPartner: r.min_tenants_per_partner,
    excludeBoardMembers: r.exclude_board_members === 1,
    minAge: r.min_age,
    maxAge: r.max_age,
    updatedAt: r.updated_at,
  };
}

/**
 * A membership as the screens see it. The Code of Conduct date is the
 * customer's own (one Code, signed once): the membership's old column of the
 * same name is no longer read or written.
 */
export function toMembership(
  r: GroupMembershipRow,
  customer: {
    name: string;
    codeOfConductSignedOn: string | null;
    landlordName: string | null;
    tenure: string | null;
  },
): Membership {
  const customerName = customer.name;
  return {
    id: r.id,
    groupId: r.group_id,
    customerId: r.customer_id,
    customerName,
    landlordName: customer.landlordName,
    tenure: customer.tenure,
    role: r.role as MemberRole,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    selectionMethod: r.selection_method as SelectionMethod | null,
    selectionNotes: r.selection_notes,
    roleDescriptionAgreedOn: r.role_description_agreed_on,
    codeOfConductSignedOn: customer.codeOfConductSignedOn,
    overrideReason: r.override_reason,
    updatedAt: r.updated_at,
  };
}

/** Today in Europe/London, `YYYY-MM-DD`: the date a coordinator would write. */
export function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

const longDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A London date for a message: `4 January 2027`. */
export function londonLongDate(instant: Date): string {
  return longDay.format(instant);
}
