import { panelSeatsWithPlaces } from '../groups/panel-candidates';
import type { z } from 'zod';
import type {
  assignMemberInput,
  availabilityInput,
  declarationInput,
  removeAssignmentInput,
} from '../../../src-shared/domain/cases';
import type { MemberCandidate, PanelAssignment } from '../../../src-shared/domain/cases';
import { ApiError } from '../../../src-shared/errors';
import {
  conflictRefusal,
  conflictWarning,
  findConflicts,
  warningsOf,
  type PersonPlace,
} from '../../../src-shared/rules/conflict-of-interest';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { panelGroupSetting } from './settings';

/*
 * Panel members come from the Designated Complaints Panel group's current
 * memberships. Until that group is set up, any active customer on the
 * register may be chosen, so the team is never stuck.
 */

const CLOSED_STATUSES = ['closed', 'withdrawn', 'declined', 'referred_to_ombudsman'];

function fullName(r: {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}): string {
  return `${r.preferred_name ?? r.first_name} ${r.last_name}`;
}

/** The id of the Designated Complaints Panel group: the setting, else the group of that name. */
export async function panelGroupId(ctx: AppContext): Promise<string | null> {
  const configured = await panelGroupSetting(ctx);
  if (configured) return configured;
  const byName = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('name', 'like', '%Designated Complaints Panel%'), eb('name', '=', 'DCP')]),
    )
    .executeTakeFirst();
  return byName?.id ?? null;
}

export async function listPanel(ctx: AppContext, caseId: string): Promise<PanelAssignment[]> {
  const rows = await ctx.db
    .selectFrom('case_panel_members as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select([
      'm.id',
      'm.customer_id',
      'm.availability',
      'm.availability_note',
      'm.assigned_on',
      'm.accepted_warning',
      'c.first_name',
      'c.last_name',
      'c.preferred_name',
    ])
    .where('m.case_id', '=', caseId)
    .where('m.deleted_at', 'is', null)
    .orderBy('c.last_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    name: fullName(r),
    availability: r.availability as PanelAssignment['availability'],
    availabilityNote: r.availability_note,
    assignedOn: r.assigned_on,
    acceptedWarning: r.accepted_warning,
  }));
}

async function complainantPlace(ctx: AppContext, caseId: string): Promise<PersonPlace> {
  const row = await ctx.db
    .selectFrom('complaint_cases as k')
    .leftJoin('customers as c', 'c.id', 'k.complainant_customer_id')
    .leftJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
    .select([
      'k.status',
      'k.complainant_customer_id',
      'k.complainant_name',
      'k.complainant_address_line1',
      'k.complainant_town',
      'k.complainant_postcode',
      'c.address_line1',
      'c.town',
      'c.postcode',
      'c.neighbourhood_id',
      'n.name as neighbourhood_name',
    ])
    .where('k.id', '=', caseId)
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The case');
  return {
    customerId: row.complainant_customer_id,
    name: row.complainant_name,
    addressLine1: row.complainant_address_line1 ?? row.address_line1,
    postcode: row.complainant_postcode ?? row.postcode,
    town: row.complainant_town ?? row.town,
    neighbourhoodId: row.neighbourhood_id,
    neighbourhoodName: row.neighbourhood_name,
  };
}

async function candidatesQuery(ctx: AppContext, customerId?: string) {
  const groupId = await panelGroupId(ctx);
  return { rows: await panelSeatsWithPlaces(ctx, groupId, { customerId, limit: 500 }), groupId };
}

async function declarationsFor(ctx: AppContext, caseId: string) {
  const rows = await ctx.db
    .selectFrom('case_declarations')
    .select(['customer_id', 'relation', 'prior_involvement'])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(
    rows.map((r) => [
      r.customer_id,
      { relation: r.relation, priorInvolvement: r.prior_involvement },
    ]),
  );
}

export async function panelCandidates(
  ctx: CallContext,
  input: { caseId: string },
): Promise<{ fromGroup: boolean; candidates: MemberCandidate[] }> {
  const complainant = await complainantPlace(ctx, input.caseId);
  const [{ rows, groupId }, declared, assigned] = await Promise.all([
    candidatesQuery(ctx),
    declarationsFor(ctx, input.caseId),
    listPanel(ctx, input.caseId),
  ]);
  const assignedIds = new Set(assigned.map((a) => a.customerId));
  return {
    fromGroup: groupId !== null,
    candidates: rows.map((r) => ({
      customerId: r.id,
      name: fullName(r),
      assigned: assignedIds.has(r.id),
      conflicts: findConflicts(
        {
          customerId: r.id,
          name: fullName(r),
          addressLine1: r.address_line1,
          postcode: r.postcode,
          town: r.town,
          neighbourhoodId: r.neighbourhood_id,
          neighbourhoodName: r.neighbourhood_name,
        },
        complainant,
        declared.get(r.id) ?? { relation: null, priorInvolvement: null },
      ),
    })),
  };
}

export async function assignMember(
  ctx: CallContext,
  input: z.output<typeof assignMemberInput>,
): Promise<PanelAssignment[]> {
  const complainant = await complainantPlace(ctx, input.caseId);
  const status = (
    await ctx.db
      .selectFrom('complaint_cases')
      .select('status')
      .where('id', '=', input.caseId)
      .executeTakeFirstOrThrow()
  ).status;
  if (CLOSED_STATUSES.includes(status))
    throw ApiError.invalid('This case has ended, so its panel cannot change.');
  const { rows, groupId } = await candidatesQuery(ctx, input.customerId);
  const member = rows[0];
  if (!member) {
    throw ApiError.invalid(
      groupId
        ? 'This customer is not a current member of the Designated Complaints Panel.'
        : 'This customer is not an active customer on the register.',
      [{ path: 'customerId', message: 'Choose a panel member.' }],
    );
  }
  const declared = (await declarationsFor(ctx, input.caseId)).get(member.id) ?? {
    relation: null,
    priorInvolvement: null,
  };
  const conflicts = findConflicts(
    {
      customerId: member.id,
      name: fullName(member),
      addressLine1: member.address_line1,
      postcode: member.postcode,
      town: member.town,
      neighbourhoodId: member.neighbourhood_id,
      neighbourhoodName: member.neighbourhood_name,
    },
    complainant,
    declared,
  );
  const refusal = conflictRefusal(conflicts);
  if (refusal) throw ApiError.invalid(refusal, [{ path: 'customerId', message: refusal }]);
  const warning = conflictWarning(conflicts);
  if (warning && !input.acceptWarningReason) {
    throw new ApiError('invalid', warning, [
      { path: 'acceptWarningReason', message: 'Give the reason this member may sit anyway.' },
    ]);
  }
  const accepted = warning
    ? `${warningsOf(conflicts)
        .map((c) => c.message)
        .join(' ')} Accepted: ${input.acceptWarningReason}`
    : null;
  const existing = await listPanel(ctx, input.caseId);
  if (existing.some((a) => a.customerId === member.id))
    throw new ApiError('conflict', `${fullName(member)} is already on this case’s panel.`);
  await writing(ctx, (w) =>
    w.create(
      'case_panel_members',
      {
        case_id: input.caseId,
        customer_id: member.id,
        assigned_on: londonDate(ctx.clock.now()),
        availability: 'unknown',
        availability_note: null,
        accepted_warning: accepted,
      },
      { reason: accepted },
    ),
  );
  return listPanel(ctx, input.caseId);
}

/** Records a member's declared relation or prior involvement; an assigned member so declared is taken off. */
export async function declareInterest(
  ctx: CallContext,
  input: z.output<typeof declarationInput>,
): Promise<PanelAssignment[]> {
  await complainantPlace(ctx, input.caseId);
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('case_declarations')
      .select('id')
      .where('case_id', '=', input.caseId)
      .where('customer_id', '=', input.customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const values = { relation: input.relation, prior_involvement: input.priorInvolvement };
    if (existing) await w.update('case_declarations', existing.id, values);
    else
      await w.create('case_declarations', {
        case_id: input.caseId,
        customer_id: input.customerId,
        ...values,
      });
    if (input.relation || input.priorInvolvement) {
      const assigned = await w.trx
        .selectFrom('case_panel_members')
        .select('id')
        .where('case_id', '=', input.caseId)
        .where('customer_id', '=', input.customerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (assigned)
        await w.remove('case_panel_members', assigned.id, {
          reason: 'Declared a conflict of interest',
        });
    }
  });
  return listPanel(ctx, input.caseId);
}

/** The case a live panel assignment belongs to. */
async function assignmentCase(ctx: CallContext, assignmentId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('case_panel_members')
    .select('case_id')
    .where('id', '=', assignmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The panel assignment');
  return row.case_id;
}

export async function setAvailability(
  ctx: CallContext,
  input: z.output<typeof availabilityInput>,
): Promise<PanelAssignment[]> {
  const caseId = await assignmentCase(ctx, input.assignmentId);
  await writing(ctx, (w) =>
    w.update('case_panel_members', input.assignmentId, {
      availability: input.availability,
      availability_note: input.note,
    }),
  );
  return listPanel(ctx, caseId);
}

export async function removeMember(
  ctx: CallContext,
  input: z.output<typeof removeAssignmentInput>,
): Promise<PanelAssignment[]> {
  const caseId = await assignmentCase(ctx, input.assignmentId);
  await writing(ctx, (w) =>
    w.remove('case_panel_members', input.assignmentId, { reason: input.reason }),
  );
  return listPanel(ctx, caseId);
}
