import { addDays, subDays } from 'date-fns';
import type { ActivityKind } from '../../../src-shared/domain/meetings';
import { ageOn, isTenant } from '../../../src-shared/rules/membership';
import { isWorkingDay } from '../../../src-shared/rules/working-days';
import { bankHolidays } from '../reference/bank-holidays';
import { writing, type CallContext } from '../context';
import { refreshAllLastActivity } from './last-activity';
import { londonDate } from './mapping';

/** A small seeded generator (mulberry32), so every demo database is the same. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const venues = [
  { name: 'Thornaby Community Centre', address: 'Thornaby Road, Stockton-on-Tees TS17 8AA' },
  { name: 'Hartlepool Civic Centre', address: 'Victoria Road, Hartlepool TS24 8AY' },
  { name: 'Middlesbrough office', address: 'Northshore, Stockton-on-Tees TS18 2NB' },
  { name: 'Grangetown Community Hub', address: 'Birchington Avenue, Grangetown TS6 7LJ' },
];

const courses = [
  { name: 'Chairing meetings with confidence', provider: 'Talent School' },
  { name: 'Understanding performance data', provider: 'Talent School' },
  { name: 'Scrutiny skills: evidence and interviews', provider: 'TPAS' },
  { name: 'Estate inspection basics', provider: 'Talent School' },
];

interface DemoCustomer {
  id: string;
  landlord_id: string | null;
  tenure: string | null;
  date_of_birth: string | null;
  is_board_member: number;
  code_of_conduct_signed_on: string | null;
}

/**
 * Members for the template's groups, a year of meetings before today and a
 * few weeks after, attendance, Talent School courses and satisfaction scores.
 * The Scrutiny Panel is deliberately one Tristar Homes tenant short, so the
 * demo shows a rule status.
 */
export async function loadGroupsDemo(
  ctx: CallContext,
  seed: number,
): Promise<Record<string, number>> {
  const rand = random(seed * 7919 + 3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const now = ctx.clock.now();
  const today = londonDate(now);
  const calendar = bankHolidays(ctx);
  // Meetings fall on working days: one due on a weekend or a bank holiday
  // (25 December, 1 January, …) moves to the next working day.
  const meetingDay = (day: Date): Date => {
    let d = day;
    while (!isWorkingDay(d.toISOString().slice(0, 10), calendar)) d = addDays(d, 1);
    return d;
  };
  const [groups, customers, landlords] = await Promise.all([
    ctx.db
      .selectFrom('groups')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('customers')
      .select([
        'id',
        'landlord_id',
        'tenure',
        'date_of_birth',
        'is_board_member',
        'code_of_conduct_signed_on',
      ])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('landlords')
      .select(['id', 'name', 'is_partner'])
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .execute(),
  ]);
  if (groups.length === 0 || customers.length === 0) return {};

  const onCorporate = new Set<string>();
  const membersOf = new Map<string, string[]>();
  const counts = { memberships: 0, activities: 0, attendance: 0, courses: 0 };

  return writing(ctx, async (w) => {
    const join = async (groupId: string, c: DemoCustomer, role: string, standing: boolean) => {
      const joinedOn = londonDate(subDays(now, 200 + Math.floor(rand() * 500)));
      await w.create('group_memberships', {
        group_id: groupId,
        customer_id: c.id,
        role,
        joined_on: joinedOn,
        left_on: null,
        selection_method: pick(['skills_review', 'interview', 'expression_of_interest']),
        selection_notes: null,
        role_description_agreed_on: joinedOn,
        // The Code of Conduct is signed once, on the customer's record.
        code_of_conduct_signed_on: null,
        override_reason: null,
      });
      // Members of the standing groups sign the Code when they join (rule 5).
      if (standing && c.code_of_conduct_signed_on === null) {
        await w.update('customers', c.id, { code_of_conduct_signed_on: joinedOn });
        c.code_of_conduct_signed_on = joinedOn;
      }
      membersOf.set(groupId, [...(membersOf.get(groupId) ?? []), c.id]);
      counts.memberships += 1;
    };
    const free = (c: DemoCustomer) => !onCorporate.has(c.id) && c.is_board_member === 0;

    for (const g of groups) {
      const wanted: DemoCustomer[] = [];
      if (g.kind === 'corporate') {
        if (g.min_tenants_per_partner) {
          for (const l of landlords.filter((x) => x.is_partner === 1)) {
            const short = g.name === 'Scrutiny Panel' && l.name === 'Tristar Homes' ? 1 : 0;
            const tenants = customers.filter(
              (c) => c.landlord_id === l.id && isTenant(c.tenure) && free(c) && !wanted.includes(c),
            );
            wanted.push(...tenants.slice(0, g.min_tenants_per_partner - short));
          }
        }
        const eligible = customers.filter(
          (c) =>
            free(c) &&
            !wanted.includes(c) &&
            (g.min_age === null ||
              (c.date_of_birth !== null && ageOn(c.date_of_birth, today) >= g.min_age)) &&
            (g.max_age === null ||
              (c.date_of_birth !== null && ageOn(c.date_of_birth, today) <= g.max_age)),
        );
        // The remaining places, filled on skills and behaviours.
        wanted.push(...eligible.slice(0, 3));
        for (const c of wanted) onCorporate.add(c.id);
      } else if (g.kind !== 'virtual_pool') {
        const size = 6 + Math.floor(rand() * 10);
        for (let i = 0; i < size; i++) {
          const c = pick(customers);
          if (!wanted.includes(c)) wanted.push(c);
        }
      }
      for (const [i, c] of wanted.entries())
        await join(
          g.id,
          c,
          i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
          g.kind === 'corporate',
        );
    }

    const courseIds: string[] = [];
    for (const c of courses) {
      courseIds.push(
        await w.create('training_courses', {
          name: c.name,
          description: null,
          provider: c.provider,
        }),
      );
      counts.courses += 1;
    }

    const attend = async (
      activityId: string,
      customerIds: string[],
      minutes: number,
      held: boolean,
    ) => {
      for (const customerId of customerIds) {
        const roll = rand();
        const status = !held
          ? null
          : roll < 0.75
            ? 'present'
            : roll < 0.92
              ? 'apologies'
              : 'absent';
        if (status === null) continue;
        const scored = status === 'present' && rand() < 0.5;
        await w.create('attendance', {
          activity_id: activityId,
          customer_id: customerId,
          staff_id: null,
          is_member: 1,
          status,
          minutes_given: status === 'present' ? minutes : null,
          satisfaction_opportunity: scored ? 3 + Math.floor(rand() * 3) : null,
          satisfaction_involvement: scored ? 2 + Math.floor(rand() * 4) : null,
          satisfaction_comment: null,
        });
        counts.attendance += 1;
      }
    };

    const schedule = async (
      kind: ActivityKind,
      title: string,
      groupId: string | null,
      courseId: string | null,
      day: Date,
      people: string[],
    ) => {
      const venue = pick(venues);
      const weekday = meetingDay(day);
      const start = new Date(
        Date.UTC(weekday.getUTCFullYear(), weekday.getUTCMonth(), weekday.getUTCDate(), 17, 30),
      );
      const minutes = kind === 'training_session' ? 180 : 120;
      const past = start.getTime() < now.getTime();
      const cancelled = past && rand() < 0.05;
      const id = await w.create('activities', {
        kind,
        title,
        status: cancelled ? 'cancelled' : past ? 'held' : 'scheduled',
        group_id: groupId,
        course_id: courseId,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + minutes * 60_000).toISOString(),
        venue_kind: 'community_centre',
        venue_name: venue.name,
        venue_address: venue.address,
        agenda:
          kind === 'meeting'
            ? '1. Welcome and apologies\n2. Minutes of the last meeting\n3. Performance report\n4. Any other business'
            : null,
        notes: null,
      });
      counts.activities += 1;
      if (past && !cancelled) await attend(id, people, minutes, true);
      if (past && kind === 'meeting' && rand() < 0.4) {
        await w.create('activity_actions', {
          activity_id: id,
          description: 'Circulate the performance report to members',
          owner: 'Involvement team',
          due_on: londonDate(addDays(start, 14)),
          done_on: rand() < 0.6 ? londonDate(addDays(start, 10)) : null,
        });
      }
    };

    const month = (d: Date) =>
      d.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    for (const g of groups) {
      const target = g.target_meetings_per_year;
      if (!target) continue;
      const people = membersOf.get(g.id) ?? [];
      // A year back and six weeks ahead, spaced evenly, with a little slippage.
      const gap = 365 / target;
      for (let d = -365 + Math.floor(rand() * gap); d < 42; d += gap) {
        if (rand() < 0.08) continue;
        const day = meetingDay(addDays(now, Math.round(d)));
        await schedule('meeting', `${g.name}, ${month(day)}`, g.id, null, day, people);
      }
    }
    for (let m = -12; m <= 1; m++) {
      const course = courseIds[(m + 12) % courseIds.length]!;
      const name = courses[(m + 12) % courses.length]!.name;
      const day = addDays(now, m * 30 + 3);
      const learners = Array.from({ length: 5 + Math.floor(rand() * 6) }, () => pick(customers).id);
      await schedule('training_session', name, null, course, day, [...new Set(learners)]);
    }
    for (const kind of ['roadshow', 'open_day', 'estate_walkabout'] as const) {
      const day = addDays(now, -Math.floor(rand() * 300));
      const title =
        kind === 'roadshow'
          ? 'Summer roadshow'
          : kind === 'open_day'
            ? 'Involvement Open Day'
            : 'Estate walkabout';
      await schedule(
        kind,
        title,
        null,
        null,
        day,
        Array.from({ length: 8 }, () => pick(customers).id).filter((v, i, a) => a.indexOf(v) === i),
      );
    }

    await refreshAllLastActivity(w);
    return counts;
  });
}
