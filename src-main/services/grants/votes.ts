import Papa from 'papaparse';
import type { z } from 'zod';
import type {
  GrantApplication,
  tallyInput,
  VoteImportResult,
  voteImportInput,
} from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import { checkVoteRows } from '../../../src-shared/rules/grant-votes';
import type { Writer } from '../../changes/writer';
import { writing, type CallContext } from '../context';
import { applicationRow, getApplication } from './applications';
import { roundRow } from './rounds';

async function refuseUnlessVoting(ctx: CallContext, roundId: string) {
  const round = await roundRow(ctx.db, roundId);
  if (round.decision_method !== 'public_vote')
    throw ApiError.invalid('This round is decided by the panel’s scores, not a public vote.');
  if (round.decided_on) throw ApiError.invalid('This round’s decisions are closed.');
}

/** One place's votes for one project: a second count for the same place replaces the first. */
async function putTally(w: Writer, applicationId: string, place: string, votes: number) {
  const existing = await w.trx
    .selectFrom('grant_vote_tallies')
    .select('id')
    .where('application_id', '=', applicationId)
    .where((eb) => eb(eb.fn('lower', ['place']), '=', place.toLowerCase()))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) await w.update('grant_vote_tallies', existing.id, { votes, place });
  else await w.create('grant_vote_tallies', { application_id: applicationId, place, votes });
}

export async function saveTally(
  ctx: CallContext,
  input: z.output<typeof tallyInput>,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, input.applicationId);
  await refuseUnlessVoting(ctx, a.round_id);
  if (a.status !== 'eligible')
    throw ApiError.invalid(`${a.reference} is not an eligible application waiting for the vote.`);
  await writing(ctx, (w) => putTally(w, input.applicationId, input.place, input.votes));
  return getApplication(ctx, input.applicationId);
}

export async function removeTally(ctx: CallContext, id: string): Promise<GrantApplication> {
  const t = await ctx.db
    .selectFrom('grant_vote_tallies')
    .select('application_id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!t) throw ApiError.notFound('The tally');
  const a = await applicationRow(ctx.db, t.application_id);
  await refuseUnlessVoting(ctx, a.round_id);
  await writing(ctx, (w) => w.remove('grant_vote_tallies', id));
  return getApplication(ctx, t.application_id);
}

export async function importVotes(
  ctx: CallContext,
  input: z.output<typeof voteImportInput>,
): Promise<VoteImportResult> {
  await refuseUnlessVoting(ctx, input.roundId);
  const apps = await ctx.db
    .selectFrom('grant_applications')
    .select(['id', 'reference', 'status'])
    .where('round_id', '=', input.roundId)
    .where('deleted_at', 'is', null)
    .execute();
  const eligible = new Map(
    apps.filter((a) => a.status === 'eligible').map((a) => [a.reference, a.id]),
  );
  const parsed = Papa.parse<string[]>(input.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const { rows, problems } = checkVoteRows(parsed.data, new Set(eligible.keys()));
  const notEligible = new Set(apps.filter((a) => a.status !== 'eligible').map((a) => a.reference));
  const errors = problems.map((p) => ({
    line: p.line,
    // A reference in the round that is not eligible says so, rather than "not in this round".
    message: [...notEligible].reduce(
      (m, ref) =>
        m.replace(
          `${ref} is not an application in this round`,
          `${ref} is not eligible for the vote`,
        ),
      p.message,
    ),
  }));
  if (errors.length || input.dryRun) return { saved: 0, errors, rows };
  await writing(ctx, async (w) => {
    for (const r of rows) await putTally(w, eligible.get(r.reference)!, r.place, r.votes);
  });
  return { saved: rows.length, errors: [], rows };
}
