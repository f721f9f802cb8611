import { uuidv7 } from 'uuidv7';
import bundled from '../../resources/consumer-standards.json';
import { exceptionReasons } from '../../src-shared/rules/review-exceptions';
import { addCalendarDays } from '../../src-shared/rules/working-days';
import { openTestApp } from '../support/temp-db';
import { report, timePaired, type BenchModule } from './harness';

const REVIEWS = 2_000;
const RECOMMENDATIONS = 20_000;
const TAGS = 50_000;
const TODAY = '2026-11-23';
const PERIOD = { from: '2026-04-01', to: '2027-03-31' };
const KINDS = [
  'scrutiny_panel_review',
  'csi_project',
  'neighbourhood_audit',
  'reality_check',
  'mystery_shop',
  'policy_consultation',
];

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
 * Ten years of scrutiny: 2,000 reviews, 20,000 recommendations (older ones
 * mostly verified) and 50,000 assurance tags. The assurance matrix for one
 * financial year and the exception report, each through backend.call (the
 * contract, validation and permission check included) against raw SQL
 * doing the same work, in the same run.
 */
export const reviewsBench: BenchModule = {
  name: 'reviews',
  async run() {
    const app = await openTestApp({ clock: `${TODAY}T10:00:00.000Z`, role: 'coordinator' });
    const ctx = await app.ctx();
    const db = ctx.raw;
    const rand = random(8);
    const at = '2026-01-01T00:00:00.000Z';
    const actor = ctx.actor!.id;
    const codes = bundled.requirements.map((r) => r.code);
    const started = performance.now();
    db.transaction(() => {
      const insertCommission = db.prepare(
        `INSERT INTO review_commissions (id, created_at, updated_at, updated_by, kind, commissioned_by, commissioned_on, question, service_area, deadline)
         VALUES (?, ?, ?, ?, ?, 'board', ?, 'Bench question', 'repairs', ?)`,
      );
      const insertReview = db.prepare(
        `INSERT INTO reviews (id, created_at, updated_at, updated_by, reference, commission_id, kind, title, service_area, stages, stage,
           started_on, deadline, completed_on, lead_officer_id, report_intro)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'repairs', '[]', ?, ?, ?, ?, ?, 'Intro')`,
      );
      const insertRec = db.prepare(
        `INSERT INTO recommendations (id, created_at, updated_at, updated_by, reference, source_type, source_id, text,
           service_area, management_response, response_reason, owner, due_date, status, systemic)
         VALUES (?, ?, ?, ?, ?, 'scrutiny_review', ?, 'Bench recommendation', 'repairs', ?, ?, ?, ?, ?, 0)`,
      );
      const insertTag = db.prepare(
        `INSERT INTO assurance_tags (id, created_at, updated_at, updated_by, entity_type, entity_id, framework_version, requirement_code, evidence_date, label)
         VALUES (?, ?, ?, ?, 'review', ?, '2024', ?, ?, ?)`,
      );
      const reviews: { id: string; on: string; ref: string }[] = [];
      for (let i = 0; i < REVIEWS; i++) {
        const id = uuidv7();
        const commission = uuidv7();
        const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
        const on = addCalendarDays(TODAY, -Math.floor(rand() * 3650));
        const done = addCalendarDays(on, 56);
        const ref = `B-${String(i).padStart(5, '0')}`;
        insertCommission.run(commission, at, at, actor, kind, on, done);
        insertReview.run(
          id,
          at,
          at,
          actor,
          ref,
          commission,
          kind,
          `Bench review ${i}`,
          done < TODAY ? 'complete' : 'evidence',
          on,
          done,
          done < TODAY ? done : null,
          actor,
        );
        reviews.push({ id, on, ref });
      }
      for (let i = 0; i < RECOMMENDATIONS; i++) {
        const review = reviews[i % REVIEWS]!;
        const due = addCalendarDays(review.on, 60 + Math.floor(rand() * 340));
        const x = rand();
        const response =
          x < 0.7 ? 'accepted' : x < 0.85 ? 'partly_accepted' : x < 0.95 ? 'rejected' : null;
        const old = due < addCalendarDays(TODAY, -365);
        const status =
          old && rand() < 0.95
            ? 'verified'
            : ['open', 'in_progress', 'implemented', 'verified'][Math.floor(rand() * 4)]!;
        const created = `${review.on}T09:00:00.000Z`;
        insertRec.run(
          uuidv7(),
          created,
          created,
          actor,
          `${review.ref}/R${Math.floor(i / REVIEWS) + 1}`,
          review.id,
          response,
          response === 'rejected' || response === 'partly_accepted' ? 'Reason' : null,
          `Owner ${Math.floor(rand() * 30)}`,
          due,
          response === 'rejected' ? 'open' : status,
        );
      }
      for (let i = 0; i < TAGS; i++) {
        const review = reviews[Math.floor(rand() * REVIEWS)]!;
        insertTag.run(
          uuidv7(),
          at,
          at,
          actor,
          review.id,
          codes[Math.floor(rand() * codes.length)]!,
          review.on,
          `${review.ref} Bench review`,
        );
      }
    })();
    db.exec('ANALYZE');
    console.log(
      `built ${REVIEWS} reviews, ${RECOMMENDATIONS} recommendations and ${TAGS} tags in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    async function viaContract(
      method: 'assurance.matrix' | 'reviews.exceptionReport',
      input: object,
    ) {
      const r = await app.backend.call(method, input as never);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }

    const matrix = (await viaContract('assurance.matrix', PERIOD)) as {
      rows: { count: number }[];
      coverage: { covered: number };
    };
    const rawCells = db.prepare(
      `SELECT requirement_code, framework_version, count(*) AS n, max(evidence_date) AS latest FROM assurance_tags
        WHERE deleted_at IS NULL AND evidence_date >= ? AND evidence_date <= ? GROUP BY requirement_code, framework_version`,
    );
    const rawLinks = db.prepare(
      `SELECT requirement_code, entity_type, entity_id, label, evidence_date FROM assurance_tags
        WHERE deleted_at IS NULL AND requirement_code = ? AND evidence_date >= ? AND evidence_date <= ?
        ORDER BY evidence_date DESC, id DESC LIMIT 5`,
    );
    const rawTotal = (rawCells.all(PERIOD.from, PERIOD.to) as { n: number }[]).reduce(
      (a, c) => a + c.n,
      0,
    );
    const appTotal = matrix.rows.reduce((a, r) => a + r.count, 0);
    if (rawTotal !== appTotal)
      throw new Error(`The raw matrix (${rawTotal}) disagrees with the service (${appTotal}).`);
    console.log(
      `matrix: ${appTotal} tagged pieces of evidence in the year, ${matrix.coverage.covered} requirements covered`,
    );
    report(
      'assurance matrix, one year (50k tags)',
      ...(await timePaired(
        40,
        () => viaContract('assurance.matrix', PERIOD),
        () => {
          const cells = rawCells.all(PERIOD.from, PERIOD.to) as { requirement_code: string }[];
          return codes.map((c) => ({
            c,
            cell: cells.find((x) => x.requirement_code === c),
            links: rawLinks.all(c, PERIOD.from, PERIOD.to),
          }));
        },
      )),
      { p95Ms: 50 },
    );

    const since = addCalendarDays(TODAY, -365);
    const exceptions = (await viaContract('reviews.exceptionReport', {})) as { rows: unknown[] };
    const select = `SELECT r.id, r.reference, r.text, r.management_response, r.status, r.owner, r.due_date,
              v.id AS review_id, v.reference AS review_reference, v.kind
         FROM recommendations r JOIN reviews v ON v.id = r.source_id
        WHERE r.source_type = 'scrutiny_review' AND r.deleted_at IS NULL AND v.deleted_at IS NULL`;
    const notRejected = `(r.management_response IS NULL OR r.management_response != 'rejected')`;
    const rawOverdue = db.prepare(
      `${select} AND r.status IN ('open', 'in_progress') AND r.due_date < ? AND ${notRejected}`,
    );
    const rawPanel = db.prepare(
      `${select} AND v.kind = 'scrutiny_panel_review' AND r.status != 'verified' AND ${notRejected}`,
    );
    const rawResponses = db.prepare(
      `${select} AND r.management_response IN ('rejected', 'partly_accepted') AND r.created_at >= ?`,
    );
    const rawExceptions = {
      all(today: string, from: string) {
        const seen = new Set<string>();
        return [...rawOverdue.all(today), ...rawPanel.all(), ...rawResponses.all(from)].filter(
          (r) => !seen.has((r as { id: string }).id) && Boolean(seen.add((r as { id: string }).id)),
        );
      },
    };
    type RawException = {
      status: 'open';
      management_response: 'accepted' | null;
      due_date: string | null;
      kind: string;
    };
    const rawRun = () =>
      (rawExceptions.all(TODAY, since) as RawException[])
        .map((r) => ({
          ...r,
          reasons: exceptionReasons(
            {
              status: r.status,
              response: r.management_response,
              dueDate: r.due_date,
              fromScrutinyPanel: r.kind === 'scrutiny_panel_review',
            },
            TODAY,
          ),
        }))
        .filter((r) => r.reasons.length)
        .sort((a, b) => (a.due_date ?? '').localeCompare(b.due_date ?? ''));
    if (rawRun().length !== exceptions.rows.length)
      throw new Error(
        `The raw exception report (${rawRun().length}) disagrees with the service (${exceptions.rows.length}).`,
      );
    console.log(`exception report: ${exceptions.rows.length} recommendations listed`);
    report(
      'exception report (20k recommendations)',
      ...(await timePaired(40, () => viaContract('reviews.exceptionReport', {}), rawRun)),
      { p95Ms: 50 },
    );
    await app.close();
  },
};
