import type { z } from 'zod';
import {
  describeIssue,
  headerKey,
  readImportDate,
} from '../../../src-shared/domain/customer-import';
import type {
  commentInput,
  commentUpdateInput,
  surveyImportInput,
} from '../../../src-shared/domain/reviews';
import type {
  CommentChannel,
  CommentSummary,
  CustomerComment,
  SurveyColumnUse,
  SurveyPreview,
} from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { parseSheet, type ParsedSheet } from '../customer-import/parse-sheet';
import { demandEvidenceAccess, requireReview } from './access';
import { todayOf } from './reviews';

/*
 * What customers said about a consultation or review: captured one by one
 * (online, in person, by phone, from social media) or imported from a survey
 * tool's CSV, tagged to themes, and summarised for the report. The import
 * reads files as the register's import does, and likewise writes nothing
 * while any row has a problem.
 */

const MAX_PREVIEW = 50;

function toComment(r: {
  id: string;
  channel: string;
  received_on: string;
  text: string;
  themes: string;
  quote: number;
}): CustomerComment {
  return {
    id: r.id,
    channel: r.channel as CommentChannel,
    receivedOn: r.received_on,
    text: r.text,
    themes: JSON.parse(r.themes) as string[],
    quote: r.quote === 1,
  };
}

export async function commentSummary(
  ctx: AppContext,
  input: { reviewId: string },
): Promise<CommentSummary> {
  const rows = await ctx.db
    .selectFrom('review_comments')
    .select(['id', 'channel', 'received_on', 'text', 'themes', 'quote'])
    .where('review_id', '=', input.reviewId)
    .where('deleted_at', 'is', null)
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();
  const comments = rows.map(toComment);
  const themes = new Map<string, number>();
  const channels = new Map<CommentChannel, number>();
  for (const c of comments) {
    for (const t of c.themes) themes.set(t, (themes.get(t) ?? 0) + 1);
    channels.set(c.channel, (channels.get(c.channel) ?? 0) + 1);
  }
  return {
    comments,
    byTheme: [...themes]
      .map(([theme, count]) => ({ theme, count }))
      .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
    byChannel: [...channels].map(([channel, count]) => ({ channel, count })),
    untagged: comments.filter((c) => !c.themes.length).length,
    quotes: comments.filter((c) => c.quote),
  };
}

export async function addComment(
  ctx: CallContext,
  input: z.output<typeof commentInput>,
): Promise<CommentSummary> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  if (input.receivedOn > todayOf(ctx))
    throw ApiError.invalid('A comment cannot be dated in the future.', [
      { path: 'receivedOn', message: 'Use today or earlier.' },
    ]);
  await writing(ctx, (w) =>
    w.create('review_comments', {
      review_id: r.id,
      channel: input.channel,
      received_on: input.receivedOn,
      text: input.text,
      themes: JSON.stringify(input.themes),
      quote: 0,
    }),
  );
  return commentSummary(ctx, { reviewId: r.id });
}

export async function updateComment(
  ctx: CallContext,
  input: z.output<typeof commentUpdateInput>,
): Promise<CommentSummary> {
  const row = await ctx.db
    .selectFrom('review_comments')
    .select('review_id')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The comment');
  const r = await requireReview(ctx, row.review_id);
  await demandEvidenceAccess(ctx, r);
  await writing(ctx, (w) =>
    w.update('review_comments', input.id, {
      themes: JSON.stringify(input.themes),
      quote: input.quote ? 1 : 0,
    }),
  );
  return commentSummary(ctx, { reviewId: r.id });
}

/** A column's likely use from its header: dates and themes by name, any other text as a comment. */
export function suggestSurveyMapping(sheet: ParsedSheet): (SurveyColumnUse | null)[] {
  return sheet.headers.map((h, i) => {
    const key = headerKey(h).replace(/ /g, '');
    if (/date|submitted|completed|timestamp|received/.test(key)) return 'date';
    if (/theme|tag|topic|categor/.test(key)) return 'themes';
    if (/^(id|respondentid|responseid|email|name|ipaddress)$/.test(key)) return null;
    const texts = sheet.rows.map((r) => r.cells[i] ?? '').filter((c) => c.trim());
    // Free text: mostly several words. Short codes and numbers are left out.
    return texts.length && texts.filter((t) => /\s/.test(t.trim())).length * 2 >= texts.length
      ? 'comment'
      : null;
  });
}

interface PlannedComment {
  row: number;
  receivedOn: string;
  text: string;
  themes: string[];
}

function planSurvey(sheet: ParsedSheet, mapping: (SurveyColumnUse | null)[], today: string) {
  const errors: { row: number | null; column: string | null; message: string }[] = [];
  const preview: SurveyPreview['rows'] = [];
  const planned: PlannedComment[] = [];
  let empty = 0;
  const dateColumns = mapping.flatMap((m, i) => (m === 'date' ? [i] : []));
  if (dateColumns.length > 1)
    errors.push({ row: null, column: null, message: 'Map only one column as the date.' });
  if (!mapping.includes('comment'))
    errors.push({ row: null, column: null, message: 'Map at least one column as comment text.' });
  for (const r of sheet.rows) {
    let problem: string | null = null;
    let receivedOn: string = today;
    const dateAt = dateColumns[0];
    if (dateAt !== undefined) {
      const reading = readImportDate(r.cells[dateAt] ?? '');
      const column = sheet.headers[dateAt] ?? null;
      if (!reading.ok) problem = describeIssue(r.row, column, reading.problem);
      else if (reading.value && reading.value > today)
        problem = describeIssue(r.row, column, 'is in the future');
      else if (reading.value) receivedOn = reading.value;
    }
    const parts = mapping.flatMap((m, i) => {
      const cell = (r.cells[i] ?? '').trim();
      return m === 'comment' && cell
        ? [
            mapping.filter((x) => x === 'comment').length > 1
              ? `${sheet.headers[i]}: ${cell}`
              : cell,
          ]
        : [];
    });
    const themes = mapping.flatMap((m, i) =>
      m === 'themes'
        ? (r.cells[i] ?? '')
            .split(/[;,|]/)
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    );
    const text = parts.join('\n\n');
    if (!text && !problem) {
      empty += 1;
      continue;
    }
    if (text.length > 8000)
      problem = describeIssue(r.row, null, 'has more than 8,000 characters of comment');
    if (problem) errors.push({ row: r.row, column: null, message: problem });
    else planned.push({ row: r.row, receivedOn, text, themes: [...new Set(themes)] });
    if (preview.length < MAX_PREVIEW)
      preview.push({ row: r.row, receivedOn: problem ? null : receivedOn, text, themes, problem });
  }
  return { errors, preview, planned, empty };
}

async function readSurvey(input: z.output<typeof surveyImportInput>) {
  const sheet = await parseSheet(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const mapping = input.mapping ?? suggestSurveyMapping(sheet);
  if (mapping.length !== sheet.headers.length)
    throw ApiError.invalid('The column mapping does not match the file’s columns.', [
      { path: 'mapping', message: 'Choose a use for each column.' },
    ]);
  return { sheet, mapping };
}

export async function previewSurvey(
  ctx: CallContext,
  input: z.output<typeof surveyImportInput>,
): Promise<SurveyPreview> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  const { sheet, mapping } = await readSurvey(input);
  const plan = planSurvey(sheet, mapping, todayOf(ctx));
  return {
    fileName: input.fileName,
    headers: sheet.headers,
    mapping,
    rows: plan.preview,
    errors: plan.errors,
    counts: {
      rows: sheet.rows.length,
      comments: plan.planned.length,
      invalid: plan.errors.filter((e) => e.row !== null).length,
      empty: plan.empty,
    },
  };
}

export async function importSurvey(
  ctx: CallContext,
  input: z.output<typeof surveyImportInput>,
): Promise<CommentSummary> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  const { sheet, mapping } = await readSurvey(input);
  const plan = planSurvey(sheet, mapping, todayOf(ctx));
  if (plan.errors.length)
    throw ApiError.invalid(
      `${plan.errors.length === 1 ? 'There is 1 problem' : `There are ${plan.errors.length} problems`} in ${input.fileName}, so nothing was imported. Correct the file and import it again.`,
      plan.errors
        .slice(0, 200)
        .map((e) => ({ path: e.row === null ? 'mapping' : `row.${e.row}`, message: e.message })),
    );
  if (!plan.planned.length)
    throw ApiError.invalid(`${input.fileName} has no comments below its header row.`);
  const reason = `Imported from ${input.fileName}`;
  await writing(ctx, async (w) => {
    for (const c of plan.planned)
      await w.create(
        'review_comments',
        {
          review_id: r.id,
          channel: 'survey',
          received_on: c.receivedOn,
          text: c.text,
          themes: JSON.stringify(c.themes),
          quote: 0,
        },
        { reason },
      );
  });
  return commentSummary(ctx, { reviewId: r.id });
}
