import { afterAll, beforeAll, expect, test } from 'vitest';
import { syncWith } from '../../../src-main/sync/engine';
import { PostgresHub } from '../../../src-main/sync/hub';
import { connectHub } from '../../../src-main/sync/hub-transport';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { openTestApp, type TestApp } from '../../support/temp-db';

let server: TestPostgres;
const apps: TestApp[] = [];

beforeAll(async () => {
  server = await startPostgres();
  const owner = await PostgresHub.connect(server.owner);
  await owner.migrate();
  await owner.close();
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await server?.stop();
});

/** One sync of an install through the hub, with its own hub login, as `sync --hub` runs it. */
async function sync(app: TestApp, login: string) {
  const transport = await connectHub(hubLogins.get(login)!);
  try {
    return await syncWith(app.backend.context, transport, { deviceName: login });
  } finally {
    await transport.close();
  }
}
const hubLogins = new Map<string, Awaited<ReturnType<TestPostgres['addInstall']>>>();

test('two installs exchange their changes through the hub: a customer made on one is edited on the other, and both end the same', async () => {
  const office = await openTestApp();
  const centre = await openTestApp();
  apps.push(office, centre);
  for (const login of ['office_laptop', 'centre_laptop'])
    hubLogins.set(login, await server.addInstall(login));

  const made = await office.call('customers.create', {
    firstName: 'Ngozi',
    lastName: 'Okafor',
    tenure: 'tenant',
    confirmDuplicate: true,
  });
  if (!made.created) throw new Error('not created');
  const id = made.customer.id;

  const sent = await sync(office, 'office_laptop');
  expect(sent.sent).toBeGreaterThan(0);
  const received = await sync(centre, 'centre_laptop');
  expect(received.received).toBe(sent.sent);
  const there = await centre.call('customers.get', { id });
  expect(there.firstName).toBe('Ngozi');

  await centre.call('customers.update', {
    id,
    expectedUpdatedAt: there.updatedAt,
    patch: { phone: '0113 496 0000' },
  });
  await sync(centre, 'centre_laptop');
  const back = await sync(office, 'office_laptop');
  expect(back.received).toBeGreaterThan(0);
  expect(back.conflicts).toBe(0);
  expect((await office.call('customers.get', { id })).phone).toBe('0113 496 0000');

  // A second round moves nothing: each change went once.
  expect((await sync(office, 'office_laptop')).received).toBe(0);
  expect((await sync(centre, 'centre_laptop')).received).toBe(0);
}, 120_000);
