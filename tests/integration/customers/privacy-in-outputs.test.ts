import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
});
afterEach(() => app.close());

describe('privacy in printed outputs', () => {
  it('prints a sign-in sheet with names only: no postcode, phone or email of anyone', async () => {
    const council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!;
    const created = await app.call('customers.create', {
      firstName: 'Winifred',
      lastName: 'Oakes',
      postcode: 'TS17 6BA',
      mobile: '07700 900456',
      email: 'winifred.oakes@example.org',
      confirmDuplicate: true,
    });
    if (!created.created) throw new Error('not created');
    await app.call('groups.addMember', {
      groupId: council.id,
      customerId: created.customer.id,
      joinedOn: '2026-01-01',
    });
    const meeting = await app.call('activities.save', {
      kind: 'meeting',
      title: 'December meeting',
      status: 'scheduled',
      groupId: council.id,
      startsAt: '2026-12-01T18:00:00.000Z',
      endsAt: '2026-12-01T20:00:00.000Z',
      venueKind: 'community_centre',
      venueName: 'Thornaby Community Centre',
      venueAddress: 'Thornaby Road, Stockton-on-Tees',
    });
    const sheet = await app.call('activities.signInSheet', { id: meeting.id });
    const file = join(app.dir, 'sheet.pdf');
    writeFileSync(file, Buffer.from(sheet.data, 'base64'));
    if (process.env.SCREENSHOT_DIR)
      writeFileSync(
        join(process.env.SCREENSHOT_DIR, 'sign-in-sheet.pdf'),
        Buffer.from(sheet.data, 'base64'),
      );
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Winifred Oakes');
    expect(text).not.toContain('TS17');
    expect(text).not.toMatch(/postcode/i);
    expect(text).not.toContain('07700');
    expect(text).not.toContain('example.org');
  });
});
