import { uuidv7 } from 'uuidv7';
import { caseDashboard } from '../../src-main/services/cases/cases';
import { trackRecommendations } from '../../src-main/services/recommendations/recommendations';
import { addCalendarDays } from '../../src-shared/rules/working-days';
import { optimiseDatabase } from '../../src-main/db/optimise';
import { openTestApp } from '../support/temp-db';
import { report, timePaired, type BenchModule } from './harness';

const CASES = 20_000;
const OPEN_CASES = 2_000;
const RECOMMENDATIONS = 100_000;
const TODAY = '2026-11-23';

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

/**
 * The due and overdue dashboard over 20,000 cases (2,000 still open, their
 * next deadlines spread from 60 days ago to 60 days ahead) and the overdue
 * page of the tracker over 100,000 recommendations, each through the service
 * and as the same raw SQL, in the same run.
 */
export const casesBench: BenchModule = {
  name: 'cases',
  async run() {
    const app = await openTestApp({ clock: `${TODAY}T10:00:00.000Z`, role: 'coordinator' });
    const ctx = await app.ctx();
    const db = ctx.raw;
    const rand = random(13);
    const at = '2026-01-01T00:00:00.000Z';
    const actor = ctx.actor!.id;
    const started = performance.now();
    const caseIds: string[] = [];
    db.transaction(() => {
      const insertCase = db.prepare(
        `INSERT INTO complaint_cases (id, created_at, updated_at, updated_by, reference, status, referred_on, referred_by,
           complainant_name, service_area, subject, next_due, next_due_label)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'complainant', ?, 'repairs', 'Bench complaint', ?, ?)`,
      );
      for (let i = 0; i < CASES; i++) {
        const id = uuidv7();
        caseIds.push(id);
        const open = i >= CASES - OPEN_CASES;
        const referred = addCalendarDays(TODAY, -Math.floor(rand() * 3650));
        const due = open ? addCalendarDays(TODAY, Math.floor(rand() * 121) - 60) : null;
        insertCase.run(
          id,
          at,
          at,
          actor,
          `DCP-B-${String(i).padStart(6, '0')}`,
          open ? 'accepted' : 'closed',
          referred,
          `Complainant ${i}`,
          due,
          open ? 'Hold the hearing' : null,
        );
      }
      const insertRec = db.prepare(
        `INSERT INTO recommendations (id, created_at, updated_at, updated_by, reference, source_type, source_id, text,
           service_area, owner, due_date, status, systemic)
         VALUES (?, ?, ?, ?, ?, 'complaint_case', ?, 'Bench recommendation', 'repairs', ?, ?, ?, ?)`,
      );
      const statuses = ['open', 'in_progress', 'implemented', 'verified'];
      for (let i = 0; i < RECOMMENDATIONS; i++) {
        insertRec.run(
          uuidv7(),
          at,
          at,
          actor,
          `B/R${i}`,
          caseIds[Math.floor(rand() * CASES)]!,
          `Owner ${Math.floor(rand() * 40)}`,
          addCalendarDays(TODAY, Math.floor(rand() * 1460) - 1100),
          statuses[Math.floor(rand() * statuses.length)]!,
          rand() < 0.1 ? 1 : 0,
        );
      }
    })();
    // No ANALYZE: only what the app itself runs, here its statistics pass on opening a file.
    optimiseDatabase(db, true);
    console.log(
      `built ${CASES} cases and ${RECOMMENDATIONS} recommendations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const dash = await caseDashboard(ctx);
    console.log(
      `dashboard: ${dash.overdue.length} overdue, ${dash.dueThisWeek.length} due this week`,
    );
    const rawDashboard = db.prepare(
      `SELECT c.id, c.reference, c.status, c.referred_on, c.complainant_name, c.service_area, l.name AS landlord_name, c.next_due, c.next_due_label
         FROM complaint_cases c LEFT JOIN landlords l ON l.id = c.landlord_id
        WHERE c.deleted_at IS NULL AND c.next_due IS NOT NULL AND c.next_due <= ?
        ORDER BY c.next_due, c.reference`,
    );
    const rawRows = rawDashboard.all(dash.weekEnds) as { next_due: string }[];
    if (rawRows.length !== dash.overdue.length + dash.dueThisWeek.length)
      throw new Error('The raw dashboard disagrees with the service.');
    report(
      'dashboard: due and overdue (20k cases)',
      ...(await timePaired(
        50,
        () => caseDashboard(ctx),
        () =>
          rawDashboard.all(dash.weekEnds).map((r: unknown) => ({
            ...(r as object),
            overdue: (r as { next_due: string }).next_due < TODAY,
          })),
      )),
      { p95Ms: 50 },
    );

    const filter = { overdueOnly: true, offset: 0, limit: 200 } as const;
    const page = await trackRecommendations(ctx, filter);
    console.log(`tracker: ${page.total} overdue recommendations`);
    const rawList = db.prepare(
      `SELECT r.*, k.reference AS source_reference FROM recommendations r
         LEFT JOIN complaint_cases k ON k.id = r.source_id AND r.source_type = 'complaint_case'
        WHERE r.deleted_at IS NULL AND r.status IN ('open', 'in_progress') AND r.due_date < ?
          AND (r.management_response IS NULL OR r.management_response != 'rejected')
        ORDER BY r.due_date, r.reference LIMIT 200`,
    );
    const rawCount = db.prepare(
      `SELECT count(*) AS n FROM recommendations r
        WHERE r.deleted_at IS NULL AND r.status IN ('open', 'in_progress') AND r.due_date < ?
          AND (r.management_response IS NULL OR r.management_response != 'rejected')`,
    );
    const rawOwners = db.prepare(
      `SELECT DISTINCT owner FROM recommendations WHERE owner IS NOT NULL AND deleted_at IS NULL ORDER BY owner`,
    );
    report(
      'tracker: overdue page of 200 (100k recommendations)',
      ...(await timePaired(
        30,
        () => trackRecommendations(ctx, filter),
        () => {
          rawList.all(TODAY);
          rawCount.get(TODAY);
          rawOwners.all();
        },
      )),
      { p95Ms: 50 },
    );
    await app.close();
  },
};
