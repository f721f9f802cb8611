import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { createBackend } from '../../src-main/backend';
import { optimiseDatabase } from '../../src-main/db/optimise';
import type { Input, MethodName, Result } from '../../src-shared/api';
import { fixedClock, type Clock } from '../../src-shared/clock';
import { ApiError } from '../../src-shared/errors';
import { addCalendarDays } from '../../src-shared/rules/working-days';
import { TEST_PASSPHRASE, TEST_KEY } from '../support/temp-db';
import { BENCH_NOW, tenYearDataset } from './dataset';
import { benchOptions, report, timePaired } from './harness';
import type { BenchModule } from './harness';

const TODAY = BENCH_NOW.slice(0, 10);
const YEARS = 10;
/** Two Community Fund rounds and two participatory budgets a year. */
const ROUNDS_PER_YEAR = 4;
const APPLICATIONS_PER_ROUND = 600;
const PRIORITIES = 8;

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
 * The fund's figures on the demo at 50,000 customers (`--customers` to
 * change it), with ten years of rounds generated here: 40 rounds of 600
 * applications (24,000), about half awarded, most paid in two instalments,
 * and most evaluated. The figures by round, area and priority for one
 * financial year and for all ten, and Home's fund card, through the
 * contract against raw SQL doing the same work in the same run.
 */
export const grantsBench: BenchModule = {
  name: 'grants',
  async run() {
    const { customers, samples } = benchOptions();
    const source = await tenYearDataset(customers, 0);
    const app = await openPrivateCopy(source);
    const db = app.backend.context.raw;
    const rand = random(17);
    const actor = app.staffId;
    const at = BENCH_NOW;
    const areas = (
      db.prepare(`SELECT id FROM areas WHERE deleted_at IS NULL`).all() as { id: string }[]
    ).map((a) => a.id);
    const contacts = (
      db
        .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 5000`)
        .all() as { id: string }[]
    ).map((c) => c.id);
    const started = performance.now();
    let applications = 0;
    db.transaction(() => {
      const priorities: string[] = [];
      const insertPriority = db.prepare(
        `INSERT INTO grant_priorities (id, created_at, updated_at, updated_by, name, agreed_on) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (let p = 0; p < PRIORITIES; p++) {
        const id = uuidv7();
        priorities.push(id);
        insertPriority.run(id, at, at, actor, `Bench priority ${p}`, '2016-04-01');
      }
      const insertRound = db.prepare(
        `INSERT INTO grant_rounds (id, created_at, updated_at, updated_by, fund, name, opens_on, closes_on, budget_pence,
           min_award_pence, max_award_pence, applicant_kinds, area_ids, decision_method, evaluation_weeks, carry_over, decided_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 10000, 250000, '["community_group"]', '[]', ?, 8, 1, ?)`,
      );
      const insertApplication = db.prepare(
        `INSERT INTO grant_applications (id, created_at, updated_at, updated_by, round_id, reference, received_on, applicant_kind,
           applicant_name, contact_customer_id, contact_name, project_title, project_summary, outcomes, area_id, priority_id,
           amount_pence, status, decision, decided_on, award_pence, evaluation_due_on, paid_pence, evaluated_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'community_group', 'Bench group', ?, 'Bench contact', 'Bench project', 'Summary', 'Outcomes',
           ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)`,
      );
      const insertPayment = db.prepare(
        `INSERT INTO grant_payments (id, created_at, updated_at, updated_by, application_id, paid_on, amount_pence, method)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'bank_transfer')`,
      );
      // Kept in step as the app keeps them: the payments and the evaluation on the application.
      const setPaid = db.prepare(
        `UPDATE grant_applications SET paid_pence = paid_pence + ? WHERE id = ?`,
      );
      const setEvaluated = db.prepare(
        `UPDATE grant_applications SET evaluated_on = ? WHERE id = ?`,
      );
      const insertEvaluation = db.prepare(
        `INSERT INTO grant_evaluations (id, created_at, updated_at, updated_by, application_id, received_on, delivered, people_reached, spent_pence)
         VALUES (?, ?, ?, ?, ?, ?, 'Delivered', ?, ?)`,
      );
      for (let r = 0; r < YEARS * ROUNDS_PER_YEAR; r++) {
        const opens = addCalendarDays(
          TODAY,
          -Math.floor(((YEARS * ROUNDS_PER_YEAR - r) * 365) / ROUNDS_PER_YEAR),
        );
        const closes = addCalendarDays(opens, 45);
        const decidedOn = addCalendarDays(closes, 20);
        const decided = decidedOn < TODAY;
        const fund = r % 2 === 0 ? 'community_fund' : 'participatory_budget';
        const roundId = uuidv7();
        insertRound.run(
          roundId,
          at,
          at,
          actor,
          fund,
          `Bench round ${r}`,
          opens,
          closes,
          20_000_000,
          fund === 'community_fund' ? 'panel' : 'public_vote',
          decided ? decidedOn : null,
        );
        for (let i = 0; i < APPLICATIONS_PER_ROUND; i++) {
          const id = uuidv7();
          const amount = (2 + Math.floor(rand() * 48)) * 5_000;
          const awarded = decided && rand() < 0.5;
          const declined = decided && !awarded;
          const due = awarded ? addCalendarDays(decidedOn, 120) : null;
          insertApplication.run(
            id,
            at,
            at,
            actor,
            roundId,
            `B-${r}-${i}`,
            addCalendarDays(opens, i % 45),
            contacts[Math.floor(rand() * contacts.length)] ?? null,
            areas[Math.floor(rand() * areas.length)] ?? null,
            priorities[Math.floor(rand() * PRIORITIES)]!,
            amount,
            awarded ? 'awarded' : declined ? 'declined' : 'eligible',
            awarded ? 'awarded' : declined ? 'declined' : null,
            decided ? decidedOn : null,
            awarded ? amount : null,
            due,
          );
          applications += 1;
          if (!awarded) continue;
          const first = addCalendarDays(decidedOn, 14);
          if (first < TODAY) {
            insertPayment.run(uuidv7(), at, at, actor, id, first, Math.floor(amount / 2));
            setPaid.run(Math.floor(amount / 2), id);
          }
          const second = addCalendarDays(decidedOn, 90);
          if (second < TODAY) {
            insertPayment.run(uuidv7(), at, at, actor, id, second, amount - Math.floor(amount / 2));
            setPaid.run(amount - Math.floor(amount / 2), id);
          }
          if (due! < TODAY && rand() < 0.85) {
            setEvaluated.run(due, id);
            insertEvaluation.run(
              uuidv7(),
              at,
              at,
              actor,
              id,
              due,
              20 + Math.floor(rand() * 200),
              amount,
            );
          }
        }
      }
    })();
    // What the app does itself after a bulk write.
    optimiseDatabase(db);
    console.log(
      `generated ${applications.toLocaleString('en-GB')} applications in ${YEARS * ROUNDS_PER_YEAR} rounds over ${customers.toLocaleString('en-GB')} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // The same figures by hand, over the same columns: one grouped pass, and the outstanding count.
    const rawCells = db.prepare(
      `SELECT a.round_id, a.area_id, a.priority_id, count(*) AS applications, sum(a.amount_pence) AS asked,
              sum(a.decision = 'awarded') AS awards,
              coalesce(sum(CASE WHEN a.decision = 'awarded' THEN a.award_pence END), 0) AS awarded,
              sum(a.paid_pence) AS paid
         FROM grant_applications a
        WHERE a.deleted_at IS NULL AND a.received_on BETWEEN ? AND ?
        GROUP BY a.round_id, a.area_id, a.priority_id`,
    );
    const outstanding = db.prepare(
      `SELECT count(*) AS n, coalesce(sum(a.evaluation_due_on < ?), 0) AS overdue FROM grant_applications a
        WHERE a.deleted_at IS NULL AND a.decision = 'awarded' AND a.evaluated_on IS NULL
          AND a.evaluation_due_on IS NOT NULL`,
    );
    // The figures as first written, summing every payment of every application, for comparison.
    const rawJoined = db.prepare(
      `SELECT a.round_id, a.area_id, a.priority_id, count(*), coalesce(sum(p.paid), 0)
         FROM grant_applications a
         LEFT JOIN (SELECT application_id, sum(amount_pence) AS paid FROM grant_payments
                     WHERE deleted_at IS NULL GROUP BY application_id) p ON p.application_id = a.id
        WHERE a.deleted_at IS NULL AND a.received_on BETWEEN ? AND ?
        GROUP BY a.round_id, a.area_id, a.priority_id`,
    );
    const raw = (from: string, to: string) => {
      rawCells.all(from, to);
      outstanding.get(TODAY);
    };
    const year = { from: '2025-04-01', to: '2026-03-31' };
    const all = { from: '2016-01-01', to: TODAY };
    const joinedStart = performance.now();
    for (let i = 0; i < 5; i++) rawJoined.all(all.from, all.to);
    console.log(
      `figures joined to every payment (raw, for comparison): ${((performance.now() - joinedStart) / 5).toFixed(0)} ms mean of 5`,
    );
    const check = await app.call('grants.figures', all);
    console.log(
      `figures over all ten years: ${check.totals.applications.toLocaleString('en-GB')} applications, ${check.totals.awards.toLocaleString('en-GB')} awards, ${check.evaluationsOutstanding.toLocaleString('en-GB')} evaluations outstanding`,
    );
    report(
      'grant figures, one financial year',
      ...(await timePaired(
        samples,
        () => app.call('grants.figures', year),
        () => raw(year.from, year.to),
      )),
      { p95Ms: 50 },
    );
    report(
      'grant figures, all ten years (24,000 applications)',
      ...(await timePaired(
        samples,
        () => app.call('grants.figures', all),
        () => raw(all.from, all.to),
      )),
      { p95Ms: 50 },
    );
    const rawRounds = db.prepare(
      `SELECT r.*, s.awarded, s.paid, s.n FROM grant_rounds r
         LEFT JOIN (SELECT round_id, sum(CASE WHEN decision = 'awarded' THEN award_pence END) AS awarded,
                           sum(paid_pence) AS paid, count(*) AS n
                      FROM grant_applications WHERE deleted_at IS NULL GROUP BY round_id) s ON s.round_id = r.id
        WHERE r.deleted_at IS NULL ORDER BY r.opens_on DESC`,
    );
    report(
      'rounds list with money and carry-over (40 rounds)',
      ...(await timePaired(
        samples,
        () => app.call('grants.rounds', {}),
        () => rawRounds.all(),
      )),
      { p95Ms: 50 },
    );
    await app.close();
  },
};

/**
 * A private copy of the dataset, opened as the app opens it and signed in as
 * the profile that built it, with its passphrase typed as at the lock screen.
 */
async function openPrivateCopy(source: string) {
  const dir = join(tmpdir(), `involvement-desk-bench-grants-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.sqlite');
  copyFileSync(source, path);
  const backend = await createBackend({
    dbPath: path,
    clock: fixedClock(BENCH_NOW) as Clock,
    integrityCheckAfterMs: false,
    key: TEST_KEY,
  });
  async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> {
    const result = await backend.call(method, input);
    // The window receives the answer serialised: the bench pays for that too.
    const crossed = JSON.parse(JSON.stringify(result)) as typeof result;
    if (!crossed.ok) throw ApiError.fromBody(crossed.error);
    return crossed.value as Result<M>;
  }
  const staff = backend.context.raw
    .prepare(`SELECT id FROM staff WHERE role = 'administrator' ORDER BY created_at LIMIT 1`)
    .get() as { id: string };
  await call('session.signIn', { staffId: staff.id, passphrase: TEST_PASSPHRASE });
  return {
    backend,
    call,
    staffId: staff.id,
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
