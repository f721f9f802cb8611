import defaults from '../../../resources/default-groups.json';
import type { GroupFamily, GroupKind } from '../../../src-shared/domain/groups';
import type { Writer } from '../../changes/writer';

interface TemplateGroup {
  name: string;
  family: GroupFamily;
  kind: GroupKind;
  targetMeetingsPerYear: number | null;
  cadenceNote: string | null;
  commitment: string | null;
  minTenantsPerPartner?: number;
  excludeBoardMembers?: boolean;
  minAge?: number;
  maxAge?: number;
}

/**
 * The default template's groups (resources/default-groups.json): the
 * Strategy's Appendix A and the Framework's groups. Returns their ids by name.
 */
export async function createDefaultGroups(w: Writer): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const g of defaults.groups as TemplateGroup[]) {
    const id = await w.create('groups', {
      name: g.name,
      family: g.family,
      kind: g.kind,
      landlord_id: null,
      area_id: null,
      target_meetings_per_year: g.targetMeetingsPerYear,
      cadence_note: g.cadenceNote,
      commitment: g.commitment,
      description: null,
      // Each policy's task & finish group gets its own dates when it is set up.
      starts_on: null,
      ends_on: null,
      min_tenants_per_partner: g.minTenantsPerPartner ?? null,
      exclude_board_members: g.excludeBoardMembers ? 1 : 0,
      min_age: g.minAge ?? null,
      max_age: g.maxAge ?? null,
    });
    ids.set(g.name, id);
  }
  return ids;
}
