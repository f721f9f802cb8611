import type { GroupDates } from '../../../src-shared/rules/cadence';
import type { AppContext } from '../context';
import { londonDate } from './mapping';

/**
 * What the cadence rule needs to know of when each group ran: its recorded
 * dates, the day it was set up and its first meeting on record.
 */
export async function groupDates(
  ctx: AppContext,
  groups: readonly {
    id: string;
    starts_on: string | null;
    ends_on: string | null;
    created_at: string;
  }[],
): Promise<Map<string, GroupDates>> {
  const ids = groups.map((g) => g.id);
  const first = ids.length
    ? await ctx.db
        .selectFrom('activities')
        .select(['group_id', (eb) => eb.fn.min<string>('starts_at').as('first')])
        .where('deleted_at', 'is', null)
        .where('status', '!=', 'cancelled')
        .where('group_id', 'in', ids)
        .groupBy('group_id')
        .execute()
    : [];
  const firstOf = new Map(first.map((r) => [r.group_id as string, r.first]));
  return new Map(
    groups.map((g) => {
      const firstMeeting = firstOf.get(g.id);
      return [
        g.id,
        {
          startsOn: g.starts_on,
          endsOn: g.ends_on,
          createdOn: londonDate(new Date(g.created_at)),
          firstMeetingOn: firstMeeting ? londonDate(new Date(firstMeeting)) : null,
        },
      ];
    }),
  );
}
