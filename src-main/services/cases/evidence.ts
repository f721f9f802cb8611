import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { attachInput, noteInput } from '../../../src-shared/domain/cases';
import type { CaseAttachment, CaseNote } from '../../../src-shared/domain/cases';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';

/*
 * Evidence files are copied into the app's own store, named by the SHA-256
 * of their content, and never modified: the same file attached twice is
 * stored once, and a file cannot change under the record that cites it.
 */

const MAX_BYTES = 25 * 1024 * 1024;

function storeDir(ctx: Pick<AppContext, 'dataDir'>): string {
  const dir = join(ctx.dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function storedFilePath(ctx: Pick<AppContext, 'dataDir'>, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('Not a content hash.');
  return join(storeDir(ctx), hash);
}

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
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0)
    throw ApiError.invalid('The file is empty.', [
      { path: 'contentBase64', message: 'The file is empty.' },
    ]);
  if (bytes.length > MAX_BYTES)
    throw ApiError.invalid('Files over 25 MB cannot be attached.', [
      { path: 'contentBase64', message: 'Too large.' },
    ]);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const path = storedFilePath(ctx, hash);
  // Written before the record, outside the transaction; a file already there is the same content.
  if (!existsSync(path)) writeFileSync(path, bytes, { flag: 'wx', mode: 0o444 });
  await writing(ctx, (w) =>
    w.create('case_attachments', {
      case_id: input.caseId,
      file_name: input.fileName,
      mime_type: input.mimeType,
      size_bytes: bytes.length,
      content_hash: hash,
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
  const path = storedFilePath(ctx, row.content_hash);
  if (!existsSync(path))
    throw new ApiError(
      'unavailable',
      `The stored copy of ${row.file_name} is missing from the app's file store.`,
    );
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    contentBase64: readFileSync(path).toString('base64'),
  };
}
