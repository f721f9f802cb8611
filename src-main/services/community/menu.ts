import type { z } from 'zod';
import type { MenuOpportunity, menuEntryInput } from '../../../src-shared/domain/community';
import { groupFamilyLabels, type GroupFamily } from '../../../src-shared/domain/groups';
import type { Skill } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type CallContext } from '../context';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { readSetting } from '../settings';

/**
 * The involvement "menu" (the Strategy's plan): every current group with
 * its commitment, the skills it uses and the training offered, and how to
 * join. Groups that have ended are not on it; a group can be kept off it.
 */
export async function menuOpportunities(ctx: CallContext): Promise<MenuOpportunity[]> {
  const today = londonDate(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('groups as g')
    .leftJoin('menu_entries as e', (j) =>
      j.onRef('e.group_id', '=', 'g.id').on('e.deleted_at', 'is', null),
    )
    .select([
      'g.id',
      'g.name',
      'g.family',
      'g.commitment',
      'g.cadence_note',
      'g.description',
      'e.listed',
      'e.skills',
      'e.training_offered',
      'e.how_to_join',
    ])
    .where('g.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('g.ends_on', 'is', null), eb('g.ends_on', '>=', today)]))
    .orderBy('g.family')
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({
    groupId: r.id,
    group: r.name,
    family: groupFamilyLabels[r.family as GroupFamily] ?? r.family,
    commitment: r.commitment ?? r.cadence_note,
    description: r.description,
    skills: r.skills ? (JSON.parse(r.skills) as Skill[]) : [],
    trainingOffered: r.training_offered,
    howToJoin: r.how_to_join,
    listed: r.listed === null ? true : r.listed === 1,
  }));
}

export async function saveMenuEntry(
  ctx: CallContext,
  input: z.output<typeof menuEntryInput>,
): Promise<MenuOpportunity[]> {
  const group = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('id', '=', input.groupId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!group) throw ApiError.notFound('The group');
  const values = {
    listed: input.listed ? 1 : 0,
    skills: JSON.stringify(input.skills),
    training_offered: input.trainingOffered,
    how_to_join: input.howToJoin,
  };
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('menu_entries')
      .select('id')
      .where('group_id', '=', input.groupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) await w.update('menu_entries', existing.id, values);
    else await w.create('menu_entries', { group_id: input.groupId, ...values });
  });
  return menuOpportunities(ctx);
}

export const MENU_EXPORT_STEPS = [
  'Reading the groups',
  'Printing the menu',
  'Writing the workbook',
] as const;

export async function exportMenu(
  ctx: CallContext,
  job: JobControl,
): Promise<{ opportunities: number }> {
  job.step(MENU_EXPORT_STEPS[0]);
  const listed = (await menuOpportunities(ctx)).filter((o) => o.listed);
  const organisation = await readSetting<string>(ctx, 'organisation.name', 'Involvement Desk');
  const asOf = londonDate(ctx.clock.now());
  job.step(MENU_EXPORT_STEPS[1], listed.length);
  const { bytes: pdf } = await runInWorker(job, 'community.menu-pdf', {
    organisation,
    asOf,
    opportunities: listed,
  });
  await job.keepFile('pdf', 'involvement-menu.pdf', 'application/pdf', pdf);
  job.step(MENU_EXPORT_STEPS[2], listed.length);
  const { bytes: xlsx } = await runInWorker(job, 'community.menu-xlsx', { opportunities: listed });
  await job.keepFile(
    'xlsx',
    'involvement-menu.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  );
  return { opportunities: listed.length };
}
