import { linkId } from '../../sync/link-id';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { periodInput, tagInput, TagEntityType } from '../../../src-shared/domain/reviews';
import type {
  AssuranceMatrix,
  MatrixLink,
  RequirementOption,
} from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import {
  coverage,
  frameworkInForce,
  requirementTitle,
} from '../../../src-shared/rules/assurance-framework';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { loadedFrameworks } from './reference-data';
import { todayOf } from './reviews';

/*
 * Tagging: any review, piece of review evidence, activity or recommendation
 * can be tagged with the requirements it gave assurance on. A tag keeps the
 * version of the requirements in force on the evidence's date and that date,
 * so the matrix for a period is one range over the tags.
 */

const LINKS_PER_REQUIREMENT = 5;

async function describe(
  ctx: AppContext,
  type: TagEntityType,
  id: string,
): Promise<{ date: string; label: string }> {
  if (type === 'review') {
    const r = await ctx.db
      .selectFrom('reviews')
      .select(['reference', 'title', 'started_on', 'completed_on'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!r) throw ApiError.notFound('The review');
    return { date: r.completed_on ?? r.started_on, label: `${r.reference} ${r.title}` };
  }
  if (type === 'review_evidence') {
    const e = await ctx.db
      .selectFrom('review_evidence as e')
      .innerJoin('reviews as r', 'r.id', 'e.review_id')
      .select(['e.title', 'e.on_date', 'r.reference'])
      .where('e.id', '=', id)
      .where('e.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!e) throw ApiError.notFound('The evidence');
    return { date: e.on_date, label: `${e.reference}: ${e.title}` };
  }
  if (type === 'activity') {
    const a = await ctx.db
      .selectFrom('activities')
      .select(['title', 'starts_at'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!a) throw ApiError.notFound('The activity');
    // The day it was held in London, not the UTC date of its start.
    return { date: londonDate(new Date(a.starts_at)), label: a.title };
  }
  if (type === 'you_said_we_did') {
    const y = await ctx.db
      .selectFrom('you_said_we_did')
      .select(['we_did', 'effective_on'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!y) throw ApiError.notFound('The “you said, we did” entry');
    return { date: y.effective_on, label: `We did: ${y.we_did.slice(0, 120)}` };
  }
  const rec = await ctx.db
    .selectFrom('recommendations')
    .select(['reference', 'completed_on', 'created_at', 'source_type'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!rec) throw ApiError.notFound('The recommendation');
  // Complaint case recommendations stay as closed as their cases: the matrix is open to all.
  if (rec.source_type !== 'scrutiny_review')
    throw ApiError.invalid('Only recommendations from reviews can be tagged here.');
  return { date: rec.completed_on ?? rec.created_at.slice(0, 10), label: rec.reference };
}

export function requirementOptions(ctx: AppContext): RequirementOption[] {
  const f = frameworkInForce(loadedFrameworks(ctx), todayOf(ctx));
  return f.requirements.map((r) => ({ code: r.code, standard: r.standard, title: r.title }));
}

export async function setTags(
  ctx: CallContext,
  input: z.output<typeof tagInput>,
): Promise<{ codes: string[] }> {
  const { date, label } = await describe(ctx, input.entityType, input.entityId);
  const framework = frameworkInForce(loadedFrameworks(ctx), date);
  const known = new Set(framework.requirements.map((r) => r.code));
  const wanted = [...new Set(input.codes)];
  const unknown = wanted.filter((c) => !known.has(c));
  if (unknown.length)
    throw ApiError.invalid(
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the requirements in force on ${date} (version ${framework.version}).`,
      [{ path: 'codes', message: 'Choose requirements from the list.' }],
    );
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('assurance_tags')
      .select(['id', 'requirement_code'])
      .where('entity_type', '=', input.entityType)
      .where('entity_id', '=', input.entityId)
      .where('deleted_at', 'is', null)
      .execute();
    const have = new Set(existing.map((t) => t.requirement_code));
    for (const t of existing)
      if (!wanted.includes(t.requirement_code)) await w.remove('assurance_tags', t.id);
    for (const code of wanted) {
      if (have.has(code)) continue;
      await w.create('assurance_tags', {
        id: linkId('assurance_tags', input.entityType, input.entityId, code),
        entity_type: input.entityType,
        entity_id: input.entityId,
        framework_version: framework.version,
        requirement_code: code,
        evidence_date: date,
        label,
      });
    }
  });
  return { codes: wanted.sort() };
}

export async function assuranceMatrix(
  ctx: AppContext,
  input: z.output<typeof periodInput>,
): Promise<AssuranceMatrix> {
  const loaded = loadedFrameworks(ctx);
  const framework = frameworkInForce(loaded, input.to);
  const cells = await ctx.db
    .selectFrom('assurance_tags')
    .select((eb) => [
      'requirement_code',
      'framework_version',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('evidence_date').as('latest'),
    ])
    .where('deleted_at', 'is', null)
    .where('evidence_date', '>=', input.from)
    .where('evidence_date', '<=', input.to)
    .groupBy(['requirement_code', 'framework_version'])
    .execute();
  // Each requirement's latest evidence is a short index seek; one sort of
  // the whole period's tags cost more than all of these together.
  const present = [...new Set(cells.map((c) => c.requirement_code))].filter((code) =>
    framework.requirements.some((r) => r.code === code),
  );
  type LinkRow = {
    requirement_code: string;
    entity_type: string;
    entity_id: string;
    label: string;
    evidence_date: string;
  };
  // One statement of short index seeks, one per requirement, rather than one
  // query each (compiling 41 queries cost more than running them).
  const links = present.length
    ? (
        await sql<LinkRow>`${sql.join(
          present.map(
            (code) => sql`SELECT * FROM (
              SELECT requirement_code, entity_type, entity_id, label, evidence_date FROM assurance_tags
              WHERE deleted_at IS NULL AND requirement_code = ${code}
                AND evidence_date >= ${input.from} AND evidence_date <= ${input.to}
              ORDER BY evidence_date DESC, id DESC LIMIT ${LINKS_PER_REQUIREMENT})`,
          ),
          sql` UNION ALL `,
        )}`.execute(ctx.db)
      ).rows
    : [];
  const evidenceIds = links
    .filter((l) => l.entity_type === 'review_evidence')
    .map((l) => l.entity_id);
  const reviewOf = new Map(
    evidenceIds.length
      ? (
          await ctx.db
            .selectFrom('review_evidence')
            .select(['id', 'review_id'])
            .where('id', 'in', evidenceIds)
            .execute()
        ).map((e) => [e.id, e.review_id])
      : [],
  );
  const linksBy = new Map<string, MatrixLink[]>();
  for (const l of links)
    linksBy.set(l.requirement_code, [
      ...(linksBy.get(l.requirement_code) ?? []),
      {
        entityType: l.entity_type as TagEntityType,
        entityId: l.entity_id,
        reviewId: l.entity_type === 'review' ? l.entity_id : (reviewOf.get(l.entity_id) ?? null),
        label: l.label,
        date: l.evidence_date,
      },
    ]);
  // A code's evidence counts whichever version it was tagged under.
  const cellBy = new Map<string, { n: number; latest: string }>();
  for (const c of cells) {
    const was = cellBy.get(c.requirement_code);
    const latest = c.latest as string;
    cellBy.set(c.requirement_code, {
      n: (was?.n ?? 0) + Number(c.n),
      latest: was && was.latest > latest ? was.latest : latest,
    });
  }
  const cov = coverage(
    framework.requirements,
    [...cellBy].map(([code, c]) => ({ code, count: c.n, latest: c.latest })),
  );
  const codes = new Set(framework.requirements.map((r) => r.code));
  const retired = cells
    .filter((v) => !codes.has(v.requirement_code))
    .map((v) => ({
      code: v.requirement_code,
      version: v.framework_version,
      title: requirementTitle(loaded, v.framework_version, v.requirement_code),
      count: Number(v.n),
    }));
  return {
    from: input.from,
    to: input.to,
    framework: {
      title: framework.title,
      version: framework.version,
      effectiveFrom: framework.effectiveFrom,
    },
    rows: framework.requirements.map((r) => {
      const c = cellBy.get(r.code);
      return {
        code: r.code,
        standard: r.standard,
        title: r.title,
        count: Number(c?.n ?? 0),
        latest: (c?.latest as string | undefined) ?? null,
        links: linksBy.get(r.code) ?? [],
      };
    }),
    uncovered: framework.requirements
      .filter((r) => cov.uncovered.includes(r.code))
      .map((r) => ({ code: r.code, title: r.title, standard: r.standard })),
    coverage: { covered: cov.covered, total: cov.total, percent: cov.percent },
    retired,
  };
}
