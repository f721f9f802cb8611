import type { MethodName } from '../../../src-shared/api';
import type { DataClass } from '../../../src-shared/rules/permissions';
import type { CallContext } from '../context';
import { recordAudit } from './audit';

interface DirectExport {
  what: string;
  classes?: readonly DataClass[];
  entity?: string;
  /** The record the file is of, from the call's input. */
  id?: (input: Record<string, unknown>) => unknown;
}

/**
 * The calls that hand a file straight back (the rest are jobs, whose
 * services log their own export when the files are kept). The dispatcher
 * logs each once it has answered, so no such call leaves the app unseen.
 */
export const directExports: Partial<Record<MethodName, DirectExport>> = {
  'cases.document': {
    what: 'Complaint case document (hearing pack or decision letter)',
    classes: ['case_content'],
    entity: 'complaint_cases',
    id: (i) => i.caseId,
  },
  'selfAssessment.export': {
    what: 'Complaint Handling Code self-assessment',
    classes: ['case_content'],
  },
  'recommendations.exportXlsx': { what: 'Recommendations tracker workbook' },
  'reviews.exceptionReportXlsx': { what: 'Exception report workbook' },
  'reviews.consultationFeedback': {
    what: 'Consultation feedback',
    entity: 'reviews',
    id: (i) => i.reviewId,
  },
  'reviews.report': { what: 'Review final report', entity: 'reviews', id: (i) => i.reviewId },
  'expenses.remittance': {
    what: 'Remittance note',
    entity: 'expense_batches',
    id: (i) => i.batchId,
  },
  'training.certificate': {
    what: 'Certificate of attendance',
    entity: 'attendance',
    id: (i) => i.attendanceId,
  },
  'activities.ics': { what: 'Calendar file of activities' },
};

export function auditDirectExport(ctx: CallContext, method: string, input: unknown): void {
  const spec = directExports[method as MethodName];
  if (!spec || !ctx.actor) return;
  const fields = (input ?? {}) as Record<string, unknown>;
  const id = spec.id?.(fields);
  const customerId =
    method === 'expenses.remittance' && typeof fields.customerId === 'string'
      ? fields.customerId
      : null;
  recordAudit(ctx, ctx.actor.id, {
    action: 'export',
    what: spec.what,
    entity: spec.entity ?? null,
    entityId: typeof id === 'string' ? id : null,
    customerId,
    classes: spec.classes ?? [],
  });
}
