import type { MenuOpportunity } from '../../src-shared/domain/community';
import { skillOptions } from '../../src-shared/domain/customer';
import type { TaskProgress } from '../services/jobs/cpu-tasks';
import { buildWorkbook, type Column } from './xlsx';

const columns: Column<MenuOpportunity>[] = [
  { header: 'Group', width: 32, value: (o) => o.group },
  { header: 'Family', width: 24, value: (o) => o.family },
  { header: 'Commitment', width: 36, value: (o) => o.commitment },
  {
    header: 'Skills used',
    width: 40,
    value: (o) => o.skills.map((k) => skillOptions.labels[k]).join(', '),
  },
  { header: 'Training offered', width: 40, value: (o) => o.trainingOffered },
  { header: 'How to join', width: 40, value: (o) => o.howToJoin },
  { header: 'About the group', width: 60, value: (o) => o.description },
];

export async function writeMenuXlsx(
  input: { opportunities: MenuOpportunity[] },
  progress: TaskProgress,
): Promise<Uint8Array> {
  const bytes = await buildWorkbook([
    { name: 'Ways to get involved', columns, rows: input.opportunities },
  ] as never);
  progress(input.opportunities.length, input.opportunities.length);
  return new Uint8Array(bytes);
}
