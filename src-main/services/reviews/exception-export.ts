import type { z } from 'zod';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import type { exceptionReportInput, ExceptionRow } from '../../../src-shared/domain/reviews';
import { exceptionReasonLabels } from '../../../src-shared/rules/review-exceptions';
import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../src-shared/rules/recommendations';
import { buildWorkbook, type Column } from '../../documents/xlsx';
import type { AppContext } from '../context';
import { exceptionReport } from './exceptions';

const columns: Column<ExceptionRow>[] = [
  { header: 'Recommendation', width: 20, value: (r) => r.reference },
  { header: 'Review', width: 16, value: (r) => r.reviewReference },
  { header: 'Text', width: 60, value: (r) => r.text },
  {
    header: 'Why listed',
    width: 36,
    value: (r) => r.reasons.map((x) => exceptionReasonLabels[x]).join('; '),
  },
  {
    header: 'Management response',
    width: 18,
    value: (r) =>
      r.managementResponse ? managementResponseLabels[r.managementResponse] : 'Awaited',
  },
  { header: 'Owner', width: 22, value: (r) => r.owner },
  { header: 'Due', width: 12, format: 'date', value: (r) => r.dueDate },
  { header: 'Days overdue', width: 12, format: 'integer', value: (r) => r.daysOverdue },
  { header: 'Status', width: 14, value: (r) => recommendationStatusLabels[r.status] },
];

/** The exception report as a workbook, for the Group Audit and Risk Committee's papers. */
export async function exportExceptionReport(
  ctx: AppContext,
  input: z.output<typeof exceptionReportInput>,
): Promise<GeneratedFile> {
  const report = await exceptionReport(ctx, input);
  const bytes = await buildWorkbook([
    { name: 'Exception report', columns, rows: report.rows },
  ] as never);
  return {
    fileName: `exception-report-${report.today}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}
