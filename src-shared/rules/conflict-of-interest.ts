/**
 * Whether a panel member may sit on a case. Some conflicts refuse the member
 * outright: being the complainant, living at the same address, or having
 * declared a relation to the complainant or prior involvement in the
 * complaint. Others are warnings a coordinator may accept with a reason
 * (recorded with the assignment): living on the same street, or on the same
 * estate. A street counts as the same only within the same postcode district
 * and town, so "Acklam Road, TS5" and "Acklam Road, TS21" are different
 * streets.
 */
export interface PersonPlace {
  customerId: string | null;
  name: string;
  /** First line of the address as typed; compared loosely. */
  addressLine1: string | null;
  postcode: string | null;
  town?: string | null;
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

/** A refusal stops the assignment; a warning may be accepted with a reason. */
export type ConflictSeverity = 'refusal' | 'warning';

export interface Conflict {
  kind: ConflictKind;
  severity: ConflictSeverity;
  message: string;
}

const severityOf: Record<ConflictKind, ConflictSeverity> = {
  is_complainant: 'refusal',
  same_address: 'refusal',
  relation: 'refusal',
  prior_involvement: 'refusal',
  same_street: 'warning',
  same_estate: 'warning',
};

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

function postcodeOf(p: string | null | undefined): string {
  return normal(p).replace(/\s+/g, '');
}

/** "TS5 7AB" → "TS5"; the outward code is everything but the last three characters. */
export function postcodeDistrict(p: string | null | undefined): string {
  const compact = postcodeOf(p).toUpperCase();
  return compact.length > 3 ? compact.slice(0, -3) : '';
}

/**
 * Two addresses are on the same street when the street names match and
 * nothing recorded places them apart: a different postcode district or a
 * different town. Where neither is recorded the street name is all there is,
 * and a warning a coordinator can accept costs less than a missed conflict.
 */
function sameStreet(a: PersonPlace, b: PersonPlace): boolean {
  const street = streetOf(a.addressLine1);
  if (street === '' || street !== streetOf(b.addressLine1)) return false;
  const [da, db] = [postcodeDistrict(a.postcode), postcodeDistrict(b.postcode)];
  if (da && db && da !== db) return false;
  const [ta, tb] = [normal(a.town), normal(b.town)];
  if (ta && tb && ta !== tb) return false;
  return true;
}

function conflict(kind: ConflictKind, message: string): Conflict {
  return { kind, severity: severityOf[kind], message };
}

/**
 * How the messages name the other party and the matter: the complaint panel's
 * words by default; the Community Fund panel names the applicant's contact
 * and the application, under the same rule.
 */
export interface ConflictWords {
  party: string;
  matter: string;
  sits: string;
}

const complaintWords: ConflictWords = {
  party: 'the complainant',
  matter: 'this complaint',
  sits: 'cannot hear their own complaint',
};

export function findConflicts(
  member: PersonPlace,
  complainant: PersonPlace,
  declared: MemberDeclarations,
  said: ConflictWords = complaintWords,
): Conflict[] {
  const out: Conflict[] = [];
  const who = member.name;
  if (member.customerId && complainant.customerId && member.customerId === complainant.customerId) {
    out.push(conflict('is_complainant', `${who} is ${said.party} and ${said.sits}.`));
    return out;
  }
  const samePostcode =
    postcodeOf(member.postcode) !== '' &&
    postcodeOf(member.postcode) === postcodeOf(complainant.postcode);
  const sameAddress =
    samePostcode &&
    normal(member.addressLine1) !== '' &&
    normal(member.addressLine1) === normal(complainant.addressLine1);
  if (sameAddress) {
    out.push(conflict('same_address', `${who} lives at the same address as ${said.party}.`));
  } else if (sameStreet(member, complainant)) {
    const where = [member.addressLine1, member.town, member.postcode].filter(Boolean).join(', ');
    out.push(
      conflict('same_street', `${who} lives on the same street as ${said.party} (${where}).`),
    );
  }
  if (member.neighbourhoodId && member.neighbourhoodId === complainant.neighbourhoodId) {
    const estate = member.neighbourhoodName ? ` (${member.neighbourhoodName})` : '';
    out.push(conflict('same_estate', `${who} lives on the same estate as ${said.party}${estate}.`));
  }
  if (declared.relation) {
    out.push(
      conflict(
        'relation',
        `${who} has declared a relation to ${said.party}: ${declared.relation}.`,
      ),
    );
  }
  if (declared.priorInvolvement) {
    out.push(
      conflict(
        'prior_involvement',
        `${who} has declared prior involvement in ${said.matter}: ${declared.priorInvolvement}.`,
      ),
    );
  }
  return out;
}

export const refusalsOf = (conflicts: Conflict[]) =>
  conflicts.filter((c) => c.severity === 'refusal');
export const warningsOf = (conflicts: Conflict[]) =>
  conflicts.filter((c) => c.severity === 'warning');

/** One sentence for a refusal: every hard conflict found, so the coordinator sees them all at once. */
export function conflictRefusal(conflicts: Conflict[]): string | null {
  const hard = refusalsOf(conflicts);
  if (!hard.length) return null;
  return `This member cannot sit on the case. ${hard.map((c) => c.message).join(' ')}`;
}

/** The warnings to accept before the member is seated, or null when there are none. */
export function conflictWarning(conflicts: Conflict[]): string | null {
  const soft = warningsOf(conflicts);
  if (!soft.length) return null;
  return `${soft.map((c) => c.message).join(' ')} Give a reason to seat them anyway, or choose another member.`;
}
