import { foundationBench } from './foundation.bench';
import { customerImportBench } from './customer-import.bench';
import { customersBench } from './customers.bench';
import { groupsBench } from './groups.bench';
import { casesBench } from './cases.bench';
import { documentsBench } from './documents.bench';
import { reviewsBench } from './reviews.bench';
import { screensBench } from './screens.bench';
import { benchOptions, type BenchModule } from './harness';
import { boardPacksBench } from './board-packs.bench';
import { expensesBench } from './expenses.bench';
import { syncHubBench } from './sync-hub.bench';
import { privacyBench } from './privacy.bench';
import { syncBench } from './sync.bench';
import { grantsBench } from './grants.bench';
import { communityBench } from './community.bench';

/**
 * Every bench module: add yours here. `npm run bench -- <name>` runs only
 * those named; see benchOptions for --quick and --customers.
 */
const modules: BenchModule[] = [
  screensBench,
  foundationBench,
  customersBench,
  customerImportBench,
  groupsBench,
  casesBench,
  documentsBench,
  reviewsBench,
  boardPacksBench,
  expensesBench,
  syncHubBench,
  privacyBench,
  syncBench,
  grantsBench,
  communityBench,
];

const only = benchOptions().modules;
for (const module of modules) {
  if (only.length && !only.includes(module.name)) continue;
  console.log(`\n== ${module.name} ==`);
  await module.run();
}
