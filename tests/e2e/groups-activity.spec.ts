import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function setUp(app: HostedApp) {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const sam = await app.api<{ id: string }>('staff.create', {
    name: 'Sam Officer',
    role: 'officer',
    email: null,
  });
  const jo = await app.api<{ id: string }>('staff.create', {
    name: 'Jo Coordinator',
    role: 'coordinator',
    email: null,
  });
  await app.api('session.signIn', { staffId: jo.id });
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const group = (name: string) => groups.find((g) => g.name === name)!.id;
  const customer = async (firstName: string, lastName: string) =>
    (
      await app.api<{ customer: { id: string } }>('customers.create', {
        firstName,
        lastName,
        confirmDuplicate: true,
      })
    ).customer.id;
  return { group, customer, officer: sam.id };
}

test('an activity: staff attending, deleting an action, then deleting the held meeting', async ({
  page,
  app,
}) => {
  const { group, customer } = await setUp(app);
  const council = group('Customer Council');
  const edna = await customer('Edna', 'Erimus');
  await app.api('groups.addMember', { groupId: council, customerId: edna, joinedOn: '2026-01-01' });
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'November meeting',
    groupId: council,
    startsAt: '2026-11-20T18:00:00.000Z',
    endsAt: '2026-11-20T20:00:00.000Z',
  });
  await app.api('attendance.mark', { activityId: meeting.id, customerId: edna, status: 'present' });
  await app.api('activities.saveAction', {
    activityId: meeting.id,
    description: 'Send the repairs report',
    owner: 'Jo',
    done: false,
  });

  await page.goto(`${app.url}#/activities/${meeting.id}`);
  const staff = page.getByRole('region', { name: 'Staff attending' });
  await expect(staff).toContainText('No staff recorded.');
  // Keyboard only: choose a person, type the hours, press Enter (once the staff list is there).
  await expect(staff.getByRole('option', { name: 'Sam Officer' })).toBeAttached();
  await staff.getByLabel('Member of staff').focus();
  await page.keyboard.press('ArrowDown');
  await expect(staff.getByLabel('Member of staff')).not.toHaveValue('');
  await staff.getByLabel('Member of staff').selectOption({ label: 'Sam Officer' });
  await page.keyboard.press('Tab');
  await expect(staff.getByLabel('Hours')).toBeFocused();
  await expect(staff.getByLabel('Hours')).toHaveValue('2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('lots');
  await page.keyboard.press('Enter');
  await expect(staff.getByText('Enter the hours as a number, like 2 or 1.5.')).toBeVisible();
  await staff.getByLabel('Hours').fill('2.5');
  await page.keyboard.press('Enter');
  await expect(staff.getByRole('row', { name: /Sam Officer/ })).toContainText('2.5');
  await staff.getByLabel('Member of staff').selectOption({ label: 'Jo Coordinator' });
  await staff.getByLabel('Hours').fill('3');
  await staff.getByRole('button', { name: 'Add staff' }).click();
  await expect(staff.getByRole('row', { name: /Total/ })).toContainText('5.5');
  // Staff time is not involvement: the attendance table and the count stay with customers.
  await expect(page.getByRole('region', { name: 'Attendance' })).not.toContainText('Sam Officer');
  await expectAccessible(page, 'the activity page with staff attending');
  await shoot(page, 'activity-staff');

  await staff.getByRole('button', { name: 'Remove Jo Coordinator' }).click();
  await expect(staff.getByRole('row', { name: /Jo Coordinator/ })).toHaveCount(0);
  await expect(staff.getByRole('row', { name: /Total/ })).toHaveCount(0);

  // Deleting an action asks for a reason; Escape keeps it and gives focus back.
  const actions = page.getByRole('region', { name: 'Actions' });
  const deleteAction = actions.getByRole('button', {
    name: 'Delete action: Send the repairs report',
  });
  await deleteAction.focus();
  await page.keyboard.press('Enter');
  const actionDialog = page.getByRole('dialog', { name: 'Delete this action?' });
  await expect(actionDialog.getByLabel(/Reason/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(actionDialog).toBeHidden();
  await expect(deleteAction).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(actionDialog.getByText('A reason is required.').first()).toBeVisible();
  await page.keyboard.type('Report already sent');
  await page.keyboard.press('Enter');
  await expect(actionDialog).toBeHidden();
  await expect(actions).toContainText('No actions.');

  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete November meeting?' });
  await expect(dialog).toContainText(
    'It also deletes 1 customer attendance mark and 1 staff entry.',
  );
  await expect(dialog).toContainText('This activity was held and 1 customer was present.');
  await expect(dialog).toContainText('Their last activity date is worked out again');
  await expectAccessible(page, 'the delete activity dialog');
  await shoot(page, 'activity-delete');
  await dialog.getByLabel(/Reason/).fill('Entered twice');
  await dialog.getByRole('button', { name: 'Delete activity' }).click();

  await expect(page.getByRole('heading', { name: 'Customer Council', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'November meeting' })).toHaveCount(0);
  const after = await app.api<{ lastActivityAt: string | null }>('customers.get', { id: edna });
  expect(after.lastActivityAt).toBeNull();
  const history = await app.api<{ op: string; reason: string | null }[]>('history.forRecord', {
    entity: 'activities',
    id: meeting.id,
  });
  expect(history[0]).toMatchObject({ op: 'delete', reason: 'Entered twice' });
});

test('an officer may delete a scheduled meeting but not a held one', async ({ page, app }) => {
  const { group, officer } = await setUp(app);
  const save = (title: string, status: string) =>
    app.api<{ id: string }>('activities.save', {
      kind: 'meeting',
      title,
      status,
      groupId: group('Customer Council'),
      startsAt: '2026-11-20T18:00:00.000Z',
      endsAt: '2026-11-20T20:00:00.000Z',
    });
  const held = await save('Held meeting', 'held');
  const planned = await save('Planned meeting', 'scheduled');
  await app.api('session.signIn', { staffId: officer });
  await page.goto(`${app.url}#/activities/${held.id}`);
  await expect(page.getByRole('heading', { name: 'Held meeting', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  await page.goto(`${app.url}#/activities/${planned.id}`);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/Reason/)
    .fill('Moved online');
  await page.getByRole('button', { name: 'Delete activity' }).click();
  await expect(page.getByRole('heading', { name: 'Customer Council', level: 1 })).toBeVisible();
});

test('a task & finish group: dates required, the three days planned in one click', async ({
  page,
  app,
}) => {
  const { group, customer } = await setUp(app);
  const policy = group('Task & Finish Policy Group');
  const tom = await customer('Tom', 'Tristar');
  const hari = await customer('Hari', 'Hartlepool');
  for (const id of [tom, hari])
    await app.api('groups.addMember', { groupId: policy, customerId: id, joinedOn: '2026-11-01' });

  await page.goto(`${app.url}#/groups/${policy}`);
  const days = page.getByRole('region', { name: 'The three volunteer days' });
  await expect(days).toContainText('Task & Finish Policy Group has no start and end dates yet.');
  await expect(days.getByRole('button', { name: 'Plan the three days' })).toHaveCount(0);

  // "Record leaving" has its own column; Left appears only where someone has left.
  const members = page.getByRole('table', { name: 'Current members' });
  await expect(members.getByRole('columnheader', { name: 'Left' })).toHaveCount(0);
  await members.getByRole('button', { name: 'Record leaving for Tom Tristar' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tom Tristar left on')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(
    members.getByRole('button', { name: 'Record leaving for Tom Tristar' }),
  ).toBeFocused();
  await expectAccessible(page, 'a task & finish group without dates');
  await shoot(page, 'group-task-and-finish');
  await page.keyboard.press('Enter');
  await page.getByLabel('Tom Tristar left on').fill('2026-11-20');
  await page.keyboard.press('Enter');
  await expect(members.getByRole('row', { name: /Tom Tristar/ })).toHaveCount(0);
  await page.getByText('Former members (1)').click();
  const former = page.getByRole('table', { name: 'Former members' });
  await expect(former.getByRole('row', { name: /Tom Tristar/ })).toContainText('20 Nov 2026');

  await days.getByRole('link', { name: 'Add the dates' }).click();
  await expect(page.getByText('The day of the first session.')).toBeVisible();
  await page.getByRole('button', { name: 'Save group' }).click();
  await expect(
    page
      .getByText('A task & finish group needs a start date: the day of its first session.')
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByText(
        'A task & finish group needs an end date: the day the manager shows the revised policy.',
      )
      .first(),
  ).toBeVisible();
  await expectAccessible(page, 'the group editor with missing dates');
  await shoot(page, 'group-editor-dates');
  await page.getByLabel(/Starts on/).fill('2027-01-11');
  await page.getByLabel(/Ends on/).fill('2027-02-05');
  await page.getByRole('button', { name: 'Save group' }).click();

  await expect(page.getByText('Runs from 11 Jan 2027 to 5 Feb 2027')).toBeVisible();
  await days.getByRole('button', { name: 'Plan the three days' }).click();
  await expect(days.getByRole('status')).toContainText('Planned.');
  for (const title of [
    "Day 1: training on the policy's context",
    'Day 2: revising the policy',
    'Day 3: the revised policy',
  ]) {
    await expect(days.getByRole('link', { name: title })).toBeVisible();
  }
  await page.reload();
  await expect(days).toContainText('3 activities are already scheduled between the group’s dates');
  await expect(days.getByRole('button', { name: 'Plan the three days' })).toHaveCount(0);
  await expectAccessible(page, 'a task & finish group with its three days');
  await shoot(page, 'group-three-days');

  await page
    .getByRole('region', { name: 'Meetings and activities' })
    .getByRole('link', { name: 'Day 2: revising the policy' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Day 2: revising the policy', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('The online comment window is open from 12 Jan 2027')).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Day 2: revising the policy');
});

test('every screen of the area, at 1024 by 700, reached by keyboard and free of axe problems', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await app.loadDemo();
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const council = groups.find((g) => g.name === 'Customer Council')!.id;
  const held = await app.api<{ id: string; status: string }[]>('activities.list', {
    from: '2026-10-01',
    to: '2026-11-22',
    groupId: council,
  });
  const meeting = held.filter((a) => a.status === 'held').at(-1)!;
  const courses = await app.api<{ id: string }[]>('training.courses', {});
  await page.setViewportSize({ width: 1024, height: 700 });
  const screens: [string, string][] = [
    ['groups-list', '#/groups'],
    ['group-page', `#/groups/${council}`],
    ['group-editor', `#/groups/${council}/edit`],
    ['calendar', '#/calendar?date=2026-11-23'],
    ['activity-page', `#/activities/${meeting.id}`],
    ['activity-editor', `#/activities/${meeting.id}/edit`],
    ['sign-in', `#/activities/${meeting.id}/sign-in`],
    ['talent-school', '#/training'],
    ['course-page', `#/training/${courses[0]!.id}`],
  ];
  for (const [name, hash] of screens) {
    await page.goto(`${app.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
    if (name === 'group-page') {
      // Each member's own action is in view, not scrolled off to the side of the table.
      const action = await page
        .getByRole('button', { name: /^Record leaving for /i })
        .first()
        .boundingBox();
      expect(action!.x + action!.width).toBeLessThanOrEqual(1024);
    }
    // The first Tab stops are reachable and show where focus is.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el && el !== document.body ? getComputedStyle(el).outlineStyle : 'none';
      });
      expect(outline, `focus is visible on ${name}`).not.toBe('none');
    }
    await expectAccessible(page, name);
    if (shots) await page.screenshot({ path: `${shots}/review-${name}-1024.png`, fullPage: true });
  }
});

test('a new person at the door who is already on the register is signed in, not added twice', async ({
  page,
  app,
}) => {
  const { group, customer } = await setUp(app);
  const council = group('Customer Council');
  const edna = await customer('Edna', 'Erimus');
  await app.api('groups.addMember', { groupId: council, customerId: edna, joinedOn: '2026-01-01' });
  // On the register, but not a member of this group, so not on its sign-in list.
  await app.api('customers.create', {
    firstName: 'Mary',
    lastName: "O'Neill",
    postcode: 'TS17 6AA',
    email: 'mary.oneill@example.org',
    confirmDuplicate: true,
  });
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'November meeting',
    groupId: council,
    startsAt: '2026-11-23T09:00:00.000Z',
    endsAt: '2026-11-23T11:00:00.000Z',
  });
  const registerSize = async () => (await app.api<{ total: number }>('customers.list', {})).total;
  const before = await registerSize();

  await page.goto(`${app.url}#/activities/${meeting.id}/sign-in`);
  const filter = page.getByRole('searchbox', { name: 'Find a person by name or postcode' });
  await expect(filter).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New person at the door' });
  await expect(dialog.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Mary');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ONeill');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ts17 6aa');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');

  const matches = dialog.getByRole('group', { name: 'Is this them?' });
  await expect(matches).toBeVisible();
  const mary = matches.getByRole('button', { name: /^Sign in Mary O'Neill/ });
  await expect(mary).toBeFocused();
  await expect(mary).toContainText('TS17 6AA · m•••@example.org (same name and postcode)');
  await expect(matches.getByRole('button', { name: 'No, add a new person' })).toBeVisible();
  await expectAccessible(page, 'the "Is this them?" question');
  if (shots) await shoot(page, 'walk-in-matches');

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(filter).toBeFocused();
  await expect(page.getByRole('button', { name: "Present for Mary O'Neill" })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText('1 present')).toBeVisible();
  expect(await registerSize()).toBe(before);
  const activity = await app.api<{ attendees: { name: string; status: string }[] }>(
    'activities.get',
    { id: meeting.id },
  );
  expect(activity.attendees).toEqual([
    expect.objectContaining({ name: "Mary O'Neill", status: 'present' }),
  ]);

  // Escape leaves the dialog and goes back to the search box, having added nobody.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('n');
  await expect(dialog.getByLabel('First name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(filter).toBeFocused();
  expect(await registerSize()).toBe(before);
  await expectAccessible(page, 'the sign-in screen after a match was signed in');
});

test('a different person who shares a name and postcode is added after "No, add a new person"', async ({
  page,
  app,
}) => {
  const { group } = await setUp(app);
  const council = group('Customer Council');
  await app.api('customers.create', {
    firstName: 'Mary',
    lastName: "O'Neill",
    postcode: 'TS17 6AA',
    confirmDuplicate: true,
  });
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'November meeting',
    groupId: council,
    startsAt: '2026-11-23T09:00:00.000Z',
    endsAt: '2026-11-23T11:00:00.000Z',
  });
  const registerSize = async () => (await app.api<{ total: number }>('customers.list', {})).total;
  const before = await registerSize();

  await page.goto(`${app.url}#/activities/${meeting.id}/sign-in`);
  const filter = page.getByRole('searchbox', { name: 'Find a person by name or postcode' });
  await expect(filter).toBeFocused();
  // Nobody is on this group's list yet: the screen's own button opens the form.
  await page.getByRole('button', { name: 'New person at the door' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New person at the door' });
  await dialog.getByLabel('First name').fill('Mary');
  await dialog.getByLabel('Last name').fill("O'Neill");
  await dialog.getByLabel('Postcode').fill('TS17 6AA');
  await dialog
    .getByLabel('They agree to us keeping their details on the Customer Voice register')
    .check();
  await dialog.getByRole('button', { name: 'Add and mark present' }).press('Enter');

  const addNew = dialog.getByRole('button', { name: 'No, add a new person' });
  await expect(addNew).toBeVisible();
  await addNew.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(filter).toBeFocused();
  expect(await registerSize()).toBe(before + 1);
  const activity = await app.api<{ attendees: { name: string; status: string }[] }>(
    'activities.get',
    { id: meeting.id },
  );
  expect(activity.attendees).toEqual([
    expect.objectContaining({ name: "Mary O'Neill", status: 'present' }),
  ]);
});
