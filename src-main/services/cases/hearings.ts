import type { HearingEntry } from '../../../src-shared/domain/cases';
import { dayNotice } from '../../../src-shared/rules/scheduling-days';
import type { CallContext } from '../context';
import { bankHolidays } from '../reference/bank-holidays';

/*
 * Panel hearings on the Calendar beside the groups' meetings. A hearing that
 * was held shows on the day it was held; one still to come on the day it is
 * scheduled for. Cases that ended before a hearing are left off.
 */

const NO_HEARING = ['declined', 'withdrawn'];

export async function listHearings(
  ctx: CallContext,
  input: { from: string; to: string },
): Promise<HearingEntry[]> {
  const rows = await ctx.db
    .selectFrom('complaint_cases')
    .select(['id', 'reference', 'hearing_date', 'heard_on', 'status'])
    .where('deleted_at', 'is', null)
    .where('hearing_date', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('hearing_date', '>=', input.from), eb('hearing_date', '<=', input.to)]),
        eb.and([eb('heard_on', '>=', input.from), eb('heard_on', '<=', input.to)]),
      ]),
    )
    .orderBy('reference')
    .execute();
  return rows
    .filter((r) => !(NO_HEARING.includes(r.status) && !r.heard_on))
    .map((r) => ({
      caseId: r.id,
      reference: r.reference,
      date: r.heard_on ?? r.hearing_date!,
      held: r.heard_on !== null,
    }))
    .filter((h) => h.date >= input.from && h.date <= input.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
}

export function dayNoticeFor(ctx: CallContext, input: { date: string }): { notice: string | null } {
  return { notice: dayNotice(input.date, bankHolidays(ctx)) };
}
