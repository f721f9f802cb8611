import type { BenchModule } from './harness';
import { foundationBench } from './foundation.bench';
import { customerImportBench } from './customer-import.bench';
import { customersBench } from './customers.bench';
import { groupsBench } from './groups.bench';
import { casesBench } from './cases.bench';
import { documentsBench } from './documents.bench';
import { boardPacksBench } from './board-packs.bench';

/** Every bench module: add yours here. `npm run bench -- <name>` runs only those named. */
const modules: BenchModule[] = [
  foundationBench,
  customersBench,
  customerImportBench,
  groupsBench,
  casesBench,
  documentsBench,
  boardPacksBench,
];

const only = process.argv.slice(2);
for (const module of modules) {
  if (only.length && !only.includes(module.name)) continue;
  console.log(`\n== ${module.name} ==`);
  await module.run();
}
