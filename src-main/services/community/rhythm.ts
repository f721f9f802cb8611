import type { z } from 'zod';
import type {
  RhythmHome,
  RhythmPlanItem,
  deliveryInput,
  rhythmInput,
} from '../../../src-shared/domain/community';
import { ApiError } from '../../../src-shared/errors';
import {
  defaultRhythm,
  rhythmAttention,
  rhythmPlan,
  type RhythmItem,
} from '../../../src-shared/rules/engagement-rhythm';
import { displayName } from '../../../src-shared/domain/customer';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type CallContext } from '../context';
import { readSetting, saveSetting } from '../settings';

const RHYTHM_SETTING = 'community.rhythm';

/** The rhythm as this organisation set it; Thirteen's Framework until someone changes it. */
export function rhythmItems(ctx: CallContext): Promise<RhythmItem[]> {
  return readSetting<RhythmItem[]>(ctx, RHYTHM_SETTING, defaultRhythm);
}

export async function saveRhythmItems(
  ctx: CallContext,
  input: z.output<typeof rhythmInput>,
): Promise<RhythmItem[]> {
  const keys = new Set<string>();
  for (const [i, item] of input.items.entries()) {
    if (keys.has(item.key))
      throw ApiError.invalid('Two items share a key.', [
        { path: `items.${i}.key`, message: 'Each item needs its own key.' },
      ]);
    keys.add(item.key);
  }
  await writing(ctx, (w) => saveSetting(w, RHYTHM_SETTING, input.items));
  return rhythmItems(ctx);
}

/** Each group's customer lead: the Framework has them present their group's work at the Open Day. */
async function customerLeads(ctx: CallContext, today: string) {
  const rows = await ctx.db
    .selectFrom('group_memberships as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select(['g.name as group', 'c.first_name', 'c.last_name', 'c.preferred_name'])
    .where('m.role', '=', 'customer_lead')
    .where('m.deleted_at', 'is', null)
    .where('g.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', today)]))
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({
    group: r.group,
    name: displayName({
      firstName: r.first_name,
      lastName: r.last_name,
      preferredName: r.preferred_name,
    }),
  }));
}

export async function rhythmPlanFor(ctx: CallContext): Promise<RhythmPlanItem[]> {
  const today = londonDate(ctx.clock.now());
  const items = await rhythmItems(ctx);
  const deliveries = await ctx.db
    .selectFrom('rhythm_deliveries')
    .select(['id', 'rhythm_key', 'delivered_on', 'note', 'communication_id'])
    .where('deleted_at', 'is', null)
    .orderBy('delivered_on', 'desc')
    .execute();
  const leads = items.some((i) => i.key === 'open_day') ? await customerLeads(ctx, today) : [];
  return items.map((item) => {
    const mine = deliveries.filter((d) => d.rhythm_key === item.key);
    return {
      ...item,
      periods: rhythmPlan(
        item,
        mine.map((d) => d.delivered_on),
        today,
      ),
      deliveries: mine.slice(0, 12).map((d) => ({
        id: d.id,
        deliveredOn: d.delivered_on,
        note: d.note,
        communicationId: d.communication_id,
      })),
      presenters: item.key === 'open_day' ? leads : null,
    };
  });
}

export async function recordDelivery(
  ctx: CallContext,
  input: z.output<typeof deliveryInput>,
): Promise<RhythmPlanItem[]> {
  const items = await rhythmItems(ctx);
  if (!items.some((i) => i.key === input.rhythmKey))
    throw ApiError.invalid('That is not an item of the plan.', [
      { path: 'rhythmKey', message: 'Choose an item of the plan.' },
    ]);
  await writing(ctx, (w) =>
    w.create('rhythm_deliveries', {
      rhythm_key: input.rhythmKey,
      delivered_on: input.deliveredOn,
      note: input.note,
      communication_id: null,
    }),
  );
  return rhythmPlanFor(ctx);
}

/**
 * What Home shows: for each item, the part of the year under way with
 * nothing yet, and the parts missed in the last 12 months as one line (the
 * latest, with how many).
 */
export async function rhythmHome(ctx: CallContext): Promise<RhythmHome> {
  const today = londonDate(ctx.clock.now());
  const plan = await rhythmPlanFor(ctx);
  const due: RhythmHome['due'] = [];
  for (const item of plan) {
    const attention = rhythmAttention(item.periods, today);
    const missed = attention.filter((p) => p.state === 'overdue');
    if (missed.length)
      due.push({
        key: item.key,
        name: item.name,
        dueOn: missed[missed.length - 1]!.dueOn,
        state: 'overdue',
        missed: missed.length,
      });
    const current = attention.find((p) => p.state === 'due');
    if (current)
      due.push({ key: item.key, name: item.name, dueOn: current.dueOn, state: 'due', missed: 0 });
  }
  due.sort((a, b) =>
    a.state === b.state ? a.dueOn.localeCompare(b.dueOn) : a.state === 'overdue' ? -1 : 1,
  );
  return { today, due };
}
