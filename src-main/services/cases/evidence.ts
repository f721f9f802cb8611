import type { z } from 'zod';
import type { attachInput, noteInput } from '../../../src-shared/domain/cases';
import type { CaseAttachment, CaseNote } from '../../../src-shared/domain/cases';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { readStoredContent, storeContent } from '../files/file-store';

export async function listNotes(ctx: AppContext, caseId: string): Promise<CaseNote[]> {
  const rows = await ctx.db
    .selectFrom('case_notes as n')
    .leftJoin('staff as s', 's.id', 'n.updated_by')
    .select([
      'n.id',
      'n.kind',
      'n.on_date',
      'n.direction',
      'n.correspondent',
      'n.body',
      'n.created_at',
      's.name as author',
    ])
    .where('n.case_id', '=', caseId)
    .where('n.deleted_at', 'is', null)
    .orderBy('n.on_date', 'desc')
    .orderBy('n.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CaseNote['kind'],
    onDate: r.on_date,
    direction: r.direction as CaseNote['direction'],
    correspondent: r.correspondent,
    body: r.body,
    authorName: r.author,
    createdAt: r.created_at,
  }));
}

export async function listAttachments(ctx: AppContext, caseId: string): Promise<CaseAttachment[]> {
  const rows = await ctx.db
    .selectFrom('case_attachments')
    .select([
      'id',
      'file_name',
      'mime_type',
      'size_bytes',
      'content_hash',
      'description',
      'created_at',
    ])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
    contentHash: r.content_hash,
    description: r.description,
    createdAt: r.created_at,
  }));
}

async function requireCase(ctx: AppContext, caseId: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('complaint_cases')
    .select('id')
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The case');
}

export async function addNote(
  ctx: CallContext,
  input: z.output<typeof noteInput>,
): Promise<CaseNote[]> {
  await requireCase(ctx, input.caseId);
  if (input.kind === 'correspondence' && !input.direction) {
    throw ApiError.invalid('Say whether the letter or email was received or sent.', [
      { path: 'direction', message: 'Choose received or sent.' },
    ]);
  }
  await writing(ctx, (w) =>
    w.create('case_notes', {
      case_id: input.caseId,
      kind: input.kind,
      on_date: input.onDate,
      direction: input.kind === 'correspondence' ? input.direction : null,
      correspondent: input.correspondent,
      body: input.body,
    }),
  );
  return listNotes(ctx, input.caseId);
}

export async function attachFile(
  ctx: CallContext,
  input: z.output<typeof attachInput>,
): Promise<CaseAttachment[]> {
  await requireCase(ctx, input.caseId);
  const stored = storeContent(ctx, input.contentBase64);
  await writing(ctx, (w) =>
    w.create('case_attachments', {
      case_id: input.caseId,
      file_name: input.fileName,
      mime_type: input.mimeType,
      size_bytes: stored.sizeBytes,
      content_hash: stored.hash,
      description: input.description,
    }),
  );
  return listAttachments(ctx, input.caseId);
}

export async function readAttachment(
  ctx: CallContext,
  input: { id: string },
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const row = await ctx.db
    .selectFrom('case_attachments')
    .select(['file_name', 'mime_type', 'content_hash'])
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The attachment');
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    contentBase64: readStoredContent(ctx, row.content_hash, row.file_name),
  };
}
