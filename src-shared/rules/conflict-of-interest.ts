/**
 * Whether a panel member may sit on a case. A member must not be the
 * complainant, live at the same address or on the same street or estate, or
 * have declared a relation to the complainant or prior involvement in the
 * complaint. Any conflict blocks the assignment, with the reason in words.
 */
export interface PersonPlace {
  customerId: string | null;
  name: string;
  /** First line of the address as typed; compared loosely. */
  addressLine1: string | null;
  postcode: string | null;
  /** The estate or neighbourhood the home belongs to, if known. */
  neighbourhoodId: string | null;
  neighbourhoodName?: string | null;
}

export interface MemberDeclarations {
  relation: string | null;
  priorInvolvement: string | null;
}

export type ConflictKind =
  | 'is_complainant'
  | 'same_address'
  | 'same_street'
  | 'same_estate'
  | 'relation'
  | 'prior_involvement';

export interface Conflict {
  kind: ConflictKind;
  message: string;
}

function normal(s: string | null | undefined): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "12a High Street" → "high street": the street without the house number or flat. */
export function streetOf(addressLine1: string | null): string {
  return normal(addressLine1)
    .replace(/^(flat|apartment|apt|unit)\s+\S+\s+/, '')
    .replace(/^(\d+[a-z]?\s+)+/, '')
    .trim();
}

function postcodeOf(p: string | null): string {
  return normal(p).replace(/\s+/g, '');
}

export function findConflicts(
  member: PersonPlace,
  complainant: PersonPlace,
  declared: MemberDeclarations,
): Conflict[] {
  const out: Conflict[] = [];
  const who = member.name;
  if (member.customerId && complainant.customerId && member.customerId === complainant.customerId) {
    out.push({
      kind: 'is_complainant',
      message: `${who} is the complainant and cannot hear their own complaint.`,
    });
    return out;
  }
  const samePostcode =
    postcodeOf(member.postcode) !== '' &&
    postcodeOf(member.postcode) === postcodeOf(complainant.postcode);
  const memberStreet = streetOf(member.addressLine1);
  const sameAddress =
    samePostcode &&
    normal(member.addressLine1) !== '' &&
    normal(member.addressLine1) === normal(complainant.addressLine1);
  if (sameAddress) {
    out.push({
      kind: 'same_address',
      message: `${who} lives at the same address as the complainant.`,
    });
  } else if (memberStreet !== '' && memberStreet === streetOf(complainant.addressLine1)) {
    out.push({
      kind: 'same_street',
      message: `${who} lives on the same street as the complainant (${member.addressLine1}).`,
    });
  }
  if (member.neighbourhoodId && member.neighbourhoodId === complainant.neighbourhoodId) {
    const estate = member.neighbourhoodName ? ` (${member.neighbourhoodName})` : '';
    out.push({
      kind: 'same_estate',
      message: `${who} lives on the same estate as the complainant${estate}.`,
    });
  }
  if (declared.relation) {
    out.push({
      kind: 'relation',
      message: `${who} has declared a relation to the complainant: ${declared.relation}.`,
    });
  }
  if (declared.priorInvolvement) {
    out.push({
      kind: 'prior_involvement',
      message: `${who} has declared prior involvement in this complaint: ${declared.priorInvolvement}.`,
    });
  }
  return out;
}

/** One sentence for a refusal: every conflict found, so the coordinator sees them all at once. */
export function conflictRefusal(conflicts: Conflict[]): string | null {
  if (!conflicts.length) return null;
  return `This member cannot sit on the case. ${conflicts.map((c) => c.message).join(' ')}`;
}
