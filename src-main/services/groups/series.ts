import type { z } from 'zod';
import type {
  ActivitySummary,
  SeriesPlanResult,
  seriesInput,
  seriesPlanInput,
} from '../../../src-shared/domain/meetings';
import { seriesDates } from '../../../src-shared/rules/meeting-series';
// The one place the meetings read the bank holidays (their home may move; only this line would change).
import { bankHolidays } from '../reference/bank-holidays';
import { writing, type CallContext } from '../context';
import { activitySummary, activityValues, checkActivity } from './activities';

/*
 * A recurring series keeps the first meeting's London wall-clock time and
 * length on every date, so a 6 pm meeting stays at 6 pm across the change to
 * and from British Summer Time.
 */

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `{ date: 'YYYY-MM-DD', minutes }`: the London date and minutes after midnight of an instant. */
function londonWallClock(instant: string): { date: string; minutes: number } {
  const p = Object.fromEntries(
    wallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** The instant of a London date and wall-clock time. */
function fromLondonWallClock(date: string, minutes: number): string {
  const asUtc = Date.parse(`${date}T00:00:00.000Z`) + minutes * 60_000;
  // The offset at the guess, then at the answer (they differ only within the hour of a change).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = londonWallClock(new Date(instant).toISOString());
    const seenUtc = Date.parse(`${seen.date}T00:00:00.000Z`) + seen.minutes * 60_000;
    instant -= seenUtc - asUtc;
  }
  return new Date(instant).toISOString();
}

export function planSeries(
  ctx: CallContext,
  input: z.output<typeof seriesPlanInput>,
): SeriesPlanResult {
  const first = londonWallClock(input.startsAt);
  const length = Date.parse(input.endsAt) - Date.parse(input.startsAt);
  const plan = seriesDates(
    first.date,
    input.repeat.frequency,
    input.repeat.count,
    bankHolidays(ctx),
  );
  return {
    meetings: plan.dates.map((d) => {
      const startsAt = fromLondonWallClock(d.on, first.minutes);
      return {
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + length).toISOString(),
        movedFrom: d.movedFrom,
        movedBecause: d.movedBecause,
      };
    }),
    uncoveredYears: plan.uncoveredYears,
  };
}

export async function saveSeries(
  ctx: CallContext,
  input: z.output<typeof seriesInput>,
): Promise<ActivitySummary[]> {
  // Every meeting of a series is still to happen: it is scheduled, never held in advance.
  const activity = { ...input.activity, id: undefined, status: 'scheduled' as const };
  await checkActivity(ctx, activity);
  const { meetings } = planSeries(ctx, { ...activity, repeat: input.repeat });
  const ids = await writing(ctx, async (w) => {
    const out: string[] = [];
    for (const m of meetings) {
      out.push(
        await w.create('activities', {
          ...activityValues({ ...activity, startsAt: m.startsAt, endsAt: m.endsAt }),
        }),
      );
    }
    return out;
  });
  return Promise.all(ids.map((id) => activitySummary(ctx, id)));
}
