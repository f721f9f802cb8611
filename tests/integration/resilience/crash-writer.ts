/**
 * The crash test's writer: a small process that saves through the app's own
 * services, as fast as it can, until it is killed. It prints a line before
 * each save and another once the save has returned, so the test knows which
 * saves the app confirmed when the kill came.
 *
 *   crash-writer DB STAFF_ID ACTIVITY_ID FIRST_NUMBER
 */
import { keyFromEnvironment } from '../../../src-main/db/database-key';
import { appContextFor } from '../../../src-main/app-context';
import { openDatabase } from '../../../src-main/db/open';
import type { CallContext } from '../../../src-main/services/context';
import { createCustomer } from '../../../src-main/services/customers/register';
import { markAttendance } from '../../../src-main/services/groups/attendance';
import { getStaff } from '../../../src-main/services/staff/staff';
import { fixedClock } from '../../../src-shared/clock';
import { customerInput } from '../../../src-shared/domain/customer';
import { markAttendanceInput } from '../../../src-shared/domain/meetings';

const CRASH_CLOCK = '2026-11-23T10:00:00.000Z';

// Pipes are written synchronously on Linux, so a printed line is the
// parent's even if the kill comes at the next instruction.
const say = (line: string) => process.stdout.write(`${line}\n`);

const [dbPath, staffId, activityId, first] = process.argv.slice(2);
const key = keyFromEnvironment();
const database = await openDatabase(dbPath!, { key });
const context = appContextFor(database, { dbPath: dbPath!, key, clock: fixedClock(CRASH_CLOCK) });
const ctx: CallContext = {
  ...context,
  actor: await getStaff(context, staffId!),
  session: 'crash-writer',
};
say('ready');

for (let n = Number(first); ; n++) {
  say(`try customer ${n}`);
  const created = await createCustomer(
    ctx,
    customerInput.parse({
      firstName: 'Crash',
      lastName: `Writer ${n}`,
      email: `crash-${n}@example.org`,
      confirmDuplicate: true,
    }),
  );
  if (!created.created) throw new Error('The writer was told its customer is a duplicate.');
  say(`done customer ${n} ${created.customer.id}`);

  say(`try attendance ${n}`);
  const attendee = await markAttendance(
    ctx,
    markAttendanceInput.parse({ activityId, customerId: created.customer.id, status: 'present' }),
  );
  say(`done attendance ${n} ${attendee.id}`);
}
