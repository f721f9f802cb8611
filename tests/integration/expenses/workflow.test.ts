import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { claimInput, PNG_BASE64, setUpExpenses } from './helpers';

let app: TestApp;
let s: Awaited<ReturnType<typeof setUpExpenses>>;
let officer: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  s = await setUpExpenses(app);
  // Profiles are created by the administrator, then used in turn.
  await app.signInAs('team_leader', 'Tess Leader');
  await app.signInAs('administrator', 'Test administrator');
  await app.signInAs('coordinator', 'Cora Coordinator');
  await app.signInAs('administrator', 'Test administrator');
  officer = await app.signInAs('officer', 'Olly Officer');
});
afterEach(() => app.close());

async function submitted() {
  const claim = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
  return app.call('expenses.move', { action: 'submit', id: claim.id });
}

describe('a claim from draft to approved', () => {
  it('works each line out and explains it', async () => {
    const claim = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    expect(claim.status).toBe('draft');
    expect(claim.reference).toBe('EXP-2026-00001');
    expect(claim.lines.map((l) => [l.allowedPence, l.explanation])).toEqual([
      [540, '12 miles × 45p = £5.40'],
      [350, '£3.50 as spent'],
    ]);
    expect(claim.totalPence).toBe(890);
    expect(claim.checks).toEqual([]);
    expect(claim.enteredBy).toBe(officer);
  });

  it('moves through submitted, queried, resubmitted and approved, recording each step', async () => {
    const claim = await submitted();
    expect(claim.status).toBe('submitted');
    expect(claim.actions).toEqual([]);
    await app.signInAs('team_leader', 'Tess Leader');
    const queried = await app.call('expenses.move', {
      action: 'query',
      id: claim.id,
      note: 'Was the parking at the civic centre or the community centre?',
    });
    expect(queried.status).toBe('queried');
    await app.signInAs('officer', 'Olly Officer');
    const again = await app.call('expenses.move', {
      action: 'resubmit',
      id: claim.id,
      note: 'The civic centre: the community centre car park was full.',
    });
    expect(again.status).toBe('submitted');
    await app.signInAs('team_leader', 'Tess Leader');
    const approved = await app.call('expenses.move', { action: 'approve', id: claim.id });
    expect(approved.status).toBe('approved');
    expect(approved.events.map((e) => [e.kind, e.byName])).toEqual([
      ['submitted', 'Olly Officer'],
      ['queried', 'Tess Leader'],
      ['resubmitted', 'Olly Officer'],
      ['approved', 'Tess Leader'],
    ]);
    const history = await app.call('history.forRecord', { entity: 'expense_claims', id: claim.id });
    expect(history.map((h) => h.field)).toContain('status');
    expect(history.some((h) => h.reason?.includes('civic centre or'))).toBe(true);
  });

  it('refuses every move from a state it cannot leave that way', async () => {
    const claim = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    await app.signInAs('team_leader', 'Tess Leader');
    for (const action of ['approve', 'reject', 'query'] as const)
      await expect(
        app.call('expenses.move', { action, id: claim.id, note: 'x' } as never),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: 'This claim has not been submitted yet.',
      });
    await expect(
      app.call('expenses.move', { action: 'resubmit', id: claim.id, note: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await app.signInAs('officer', 'Olly Officer');
    await app.call('expenses.move', { action: 'submit', id: claim.id });
    await expect(
      app.call('expenses.move', { action: 'submit', id: claim.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      app.call('expenses.move', { action: 'resubmit', id: claim.id, note: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // A submitted claim's lines are fixed until it is queried.
    await expect(
      app.call('expenses.saveClaim', { ...claimInput(s.customerId, s.meetingId), id: claim.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('expenses.move', { action: 'reject', id: claim.id, note: 'Claimed twice' });
    for (const action of ['submit', 'approve', 'query'] as const)
      await expect(
        app.call('expenses.move', { action, id: claim.id, note: 'x' } as never),
      ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/rejected/) });
  });

  it('lets officers and coordinators submit but never decide', async () => {
    const claim = await submitted();
    await expect(
      app.call('expenses.move', { action: 'approve', id: claim.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('coordinator', 'Cora Coordinator');
    await expect(
      app.call('expenses.move', { action: 'approve', id: claim.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses self-approval by whoever entered or submitted the claim', async () => {
    await app.signInAs('team_leader', 'Tess Leader');
    const own = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    const sub = await app.call('expenses.move', { action: 'submit', id: own.id });
    expect(sub.approvalBlockedBecause).toMatch(/someone else must decide/);
    await expect(
      app.call('expenses.move', { action: 'approve', id: own.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'You entered or submitted this claim, so someone else must decide it.',
    });
    // Entered by an officer but submitted by the leader: still theirs.
    await app.signInAs('officer', 'Olly Officer');
    const other = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      lines: [
        { ...claimInput(s.customerId, s.meetingId).lines[0]!, on: '2026-11-19', activityId: null },
      ],
    });
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('expenses.move', { action: 'submit', id: other.id });
    await expect(
      app.call('expenses.move', { action: 'approve', id: other.id }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/someone else/) });
    // An administrator who did neither may.
    await app.signInAs('administrator', 'Test administrator');
    expect((await app.call('expenses.move', { action: 'approve', id: own.id })).status).toBe(
      'approved',
    );
  });

  it('holds back a claim whose checks say stop, naming the line', async () => {
    const input = claimInput(s.customerId, s.meetingId);
    input.lines[1] = { ...input.lines[1]!, amountPence: 1250 };
    const claim = await app.call('expenses.saveClaim', input);
    expect(claim.checks.map((c) => c.message)).toEqual([
      'Line 2 (20 Nov 2026, parking): a receipt is needed above £10.00. Attach a photo or scan of the receipt.',
    ]);
    await expect(
      app.call('expenses.move', { action: 'submit', id: claim.id }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^One thing needs putting right first. Line 2/),
    });
    const withReceipt = await app.call('expenses.attachReceipt', {
      lineId: claim.lines[1]!.id,
      fileName: 'parking.png',
      mimeType: 'image/png',
      contentBase64: PNG_BASE64,
    });
    expect(withReceipt.checks).toEqual([]);
    expect(withReceipt.lines[1]!.receipts).toHaveLength(1);
    expect(
      (await app.call('expenses.receipt', { id: withReceipt.lines[1]!.receipts[0]!.id })).data,
    ).toBe(PNG_BASE64);
    expect((await app.call('expenses.move', { action: 'submit', id: claim.id })).status).toBe(
      'submitted',
    );
  });

  it('names duplicates, old lines, unattended activities, missing prior approval and long journeys', async () => {
    const first = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    await app.call('expenses.move', { action: 'submit', id: first.id });
    const other = await app.call('activities.save', {
      kind: 'event',
      title: 'Roadshow',
      status: 'held',
      groupId: null,
      startsAt: '2026-11-10T10:00:00.000Z',
      endsAt: '2026-11-10T12:00:00.000Z',
      venueKind: 'community_centre',
      venueName: 'Hall',
      venueAddress: 'Somewhere',
    });
    const second = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      lines: [
        {
          on: '2026-11-20',
          category: 'parking',
          description: 'Again',
          activityId: s.meetingId,
          amountPence: 200,
        },
        {
          on: '2026-07-01',
          category: 'meals',
          description: 'Lunch',
          activityId: null,
          amountPence: 500,
        },
        {
          on: '2026-11-10',
          category: 'taxi',
          description: 'Taxi home',
          activityId: other.id,
          amountPence: 800,
        },
        {
          on: '2026-11-11',
          category: 'mileage',
          description: 'To Hartlepool',
          activityId: null,
          miles: 240,
          vehicle: 'car',
          passengers: 0,
        },
      ],
    });
    expect(second.checks.map((c) => [c.lineIndex, c.kind, c.severity])).toEqual([
      [0, 'duplicate', 'stop'],
      [1, 'too_old', 'stop'],
      [2, 'prior_approval', 'stop'],
      [2, 'not_attended', 'ask'],
      [3, 'implausible_miles', 'ask'],
    ]);
    expect(second.stopCount).toBe(3);
  });

  it('never pays a flat-rate or thank-you payment, and says why', async () => {
    const claim = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      lines: [
        {
          on: '2026-11-20',
          category: 'other',
          description: 'Thank you payment',
          activityId: null,
          amountPence: 2000,
          priorApproval: true,
        },
      ],
    });
    const flat = claim.checks.find((c) => c.kind === 'flat_rate');
    expect(flat).toMatchObject({ severity: 'stop' });
    expect(flat!.message).toMatch(/can count as earnings/);
  });

  it('counts the 10,000 miles from the miles declared from other organisations', async () => {
    const claim = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      otherMiles: 9_995,
      lines: [claimInput(s.customerId, s.meetingId).lines[0]!],
    });
    expect(claim.lines[0]!.allowedPence).toBe(5 * 45 + 7 * 25);
    expect(claim.lines[0]!.explanation).toContain('because this takes you past 10,000 miles');
    expect(claim.otherMiles).toBe(9_995);
  });
});

describe('a paid claim cannot change', () => {
  it('refuses edits, receipts, moves and deletion once paid', async () => {
    const claim = await submitted();
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('expenses.move', { action: 'approve', id: claim.id });
    const batch = await app.call('expenses.createBatch', { claimIds: null });
    await app.call('expenses.markPaid', { id: batch.id, paidOn: '2026-11-23' });
    const paid = await app.call('expenses.claim', { id: claim.id });
    expect(paid.status).toBe('paid');
    expect(paid.editable).toBe(false);
    expect(paid.actions).toEqual([]);
    await expect(
      app.call('expenses.saveClaim', { ...claimInput(s.customerId, s.meetingId), id: claim.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This claim has been paid: it cannot change.',
    });
    await expect(
      app.call('expenses.attachReceipt', {
        lineId: paid.lines[0]!.id,
        fileName: 'x.png',
        mimeType: 'image/png',
        contentBase64: PNG_BASE64,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    for (const action of ['approve', 'reject', 'query', 'submit'] as const)
      await expect(
        app.call('expenses.move', { action, id: claim.id, note: 'x' } as never),
      ).rejects.toMatchObject({ message: expect.stringMatching(/paid/) });
    await expect(app.call('expenses.deleteDraft', { id: claim.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(app.call('expenses.removeFromBatch', { claimId: claim.id })).rejects.toMatchObject(
      {
        code: 'conflict',
      },
    );
    await expect(
      app.call('expenses.markPaid', { id: batch.id, paidOn: '2026-11-23' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('payment details are their own data class', () => {
  it('shows bank details to leaders only, in screens and in history', async () => {
    await expect(
      app.call('expenses.savePaymentDetails', {
        customerId: s.customerId,
        method: 'bank_transfer',
        accountName: 'M Claimant',
        sortCode: '20-00-00',
        accountNumber: '12345678',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('team_leader', 'Tess Leader');
    await expect(
      app.call('expenses.savePaymentDetails', {
        customerId: s.customerId,
        method: 'bank_transfer',
        accountName: 'M Claimant',
        sortCode: '2000',
        accountNumber: '1234',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'sortCode' }),
        expect.objectContaining({ path: 'accountNumber' }),
      ]),
    });
    const saved = await app.call('expenses.savePaymentDetails', {
      customerId: s.customerId,
      method: 'bank_transfer',
      accountName: 'M Claimant',
      sortCode: '200000',
      accountNumber: '12345678',
    });
    expect(saved).toMatchObject({ sortCode: '20-00-00', accountNumber: '12345678', visible: true });

    await app.signInAs('officer', 'Olly Officer');
    const shown = await app.call('expenses.paymentDetails', { customerId: s.customerId });
    expect(shown).toEqual({
      customerId: s.customerId,
      method: 'bank_transfer',
      accountName: null,
      sortCode: '••-••-••',
      accountNumber: '••••••••',
      visible: false,
    });
    const claim = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    expect(JSON.stringify(claim)).not.toContain('12345678');
    const ctx = await app.ctx();
    const row = await ctx.db
      .selectFrom('customer_payment_details')
      .select('id')
      .executeTakeFirstOrThrow();
    const history = await app.call('history.forRecord', {
      entity: 'customer_payment_details',
      id: row.id,
    });
    expect(JSON.stringify(history)).not.toMatch(/12345678|20-00-00|M Claimant/);
    expect(JSON.stringify(history)).toContain('bank_transfer');
    await app.signInAs('team_leader', 'Tess Leader');
    const full = await app.call('history.forRecord', {
      entity: 'customer_payment_details',
      id: row.id,
    });
    expect(JSON.stringify(full)).toContain('12345678');
  });
});
