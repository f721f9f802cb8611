import type { z } from 'zod';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import type {
  Recommendation,
  trackerFilterInput,
} from '../../../src-shared/domain/recommendations';
import { serviceAreas } from '../../../src-shared/domain/customer';
import {
  managementResponseLabels,
  recommendationSourceLabels,
  recommendationStatusLabels,
} from '../../../src-shared/rules/recommendations';
import { buildWorkbook, type Column } from '../../documents/xlsx';
import type { CallContext } from '../context';
import { allMatching } from './recommendations';

const columns: Column<Recommendation>[] = [
  { header: 'Reference', width: 20, value: (r) => r.reference },
  { header: 'Source', width: 16, value: (r) => recommendationSourceLabels[r.sourceType] },
  { header: 'From', width: 16, value: (r) => r.sourceLabel },
  { header: 'Recommendation', width: 60, value: (r) => r.text },
  { header: 'Service area', width: 24, value: (r) => serviceAreas.labels[r.serviceArea] },
  {
    header: 'Management response',
    width: 18,
    value: (r) => (r.managementResponse ? managementResponseLabels[r.managementResponse] : null),
  },
  { header: 'Reason', width: 30, value: (r) => r.responseReason },
  { header: 'Owner', width: 20, value: (r) => r.owner },
  { header: 'Due', width: 12, format: 'date', value: (r) => r.dueDate },
  { header: 'Status', width: 14, value: (r) => recommendationStatusLabels[r.status] },
  { header: 'Overdue', width: 9, value: (r) => (r.overdue ? 'Yes' : 'No') },
  { header: 'Could recur elsewhere', width: 12, value: (r) => (r.systemic ? 'Yes' : 'No') },
  { header: 'Evidence of completion', width: 40, value: (r) => r.evidence },
  { header: 'Completed', width: 12, format: 'date', value: (r) => r.completedOn },
];

export async function exportTracker(
  ctx: CallContext,
  filter: z.output<typeof trackerFilterInput>,
): Promise<GeneratedFile> {
  const rows = await allMatching(ctx, filter);
  const bytes = await buildWorkbook([{ name: 'Recommendations', columns, rows }] as never);
  return {
    fileName: 'recommendations.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}
