import { describe, expect, it } from 'vitest';
import { checkLines, type CheckedLine } from '../../../src-shared/rules/expense-checks';
import { workOutLine, workOutLines, type DatedLine } from '../../../src-shared/rules/expense-lines';
import {
  formatPounds,
  milesToTenths,
  parsePounds,
  roundPence,
} from '../../../src-shared/rules/expense-money';
import {
  defaultPolicy,
  looksLikeFlatRate,
  NO_FLAT_RATE_REASON,
  policyFor,
} from '../../../src-shared/rules/expense-policy';
import { moveRefusal } from '../../../src-shared/rules/expense-workflow';
import { financialYearOf } from '../../../src-shared/rules/report-period';
import { taxYearOf } from '../../../src-shared/rules/tax-year';

const policy = defaultPolicy;
const car = (miles: number, passengers = 0): DatedLine => ({
  on: '2026-05-01',
  category: 'mileage',
  milesTenths: milesToTenths(miles),
  vehicle: 'car',
  passengers,
  amountPence: null,
});
const spend = (category: DatedLine['category'], pence: number): DatedLine => ({
  on: '2026-05-01',
  category,
  milesTenths: null,
  vehicle: null,
  passengers: 0,
  amountPence: pence,
});

describe('rounding is defined once', () => {
  it('rounds half a penny up and less than half down', () => {
    expect(roundPence(125, 10)).toBe(13);
    expect(roundPence(124, 10)).toBe(12);
    expect(roundPence(5, 10)).toBe(1);
    expect(roundPence(4, 10)).toBe(0);
    expect(roundPence(-125, 10)).toBe(-13);
    expect(roundPence(540)).toBe(540);
  });
  it('refuses fractions of a penny as input', () => {
    expect(() => roundPence(1.5, 10)).toThrow();
  });
  it('reads and writes pounds', () => {
    expect(formatPounds(540)).toBe('£5.40');
    expect(formatPounds(123456)).toBe('£1,234.56');
    expect(formatPounds(5)).toBe('£0.05');
    expect(parsePounds('£5.4')).toBe(540);
    expect(parsePounds('12')).toBe(1200);
    expect(parsePounds('1.234')).toBeNull();
  });
});

describe('mileage at HMRC approved rates', () => {
  it('pays 45p a mile by car and says so', () => {
    const r = workOutLine(car(12), policy, 0);
    expect(r.allowedPence).toBe(540);
    expect(r.explanation).toBe('12 miles × 45p = £5.40');
  });
  it('rounds tenths of a mile to the nearest penny, half up', () => {
    // 12.3 × 45 = 553.5p
    expect(workOutLine(car(12.3), policy, 0).allowedPence).toBe(554);
    // 0.1 × 25 = 2.5p
    expect(workOutLine(car(0.1), policy, 100_000).allowedPence).toBe(3);
  });
  it('pays motorcycles 24p and bicycles 20p, with no band', () => {
    const moto = workOutLine({ ...car(10), vehicle: 'motorcycle' }, policy, 200_000);
    expect(moto.allowedPence).toBe(240);
    expect(moto.bandTenths).toBe(0);
    const bike = workOutLine({ ...car(10), vehicle: 'bicycle' }, policy, 0);
    expect(bike.allowedPence).toBe(200);
    expect(bike.explanation).toBe('10 miles × 20p = £2.00');
  });
  it('adds 5p a mile for each passenger', () => {
    const r = workOutLine(car(12, 2), policy, 0);
    expect(r.allowedPence).toBe(540 + 120);
    expect(r.explanation).toBe(
      '12 miles × 45p = £5.40; plus 2 passengers × 12 miles × 5p = £1.20; in all £6.60',
    );
    expect(workOutLine(car(1, 1), policy, 0).explanation).toContain('1 passenger × 1 mile × 5p');
  });
  it('pays 25p after 10,000 miles in the tax year', () => {
    const r = workOutLine(car(20), policy, 100_000);
    expect(r.allowedPence).toBe(500);
    expect(r.explanation).toContain('20 miles × 25p = £5.00');
  });
  it('splits a line that crosses 10,000 miles', () => {
    const r = workOutLine(car(20), policy, 99_900);
    expect(r.allowedPence).toBe(450 + 250);
    expect(r.explanation).toBe(
      'your first 10 miles at 45p (£4.50), then 10 at 25p (£2.50), because this takes you past 10,000 miles this tax year: £7.00',
    );
  });
  it('pays passengers at 5p whichever band the driver is in', () => {
    expect(workOutLine(car(10, 1), policy, 150_000).allowedPence).toBe(250 + 50);
  });
});

describe('the 10,000 miles count per tax year from 6 April', () => {
  const policyOn = () => policy;
  it('knows 5 April from 6 April', () => {
    expect(taxYearOf('2027-04-05')).toMatchObject({ startYear: 2026, label: '2026-27' });
    expect(taxYearOf('2027-04-06')).toMatchObject({ startYear: 2027, from: '2027-04-06' });
    expect(financialYearOf('2027-03-31')).toBe(2026);
    expect(financialYearOf('2027-04-01')).toBe(2027);
  });
  it('counts lines on through one tax year and starts again on 6 April', () => {
    const lines: DatedLine[] = [
      { ...car(9_990), on: '2026-06-01' },
      { ...car(20), on: '2027-04-05' },
      { ...car(20), on: '2027-04-06' },
    ];
    const r = workOutLines(lines, policyOn, () => 0);
    expect(r[0]!.allowedPence).toBe(9_990 * 45);
    // 5 April: the same tax year, so 10 miles at 45p then 10 at 25p.
    expect(r[1]!.allowedPence).toBe(450 + 250);
    // 6 April: a new tax year, all at 45p.
    expect(r[2]!.allowedPence).toBe(900);
  });
  it('includes miles declared from other organisations that year', () => {
    const declared = (year: number) => (year === 2026 ? 99_950 : 0);
    const r = workOutLines(
      [
        { ...car(10), on: '2026-09-01' },
        { ...car(10), on: '2027-04-06' },
      ],
      policyOn,
      declared,
    );
    expect(r[0]!.allowedPence).toBe(5 * 45 + 5 * 25);
    expect(r[1]!.allowedPence).toBe(450);
  });
  it('does not count other vehicles towards the car band', () => {
    const r = workOutLines(
      [{ ...car(9_999), vehicle: 'motorcycle' }, { ...car(10) }],
      policyOn,
      () => 0,
    );
    expect(r[1]!.allowedPence).toBe(450);
  });
});

describe('caps and actual costs', () => {
  it('pays what was spent up to the cap, and says where it was capped', () => {
    expect(workOutLine(spend('meals', 850), policy, 0)).toMatchObject({
      allowedPence: 850,
      explanation: '£8.50 as spent',
    });
    expect(workOutLine(spend('meals', 1250), policy, 0)).toMatchObject({
      claimedPence: 1250,
      allowedPence: 1000,
      explanation: 'over the £10.00 meals and subsistence limit: £10.00 allowed of £12.50 claimed',
    });
    expect(workOutLine(spend('meals', 1000), policy, 0).allowedPence).toBe(1000);
    expect(workOutLine(spend('public_transport', 99_00), policy, 0).allowedPence).toBe(99_00);
  });
  it('never offers a flat-rate or thank-you payment, and says why', () => {
    expect(looksLikeFlatRate('Thank-you payment for the panel')).toBe(true);
    expect(looksLikeFlatRate('Flat rate for the day')).toBe(true);
    expect(looksLikeFlatRate('Bus to Stockton and back')).toBe(false);
    expect(NO_FLAT_RATE_REASON).toContain('count as earnings');
  });
});

describe('the policy in force on the line’s date', () => {
  const v1 = { ...policy, startsOn: '2020-04-06', name: 'v1' };
  const v2 = { ...policy, startsOn: '2026-10-01', name: 'v2', carFirstPence: 50 };
  it('chooses the latest version started on or before the date', () => {
    expect(policyFor([v2, v1], '2026-09-30')?.name).toBe('v1');
    expect(policyFor([v2, v1], '2026-10-01')?.name).toBe('v2');
    expect(policyFor([v1, v2], '2019-01-01')).toBeNull();
  });
  it('works each line out by its own date’s policy', () => {
    const r = workOutLines(
      [
        { ...car(10), on: '2026-09-30' },
        { ...car(10), on: '2026-10-01' },
      ],
      (d) => policyFor([v1, v2], d)!,
      () => 0,
    );
    expect(r.map((x) => x.allowedPence)).toEqual([450, 500]);
  });
});

describe('checks name the line and what to do', () => {
  const base: CheckedLine = {
    on: '2026-11-20',
    category: 'parking',
    description: 'Car park at the civic centre',
    activityId: 'a1',
    milesTenths: null,
    claimedPence: 400,
    receiptCount: 0,
    priorApproval: false,
  };
  const facts = {
    submittedOn: '2026-11-23',
    policyOn: () => policy,
    attended: new Set(['a1']),
    otherClaimKeys: new Set<string>(),
  };
  it('passes a good line', () => {
    expect(checkLines([base], facts)).toEqual([]);
  });
  it('asks for a receipt above the threshold', () => {
    const [c] = checkLines([{ ...base, claimedPence: 1001 }], facts);
    expect(c).toMatchObject({ kind: 'receipt_missing', severity: 'stop' });
    expect(c!.message).toBe(
      'Line 1 (20 Nov 2026, parking): a receipt is needed above £10.00. Attach a photo or scan of the receipt.',
    );
    expect(checkLines([{ ...base, claimedPence: 1000 }], facts)).toEqual([]);
  });
  it('finds duplicates within the claim and across the customer’s claims', () => {
    const within = checkLines([base, { ...base, description: 'again' }], facts);
    expect(within[0]).toMatchObject({ lineIndex: 1, kind: 'duplicate' });
    expect(within[0]!.message).toContain('line 1');
    const across = checkLines([base], {
      ...facts,
      otherClaimKeys: new Set(['2026-11-20|parking|a1']),
    });
    expect(across[0]).toMatchObject({ kind: 'duplicate' });
  });
  it('holds back a line older than the time limit, and not one on the limit', () => {
    expect(checkLines([{ ...base, on: '2026-08-25' }], facts)).toEqual([]);
    expect(checkLines([{ ...base, on: '2026-08-24' }], facts)[0]).toMatchObject({
      kind: 'too_old',
    });
  });
  it('asks about an activity not attended and implausible miles', () => {
    const kinds = checkLines(
      [
        { ...base, activityId: 'a2' },
        { ...base, on: '2026-11-21', category: 'mileage', milesTenths: 1_600, receiptCount: 0 },
      ],
      facts,
    ).map((c) => [c.lineIndex, c.kind, c.severity]);
    expect(kinds).toEqual([
      [0, 'not_attended', 'ask'],
      [1, 'implausible_miles', 'ask'],
    ]);
  });
  it('needs prior approval for taxis', () => {
    expect(checkLines([{ ...base, category: 'taxi' }], facts)[0]).toMatchObject({
      kind: 'prior_approval',
    });
    expect(checkLines([{ ...base, category: 'taxi', priorApproval: true }], facts)).toEqual([]);
  });
  it('refuses a thank-you payment with the reason', () => {
    const [c] = checkLines([{ ...base, description: 'Thank you payment' }], facts);
    expect(c!.kind).toBe('flat_rate');
    expect(c!.message).toContain('can count as earnings');
  });
  it('says when no policy applied on the date', () => {
    expect(checkLines([base], { ...facts, policyOn: () => null })[0]!.kind).toBe('no_policy');
  });
});

describe('who may move a claim', () => {
  const leader = { id: 'tl', role: 'team_leader' as const };
  const claim = { enteredBy: 'off', submitters: ['off'] };
  it('lets a team leader approve someone else’s claim', () => {
    expect(moveRefusal('approve', 'submitted', leader, claim)).toBeNull();
  });
  it('refuses self-approval and officers', () => {
    expect(
      moveRefusal('approve', 'submitted', leader, { enteredBy: 'tl', submitters: [] }),
    ).toMatch(/someone else/);
    expect(
      moveRefusal('approve', 'submitted', leader, { enteredBy: 'x', submitters: ['tl'] }),
    ).toMatch(/someone else/);
    expect(moveRefusal('approve', 'submitted', { id: 'c', role: 'coordinator' }, claim)).toMatch(
      /team leader/,
    );
  });
  it('refuses moves from the wrong state', () => {
    expect(moveRefusal('approve', 'draft', leader, claim)).toMatch(/not been submitted/);
    expect(moveRefusal('submit', 'paid', leader, claim)).toMatch(/paid/);
    expect(moveRefusal('resubmit', 'submitted', leader, claim)).toMatch(/queried/);
    expect(moveRefusal('reject', 'approved', leader, claim)).toMatch(/approved/);
  });
});
