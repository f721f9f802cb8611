import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function setUp(app: HostedApp) {
  await app.signIn();
  const org = await app.api<{ landlords: { id: string; name: string }[] }>(
    'organisation.applyTemplate',
  );
  const groups = await app.api<{ id: string; name: string }[]>('groups.list');
  const csi = groups.find((g) => g.name === 'Customer Service Investigators')!;
  for (const [firstName, lastName] of [
    ['Ivy', 'Investigator'],
    ['Sam', 'Scrutineer'],
  ]) {
    const r = await app.api<{ customer: { id: string } }>('customers.create', {
      firstName,
      lastName,
      landlordId: org.landlords[0]!.id,
      tenure: 'tenant',
      status: 'active',
      confirmDuplicate: true,
    });
    await app.api('groups.addMember', {
      groupId: csi.id,
      customerId: r.customer.id,
      joinedOn: '2026-01-05',
    });
  }
  const coordinator = await app.api<{ id: string }>('staff.create', {
    name: 'Jo Coordinator',
    role: 'coordinator',
    email: null,
  });
  await app.api('session.signIn', { staffId: coordinator.id });
}

async function screenshots(page: Page, name: string) {
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

test('a CSI project from commission to report, with the exception report and the assurance matrix', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/reviews/new`);
  await expect(page.getByRole('heading', { name: 'Commission a review', level: 1 })).toBeVisible();
  await page.locator('#commission-title').fill('How quickly are void repairs finished?');
  await page.getByRole('button', { name: 'Commission the review' }).click();
  // No question and no service: refused, naming the fields.
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The question to answer is required.');
  await expect(summary).toContainText('Choose the service in scope.');
  await page.locator('#commission-commissionerName').fill('Pat Manager');
  await page.locator('#commission-commissionerService').fill('Voids and lettings');
  await page.locator('#commission-serviceArea').selectOption({ label: 'Repairs and maintenance' });
  await page
    .locator('#commission-question')
    .fill('Are empty homes repaired and re-let within the 20 days we promise?');
  await expectAccessible(page, 'the commission form');
  await page.getByRole('button', { name: 'Commission the review' }).click();

  await expect(
    page.getByRole('heading', { name: 'CSI-2026-001: How quickly are void repairs finished?' }),
  ).toBeVisible();
  await expect(page.getByText('Week 1, expected 5–8 weeks.')).toBeVisible();

  // The team comes from the Customer Service Investigators.
  await page
    .getByLabel('Member of the Customer Service Investigators')
    .selectOption({ label: 'Ivy Investigator' });
  await page.getByLabel('Role').selectOption({ label: 'Customer lead' });
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByText('Ivy Investigator (customer lead)')).toBeVisible();

  // A document into the evidence log.
  await page.locator('#evidence-kind').selectOption({ label: 'Document' });
  await page.locator('#evidence-title').fill('Void report October');
  await page.getByLabel('Document', { exact: true }).setInputFiles({
    name: 'void-report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Average void time: 31 days'),
  });
  await page.getByRole('button', { name: 'Add to the log' }).click();
  await expect(page.getByRole('button', { name: 'void-report.txt' })).toBeVisible();

  // Findings.
  await page.locator('#finding-heading').fill('Voids take 31 days on average');
  await page.locator('#finding-text').fill('Against a promise of 20 days, across all landlords.');
  await page.getByRole('button', { name: 'Add the finding' }).click();
  await expect(page.getByText('Voids take 31 days on average')).toBeVisible();

  // Recommendations with management responses.
  await page.locator('#rec-text').fill('Set a 20-day target for every void and report it monthly');
  await page.locator('#rec-response').selectOption({ label: 'Accepted' });
  await page.locator('#rec-owner').fill('Head of Voids');
  await page.locator('#rec-due').fill('2026-12-01');
  await page.getByRole('button', { name: 'Add the recommendation' }).click();
  await expect(page.getByRole('link', { name: 'CSI-2026-001/R1' })).toBeVisible();
  await page.locator('#rec-text').fill('Hire two more void surveyors');
  await page.locator('#rec-response').selectOption({ label: 'Rejected' });
  await page.locator('#rec-reason').fill('Recruitment freeze until April');
  await page.locator('#rec-owner').fill('Director of Property');
  await page.locator('#rec-due').fill('2027-02-01');
  await page.getByRole('button', { name: 'Add the recommendation' }).click();
  await expect(page.getByRole('link', { name: 'CSI-2026-001/R2' })).toBeVisible();
  await expectAccessible(page, 'the review page');
  await screenshots(page, 'review-page');

  // The final report as PDF, read back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Final report (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('CSI-2026-001 final report.pdf');
  const pdfPath = `${app.dir}/report.pdf`;
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('How quickly are void repairs finished?');
  expect(text).toContain('1. Voids take 31 days on average');
  expect(text).toContain('Set a 20-day target for every void');
  expect(text).toContain('Recruitment freeze until April');
  expect(text).toContain('Ivy Investigator (customer lead)');
  if (shots) execFileSync('cp', [pdfPath, `${shots}/review-report.pdf`]);

  // The matrix before and after tagging the evidence.
  await page.goto(`${app.url}#/assurance`);
  const sq4 = page.locator('tr[data-code="SQ-4"]');
  await expect(sq4).toContainText('None');
  await expect(page.getByRole('heading', { name: /Coverage: 0 of 41/ })).toBeVisible();
  await page.goto(`${app.url}#/reviews`);
  await page.getByRole('link', { name: 'CSI-2026-001' }).click();
  await page.getByRole('button', { name: 'Tag requirements: Void report October' }).click();
  await page.getByLabel('SQ-4 Repairs, maintenance and planned improvements').check();
  await page.getByLabel('TP02 Satisfaction with repairs').check();
  await page.getByRole('button', { name: 'Save the tags' }).click();
  await expect(page.getByLabel('Requirements Void report October gave assurance on')).toContainText(
    'SQ-4',
  );
  await page.goto(`${app.url}#/assurance`);
  await expect(sq4).toContainText('1');
  await expect(sq4.getByRole('link', { name: 'CSI-2026-001: Void report October' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Coverage: 2 of 41/ })).toBeVisible();

  // An activity and a recommendation are tagged on their own pages.
  const groups = await app.api<{ id: string; name: string }[]>('groups.list');
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'Investigators planning meeting',
    groupId: groups.find((g) => g.name === 'Customer Service Investigators')!.id,
    startsAt: '2026-11-20T18:00:00.000Z',
    endsAt: '2026-11-20T20:00:00.000Z',
  });
  await page.goto(`${app.url}#/activities/${meeting.id}`);
  await page
    .getByRole('button', { name: 'Tag requirements: Investigators planning meeting' })
    .click();
  await page.getByLabel('TIA-1 Fairness and respect').check();
  await page.getByRole('button', { name: 'Save the tags' }).click();
  await expect(
    page.getByLabel('Requirements Investigators planning meeting gave assurance on'),
  ).toContainText('TIA-1');
  await page.goto(`${app.url}#/recommendations`);
  await page.getByRole('link', { name: 'CSI-2026-001/R1' }).click();
  await expect(page.getByRole('link', { name: /CSI-2026-001/ }).first()).toHaveAttribute(
    'href',
    /#\/reviews\//,
  );
  await page
    .getByRole('button', { name: 'Tag requirements: recommendation CSI-2026-001/R1' })
    .click();
  await page.getByLabel('TIA-1 Fairness and respect').check();
  await page.getByRole('button', { name: 'Save the tags' }).click();
  await expect(
    page.getByLabel('Requirements recommendation CSI-2026-001/R1 gave assurance on'),
  ).toContainText('TIA-1');
  await expectAccessible(page, 'a recommendation with its tags');
  await screenshots(page, 'recommendation-tags');
  await page.goto(`${app.url}#/assurance`);
  const tia1 = page.locator('tr[data-code="TIA-1"]');
  await expect(tia1).toContainText('2');
  await expect(page.getByRole('heading', { name: /Coverage: 3 of 41/ })).toBeVisible();
  await expectAccessible(page, 'the assurance matrix');
  await screenshots(page, 'assurance-matrix');

  // The exception report: the rejected one now; the accepted one once its due date passes.
  await page.goto(`${app.url}#/reviews/exceptions`);
  const rows = page.getByRole('table', { name: 'Exception report' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Rejected by management');
  await app.setClock('2026-12-05T10:00:00.000Z');
  await page.reload();
  await expect(rows).toHaveCount(2);
  const overdue = rows.filter({ hasText: 'CSI-2026-001/R1' });
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toContainText('Head of Voids');
  await expect(overdue.locator('td.num')).toHaveText('4');
  await expectAccessible(page, 'the exception report');
  await screenshots(page, 'exception-report');
});

test('a survey export imported as comments: a bad row is shown and stops the import until fixed', async ({
  page,
  app,
}) => {
  await setUp(app);
  const lead = (await app.api<{ id: string; name: string }[]>('staff.list')).find(
    (s) => s.name === 'Jo Coordinator',
  )!;
  const review = await app.api<{ id: string }>('reviews.commission', {
    kind: 'policy_consultation',
    title: 'Lettings policy',
    commissionedBy: 'board',
    commissionedOn: '2026-11-02',
    question: 'Is the lettings policy clear and fair?',
    serviceArea: 'tenancy_lettings',
    deadline: '2026-12-18',
    startedOn: '2026-11-02',
    leadOfficerId: lead.id,
  });
  await page.goto(`${app.url}#/reviews/${review.id}`);
  const csv = (date: string) =>
    [
      'Response ID,Submitted,What could we do better?,Topic',
      '1,02/11/2026,Explain bidding in plain words,Clarity',
      `2,${date},Tell us how long the wait is,Waiting times`,
      '3,04/11/2026,Offer viewings at weekends,Access',
    ].join('\n');
  await page.getByLabel('Survey export (CSV or Excel)').setInputFiles({
    name: 'survey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv('31/02/2026')),
  });
  await expect(page.getByRole('status').filter({ hasText: '3 rows' })).toContainText(
    '2 comments to import, 1 with a problem',
  );
  await expect(page.getByText("Row 3, column 'Submitted': is not a real date")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 2 comments' })).toBeDisabled();
  await expect(page.getByLabel('What could we do better?')).toHaveValue('comment');
  await expectAccessible(page, 'the survey preview');
  await screenshots(page, 'survey-preview');
  await page.getByLabel('Survey export (CSV or Excel)').setInputFiles({
    name: 'survey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv('03/11/2026')),
  });
  await page.getByRole('button', { name: 'Import 3 comments' }).click();
  await expect(page.getByText('Imported 3 comments; 3 in all.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What customers said (3)' })).toBeVisible();
  await expect(page.getByText('Themes: Access (1), Clarity (1), Waiting times (1)')).toBeVisible();

  // The comment window cannot close before it opens.
  await page.locator('#consultation-policyName').fill('Lettings');
  await page.locator('#consultation-commentOpens').fill('2026-11-10');
  await page.locator('#consultation-commentCloses').fill('2026-11-05');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#consultation-commentCloses-error')).toHaveText(
    'The comment window cannot close before it opens.',
  );

  await page.goto(`${app.url}#/reviews/figures`);
  await expect(page.getByRole('heading', { name: 'Scrutiny figures', level: 1 })).toBeVisible();
  await expectAccessible(page, 'the figures page');
  await screenshots(page, 'figures');
});

test('a policy consultation on its task & finish group’s three days, ending in feedback to participants', async ({
  page,
  app,
}) => {
  await setUp(app);
  const groups = await app.api<{ id: string; name: string }[]>('groups.list');
  const policyGroup = groups.find((g) => g.name === 'Task & Finish Policy Group')!;
  const { group } = await app.api<{ group: Record<string, unknown> }>('groups.get', {
    id: policyGroup.id,
  });
  await app.api('groups.save', { ...group, startsOn: '2027-01-11', endsOn: '2027-02-05' });
  await app.api('groups.planThreeDays', { groupId: policyGroup.id });
  const staff = await app.api<{ id: string; name: string }[]>('staff.list');
  const review = await app.api<{ id: string }>('reviews.commission', {
    kind: 'policy_consultation',
    title: 'Lettings policy',
    commissionedBy: 'board',
    commissionerName: null,
    commissionerService: null,
    commissionedOn: '2026-10-28',
    question: 'Does the lettings policy treat applicants fairly?',
    serviceArea: 'tenancy_lettings',
    landlordIds: [],
    deadline: '2027-02-26',
    startedOn: '2026-11-02',
    leadOfficerId: staff.find((s) => s.name === 'Jo Coordinator')!.id,
  });

  // The policy register names a customer-facing policy going to the Board unconsulted.
  await page.goto(`${app.url}#/policies`);
  await page.getByRole('button', { name: 'Add a policy' }).click();
  await page.getByLabel('Policy (required)').fill('Lettings');
  await page.getByLabel('Service').selectOption({ label: 'Tenancy and lettings' });
  await page.getByLabel('Next goes to the Board on').fill('2027-03-10');
  await page.getByRole('button', { name: 'Add the policy' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Lettings goes to the Board on 10 Mar 2027 without a finished consultation.',
  );
  await expect(page.getByRole('row', { name: /Lettings/ })).toContainText('No consultation');
  await expectAccessible(page, 'the policy register');
  await screenshots(page, 'policies');

  await page.goto(`${app.url}#/reviews/${review.id}`);
  await page
    .getByLabel('Task & finish group')
    .selectOption({ label: 'Task & Finish Policy Group' });
  await page.getByLabel('Policy on the register').selectOption({ label: 'Lettings' });
  await expect(page.getByLabel('Policy', { exact: true })).toHaveValue('Lettings');
  await expect(page.getByLabel('Goes to the Board on')).toHaveValue('2027-03-10');
  const consultation = page.getByRole('region', { name: 'The policy and its comment window' });
  await consultation.getByRole('button', { name: 'Save' }).click();
  await expect(
    consultation.getByRole('link', { name: 'Day 2: revising the policy' }),
  ).toBeVisible();
  await consultation.getByRole('button', { name: /Use the group’s comment window/ }).click();
  await expect(page.getByLabel('Comments open')).toHaveValue('2027-01-12');
  await expect(page.getByLabel('Comments close')).toHaveValue('2027-01-24');
  await consultation.getByRole('button', { name: 'Save' }).click();
  await expect(
    consultation.getByRole('button', { name: /Use the group’s comment window/ }),
  ).toHaveCount(0);

  // The points, by keyboard; one without its reason is refused at the field.
  const outcomes = page.getByRole('region', {
    name: 'What participants said, and what became of it',
  });
  await outcomes
    .getByLabel('What participants said')
    .fill('Make offers by phone as well as letter');
  await outcomes.getByLabel('What became of it').selectOption({ label: 'Changed' });
  await outcomes.getByRole('button', { name: 'Add the point' }).click();
  await expect(outcomes.getByText('Why is required.')).toBeVisible();
  await outcomes
    .getByLabel('Why', { exact: true })
    .fill('Every offer is now phoned through, then confirmed by letter.');
  await outcomes.getByLabel('Why', { exact: true }).press('Tab');
  await page.keyboard.press('Enter');
  await expect(outcomes.getByRole('row', { name: /Make offers by phone/ })).toContainText(
    'Changed',
  );
  await outcomes.getByLabel('What participants said').fill('Allow three refusals, not two');
  await outcomes.getByLabel('What became of it').selectOption({ label: 'Not changed' });
  await outcomes
    .getByLabel('Why', { exact: true })
    .fill('Homes stay empty longer with each refusal.');
  await outcomes.getByRole('button', { name: 'Add the point' }).click();
  await expect(outcomes.getByRole('row', { name: /Allow three refusals/ })).toContainText(
    'Not changed',
  );
  await expectAccessible(page, 'a consultation with its points');
  await screenshots(page, 'consultation');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    outcomes.getByRole('button', { name: 'Feedback to participants (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('PC-2026-001 feedback to participants.pdf');
  const pdfPath = `${app.dir}/feedback.pdf`;
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Comments were open from 12 January 2027 to 24 January 2027.');
  expect(text).toContain('The revised policy goes to the Board on 10 March 2027.');
  expect(text).toMatch(/What did not change, and why You said: Allow three refusals, not two/);
  if (shots) execFileSync('cp', [pdfPath, `${shots}/consultation-feedback.pdf`]);

  await page.goto(`${app.url}#/policies`);
  await expect(page.getByRole('row', { name: /Lettings/ })).toContainText(
    'Consultation running PC-2026-001',
  );
});
