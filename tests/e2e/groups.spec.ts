import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseIcs } from '../../src-shared/rules/ics';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function setUp(app: HostedApp) {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const jo = await app.api<{ id: string }>('staff.create', {
    name: 'Jo Coordinator',
    role: 'coordinator',
    email: null,
  });
  await app.api('session.signIn', { staffId: jo.id });
  const org = await app.api<{ landlords: { id: string; name: string }[] }>('organisation.get', {});
  const landlord = (name: string) => org.landlords.find((l) => l.name === name)!.id;
  const people = [
    {
      firstName: 'Bella',
      lastName: 'Board',
      landlordId: landlord('Erimus Housing'),
      isBoardMember: true,
    },
    { firstName: 'Edna', lastName: 'Erimus', landlordId: landlord('Erimus Housing') },
    { firstName: 'Tom', lastName: 'Tristar', landlordId: landlord('Tristar Homes') },
    { firstName: 'Hari', lastName: 'Hartlepool', landlordId: landlord('Housing Hartlepool') },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const r = await app.api<{ customer: { id: string } }>('customers.create', {
      ...p,
      tenure: 'tenant',
      confirmDuplicate: true,
    });
    ids[p.firstName] = r.customer.id;
  }
  return ids;
}

test('a group: create it, add members until a rule is broken, and see why', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/groups/new`);
  await page.getByLabel('Name').fill('Repairs Scrutiny Group');
  await page.getByLabel('Family').selectOption({ label: 'Scrutiny & accountability' });
  await page.getByLabel('Kind').selectOption({ label: 'Standing (corporate) group' });
  await page.getByLabel('Target meetings a year').fill('10');
  await page.getByLabel('Tenants needed from each partner landlord').fill('2');
  await page.getByLabel('Board members may not be members').check();
  await page.getByRole('button', { name: 'Save group' }).click();

  await expect(
    page.getByRole('heading', { name: 'Repairs Scrutiny Group', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByText('Repairs Scrutiny Group: no tenants from Tristar Homes, 2 needed.'),
  ).toBeVisible();

  await page.getByLabel('Find a customer').fill('Edna');
  await page.getByRole('button', { name: 'Choose Edna Erimus' }).click();
  await page.getByLabel('Code of conduct signed on').fill('2026-11-20');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText('Edna Erimus joined Repairs Scrutiny Group.')).toBeVisible();
  await expect(
    page.getByText('Repairs Scrutiny Group: only 1 tenant from Erimus Housing, 2 needed.'),
  ).toBeVisible();

  await page.getByLabel('Find a customer').fill('Bella');
  await page.getByRole('button', { name: 'Choose Bella Board' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'breaks a membership rule' });
  await expect(refusal).toContainText(
    'Bella Board is a board member. Board members cannot sit on Repairs Scrutiny Group, because it holds the Boards to account.',
  );
  await expect(refusal).toContainText(
    'Only a team leader or administrator can add them anyway, with a reason.',
  );
  await expectAccessible(page, 'the group page with a refused member');
  if (shots) await page.screenshot({ path: `${shots}/group-page.png`, fullPage: true });

  await page.goto(`${app.url}#/groups`);
  const row = page.getByRole('row', { name: /Repairs Scrutiny Group/ });
  await expect(row).toContainText('4 problems');
  await expectAccessible(page, 'the groups list');
  if (shots) await page.screenshot({ path: `${shots}/groups-list.png`, fullPage: true });
});

test('a meeting: schedule it, sign people in by keyboard, print the sheet, export .ics', async ({
  page,
  app,
}, info) => {
  const ids = await setUp(app);
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const council = groups.find((g) => g.name === 'Customer Council')!.id;
  for (const name of ['Edna', 'Tom', 'Hari']) {
    await app.api('groups.addMember', {
      groupId: council,
      customerId: ids[name],
      joinedOn: '2026-01-01',
    });
  }

  await page.goto(`${app.url}#/groups/${council}`);
  await page.getByRole('link', { name: 'Schedule a meeting' }).click();
  await page.getByLabel('Title').fill('November meeting');
  await page.getByLabel('Starts (UK time)').fill('2026-11-23T18:00');
  await page.getByLabel('Ends (UK time)').fill('2026-11-23T20:00');
  await page.getByLabel('Venue name').fill('Thornaby Community Centre');
  await page.getByLabel('Agenda').fill('1. Welcome\n2. Repairs performance');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'November meeting', level: 1 })).toBeVisible();
  const activityId = page.url().split('/activities/')[1]!;

  // The sign-in screen, keyboard only.
  await page.getByRole('link', { name: 'Sign-in screen' }).click();
  const filter = page.getByRole('searchbox', { name: 'Find a person by name or postcode' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('hari');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Present for Hari Hartlepool' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(filter).toHaveValue('');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Present for Edna Erimus' })).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByRole('button', { name: 'Apologies for Edna Erimus' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Present for Hari Hartlepool' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: 'Absent for Tom Tristar' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New person at the door' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Nina');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Newcomer');
  await page.keyboard.press('Tab');
  await page.keyboard.type('TS17 6AA');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Present for Nina Newcomer' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText('2 present')).toBeVisible();
  await expectAccessible(page, 'the sign-in screen');
  if (shots) await page.screenshot({ path: `${shots}/sign-in.png`, fullPage: true });

  const activity = await app.api<{ attendees: { name: string; status: string }[] }>(
    'activities.get',
    { id: activityId },
  );
  expect(Object.fromEntries(activity.attendees.map((a) => [a.name, a.status]))).toEqual({
    'Edna Erimus': 'apologies',
    'Hari Hartlepool': 'present',
    'Tom Tristar': 'absent',
    'Nina Newcomer': 'present',
  });

  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'November meeting', level: 1 })).toBeVisible();
  await expectAccessible(page, 'the meeting page');
  if (shots) await page.screenshot({ path: `${shots}/meeting.png`, fullPage: true });

  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Print sign-in sheet (PDF)' }).click(),
  ]);
  const pdf = info.outputPath('sheet.pdf');
  await sheet.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('Sign-in sheet: November meeting');
  expect(text).toContain('Group: Customer Council');
  expect(text).toContain('Monday 23 November 2026, 6:00pm to 8:00pm');
  for (const name of ['Edna Erimus', 'Hari Hartlepool', 'Tom Tristar', 'Nina Newcomer'])
    expect(text).toContain(name);

  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  const icsPath = info.outputPath('meeting.ics');
  await ics.saveAs(icsPath);
  const [event] = parseIcs(readFileSync(icsPath, 'utf8'));
  expect(event).toMatchObject({
    UID: `${activityId}@involvement-desk`,
    SUMMARY: 'Customer Council: November meeting',
    DTSTART: '20261123T180000Z',
    DTEND: '20261123T200000Z',
    LOCATION: 'Thornaby Community Centre',
  });

  await page.goto(`${app.url}#/calendar?date=2026-11-23`);
  await expect(page.getByRole('link', { name: /18:00 November meeting/ })).toBeVisible();
  await expectAccessible(page, 'the calendar');
  if (shots) await page.screenshot({ path: `${shots}/calendar.png`, fullPage: true });

  await page.goto(`${app.url}#/customers/${ids.Hari}`);
  const section = page.getByRole('region', { name: 'Groups, activities and training' });
  await expect(section).toContainText('Customer Council');
  await expect(section.getByRole('link', { name: 'November meeting' })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/customer-involvement.png`, fullPage: true });
});

test('a meeting next month cannot be saved as held: the reason shows at Status', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/activities/new`);
  await page.getByLabel('Title').fill('January meeting');
  await page.getByLabel('Starts (UK time)').fill('2027-01-04T17:30');
  await page.getByLabel('Status').selectOption({ label: 'Held' });
  await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  const message = 'This activity is on 4 January 2027: keep it scheduled until then.';
  await expect(page.getByLabel('Status')).toHaveAccessibleDescription(new RegExp(message));
  await expect(page.getByLabel('Title')).toHaveValue('January meeting');
  await expectAccessible(page, 'the activity form refusing a held meeting ahead of its day');
});

test('signing in ahead of the day: Enter in an empty search marks nobody, and a refused mark does not stay', async ({
  page,
  app,
}) => {
  const ids = await setUp(app);
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const council = groups.find((g) => g.name === 'Customer Council')!.id;
  await app.api('groups.addMember', {
    groupId: council,
    customerId: ids.Edna,
    joinedOn: '2026-01-01',
  });
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'January meeting',
    groupId: council,
    startsAt: '2027-01-04T17:30:00.000Z',
    endsAt: '2027-01-04T19:30:00.000Z',
  });

  await page.goto(`${app.url}#/activities/${meeting.id}/sign-in`);
  const filter = page.getByRole('searchbox', { name: 'Find a person by name or postcode' });
  await expect(filter).toBeFocused();
  await page.keyboard.press('Enter');
  const present = page.getByRole('button', { name: 'Present for Edna Erimus' });
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('0 present')).toBeVisible();

  await page.keyboard.press('ArrowDown');
  await expect(present).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.getByRole('alert')).toContainText('This activity is on 4 January 2027');
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('0 present')).toBeVisible();

  // Apologies sent ahead are recorded, and the message goes.
  await page.getByRole('button', { name: 'Apologies for Edna Erimus' }).press('a');
  await expect(page.getByRole('button', { name: 'Apologies for Edna Erimus' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'the sign-in screen ahead of the day');
});
