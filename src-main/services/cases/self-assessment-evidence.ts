import type { z } from 'zod';
import type {
  selfAssessmentAttachInput,
  selfAssessmentFigureInput,
  SelfAssessment,
} from '../../../src-shared/domain/self-assessment';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { readStoredContent, storeContent } from '../files/file-store';
import { requireProvision, selfAssessment } from './self-assessment';

/*
 * Documents and figures that evidence a provision in one year's
 * self-assessment. Documents share the case evidence file store.
 */

export async function attachSelfAssessmentDocument(
  ctx: CallContext,
  input: z.output<typeof selfAssessmentAttachInput>,
): Promise<SelfAssessment> {
  requireProvision(ctx, input.provision);
  const stored = storeContent(ctx, input.contentBase64);
  await writing(ctx, (w) =>
    w.create('self_assessment_documents', {
      year: input.year,
      provision: input.provision,
      file_name: input.fileName,
      mime_type: input.mimeType,
      size_bytes: stored.sizeBytes,
      content_hash: stored.hash,
      description: input.description,
    }),
  );
  return selfAssessment(ctx, { year: input.year });
}

async function documentRow(ctx: AppContext, id: string) {
  const row = await ctx.db
    .selectFrom('self_assessment_documents')
    .select(['year', 'file_name', 'mime_type', 'content_hash'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The document');
  return row;
}

export async function readSelfAssessmentDocument(
  ctx: CallContext,
  input: { id: string },
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const row = await documentRow(ctx, input.id);
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    contentBase64: readStoredContent(ctx, row.content_hash, row.file_name),
  };
}

/** The stored file stays: other records may cite the same content. */
export async function removeSelfAssessmentDocument(
  ctx: CallContext,
  input: { id: string },
): Promise<SelfAssessment> {
  const row = await documentRow(ctx, input.id);
  await writing(ctx, (w) =>
    w.remove('self_assessment_documents', input.id, { reason: 'Removed from the evidence' }),
  );
  return selfAssessment(ctx, { year: row.year });
}

export async function addSelfAssessmentFigure(
  ctx: CallContext,
  input: z.output<typeof selfAssessmentFigureInput>,
): Promise<SelfAssessment> {
  requireProvision(ctx, input.provision);
  await writing(ctx, (w) =>
    w.create('self_assessment_figures', {
      year: input.year,
      provision: input.provision,
      label: input.label,
      value: input.value,
      period: input.period,
    }),
  );
  return selfAssessment(ctx, { year: input.year });
}

export async function removeSelfAssessmentFigure(
  ctx: CallContext,
  input: { id: string },
): Promise<SelfAssessment> {
  const row = await ctx.db
    .selectFrom('self_assessment_figures')
    .select('year')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The figure');
  await writing(ctx, (w) =>
    w.remove('self_assessment_figures', input.id, { reason: 'Removed from the evidence' }),
  );
  return selfAssessment(ctx, { year: row.year });
}
