import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../src-shared/rules/conflict-of-interest';
import {
  checkEligibility,
  DOCUMENTS_NEEDED_ABOVE_PENCE,
  type EligibilityApplication,
  type EligibilityRound,
} from '../../../src-shared/rules/grant-eligibility';
import {
  defaultEvaluationDue,
  evaluationState,
  paymentProblem,
} from '../../../src-shared/rules/grant-evaluation';
import { rankApplications, TIE_RULE } from '../../../src-shared/rules/grant-ranking';
import { roundMoney } from '../../../src-shared/rules/grant-round-money';
import { applicationScore, scoreProblem } from '../../../src-shared/rules/grant-scoring';
import { checkVoteRows, voteColumns } from '../../../src-shared/rules/grant-votes';

const round: EligibilityRound = {
  opensOn: '2026-10-01',
  closesOn: '2026-10-31',
  minAwardPence: 10_000,
  maxAwardPence: 200_000,
  applicantKinds: ['community_group', 'resident_association'],
  areaIds: ['stockton', 'hartlepool'],
  priorityIds: ['lonely', 'young'],
};

const application: EligibilityApplication = {
  receivedOn: '2026-10-15',
  applicantKind: 'community_group',
  applicantKindLabel: 'Community group',
  areaId: 'stockton',
  areaName: 'Stockton',
  priorityId: 'lonely',
  priorityAgreed: true,
  amountPence: 40_000,
  outcomes: 'Forty older residents meet weekly instead of staying in alone.',
  contactReachable: true,
  startsOn: '2026-12-01',
  endsOn: '2027-03-01',
  supportingDocuments: 0,
};

const failed = (over: Partial<EligibilityApplication>, r: Partial<EligibilityRound> = {}) =>
  checkEligibility({ ...round, ...r }, { ...application, ...over }).reasons.filter(
    (x) => !x.passed,
  );

describe('eligibility against the round’s criteria', () => {
  it('passes a good application with a reason for every test', () => {
    const check = checkEligibility(round, application);
    expect(check.eligible).toBe(true);
    expect(check.reasons).toHaveLength(9);
    expect(check.reasons.every((r) => r.passed && r.message.length > 10)).toBe(true);
  });

  it('names what is wrong, each on its own', () => {
    expect(failed({ receivedOn: '2026-11-01' }).map((r) => r.message)).toEqual([
      'Received on 2026-11-01, after the round closed on 2026-10-31.',
    ]);
    expect(failed({ receivedOn: '2026-09-30' })[0]!.message).toMatch(/before the round opened/);
    expect(
      failed({ applicantKind: 'individual', applicantKindLabel: 'Individual' })[0]!.message,
    ).toBe('Individual: this round is not open to this kind of applicant.');
    expect(failed({ areaId: 'redcar', areaName: 'Redcar' })[0]!.message).toBe(
      'Redcar is not one of the round’s areas.',
    );
    expect(failed({ areaId: null, areaName: null })[0]!.test).toBe('area');
    expect(failed({ areaId: null }, { areaIds: [] })).toEqual([]);
    expect(failed({ amountPence: 200_001 })[0]!.message).toBe(
      '£2,000.01 is more than the round’s largest award of £2,000.00.',
    );
    expect(failed({ amountPence: 9_999 })[0]!.message).toMatch(/less than the round’s smallest/);
    expect(failed({ priorityId: null })[0]!.message).toMatch(/does not say which/);
    expect(failed({ priorityAgreed: false })[0]!.message).toMatch(
      /not one the Board currently agrees/,
    );
    expect(failed({ priorityId: 'green' })[0]!.message).toMatch(/not one of this round’s criteria/);
    expect(failed({ outcomes: 'Good things.' })[0]!.test).toBe('outcomes');
    expect(failed({ contactReachable: false })[0]!.test).toBe('contact');
    expect(failed({ endsOn: '2026-11-01' })[0]!.test).toBe('dates');
  });

  it('asks for a supporting document only above the threshold, at the boundary exactly', () => {
    expect(failed({ amountPence: DOCUMENTS_NEEDED_ABOVE_PENCE })).toEqual([]);
    expect(failed({ amountPence: DOCUMENTS_NEEDED_ABOVE_PENCE + 1 })[0]!.test).toBe('documents');
    expect(
      failed({ amountPence: DOCUMENTS_NEEDED_ABOVE_PENCE + 1, supportingDocuments: 1 }),
    ).toEqual([]);
  });

  it('takes the opening and closing days themselves', () => {
    expect(failed({ receivedOn: '2026-10-01' })).toEqual([]);
    expect(failed({ receivedOn: '2026-10-31' })).toEqual([]);
  });
});

describe('panel scores', () => {
  const criteria = [
    { id: 'a', name: 'Meets a priority', maxScore: 5 },
    { id: 'b', name: 'Value for money', maxScore: 3 },
  ];
  it('refuses a score outside 0 to the maximum, or not whole', () => {
    expect(scoreProblem(0, criteria[0]!)).toBeNull();
    expect(scoreProblem(5, criteria[0]!)).toBeNull();
    expect(scoreProblem(6, criteria[0]!)).toBe('Meets a priority: score from 0 to 5.');
    expect(scoreProblem(-1, criteria[1]!)).toBe('Value for money: score from 0 to 3.');
    expect(scoreProblem(2.5, criteria[1]!)).toBe('Value for money: a score is a whole number.');
  });

  it('sums the members’ mean per criterion, leaving out the conflicted and the absent', () => {
    const scores = [
      { applicationId: 'x', criterionId: 'a', customerId: 'm1', score: 4 },
      { applicationId: 'x', criterionId: 'a', customerId: 'm2', score: 5 },
      { applicationId: 'x', criterionId: 'b', customerId: 'm1', score: 2 },
      { applicationId: 'x', criterionId: 'a', customerId: 'conflicted', score: 0 },
    ];
    expect(applicationScore(criteria, scores, new Set(['conflicted']))).toEqual({
      total: 6.5,
      max: 8,
      members: 2,
      unscored: [],
    });
    expect(applicationScore(criteria, scores.slice(0, 2)).unscored).toEqual(['Value for money']);
    expect(applicationScore(criteria, []).total).toBe(0);
  });

  it('refuses a member who is the applicant’s contact, under the complaint panel’s rule and in the fund’s words', () => {
    const place = {
      customerId: 'c1',
      name: 'Jo Bloggs',
      addressLine1: '3 High Street',
      postcode: 'TS1 1AA',
      neighbourhoodId: null,
    };
    const words = {
      party: 'the applicant’s contact',
      matter: 'this application',
      sits: 'cannot score their own application',
    };
    const conflicts = findConflicts(
      place,
      place,
      { relation: null, priorInvolvement: null },
      words,
    );
    expect(conflicts).toEqual([
      {
        kind: 'is_complainant',
        severity: 'refusal',
        message: 'Jo Bloggs is the applicant’s contact and cannot score their own application.',
      },
    ]);
    const neighbour = findConflicts(
      { ...place, customerId: 'c2', addressLine1: '9 High Street' },
      place,
      { relation: null, priorInvolvement: 'helped write the bid' },
      words,
    );
    expect(neighbour.map((c) => [c.kind, c.severity])).toEqual([
      ['same_street', 'warning'],
      ['prior_involvement', 'refusal'],
    ]);
    expect(neighbour[1]!.message).toBe(
      'Jo Bloggs has declared prior involvement in this application: helped write the bid.',
    );
  });
});

describe('ranking, the money and ties', () => {
  const base = { projectTitle: 'P', receivedOn: '2026-10-10' };
  it('funds in order while the money lasts, passing over one that no longer fits', () => {
    const ranked = rankApplications(
      [
        { ...base, applicationId: '1', reference: 'PB-1', amountPence: 50_000, result: 90 },
        { ...base, applicationId: '2', reference: 'PB-2', amountPence: 60_000, result: 80 },
        { ...base, applicationId: '3', reference: 'PB-3', amountPence: 30_000, result: 70 },
        { ...base, applicationId: '4', reference: 'PB-4', amountPence: 10_000, result: 0 },
      ],
      100_000,
    );
    expect(ranked.map((r) => [r.reference, r.rank, r.fundable])).toEqual([
      ['PB-1', 1, true],
      ['PB-2', 2, false],
      ['PB-3', 3, true],
      ['PB-4', 4, false],
    ]);
    expect(ranked[1]!.note).toBe('Does not fit the £500.00 left.');
    expect(ranked[3]!.note).toBe('Not scored or voted for yet.');
  });

  it('breaks a tie by the smaller amount, then by who applied first, and says so', () => {
    const ranked = rankApplications(
      [
        {
          ...base,
          applicationId: 'a',
          reference: 'PB-A',
          amountPence: 40_000,
          result: 120,
          receivedOn: '2026-10-02',
        },
        {
          ...base,
          applicationId: 'b',
          reference: 'PB-B',
          amountPence: 30_000,
          result: 120,
          receivedOn: '2026-10-20',
        },
        {
          ...base,
          applicationId: 'c',
          reference: 'PB-C',
          amountPence: 30_000,
          result: 120,
          receivedOn: '2026-10-05',
        },
        { ...base, applicationId: 'd', reference: 'PB-D', amountPence: 10_000, result: 50 },
      ],
      70_000,
    );
    expect(ranked.map((r) => r.reference)).toEqual(['PB-C', 'PB-B', 'PB-A', 'PB-D']);
    expect(ranked.map((r) => r.tiedOnResult)).toEqual([true, true, true, false]);
    expect(ranked.map((r) => r.fundable)).toEqual([true, true, false, true]);
    expect(TIE_RULE).toMatch(/asking for less money ranks first/);
  });
});

describe('the round’s money and carry-over', () => {
  it('carries what a decided round leaves to the fund’s next round, and nothing from an undecided one', () => {
    const r = (id: string, fund: string, opensOn: string, o: object = {}) => ({
      id,
      fund,
      opensOn,
      budgetPence: 100_000,
      awardedPence: 0,
      paidPence: 0,
      decided: true,
      carryOver: true,
      ...o,
    });
    const money = roundMoney([
      r('spring', 'pb', '2026-03-01', { awardedPence: 70_000, paidPence: 50_000 }),
      r('autumn', 'pb', '2026-09-01', { awardedPence: 120_000, decided: true }),
      r('cf', 'cf', '2026-04-01', { awardedPence: 20_000, carryOver: false }),
      r('next', 'pb', '2027-03-01', { decided: false }),
      r('cf2', 'cf', '2026-10-01'),
    ]);
    expect(money.get('spring')).toEqual({
      budgetPence: 100_000,
      carriedInPence: 0,
      availablePence: 100_000,
      awardedPence: 70_000,
      paidPence: 50_000,
      owedPence: 20_000,
      unawardedPence: 30_000,
      carriedOutPence: 30_000,
    });
    expect(money.get('autumn')!.carriedInPence).toBe(30_000);
    expect(money.get('autumn')!.carriedOutPence).toBe(10_000);
    expect(money.get('next')!.carriedInPence).toBe(10_000);
    expect(money.get('next')!.carriedOutPence).toBeNull();
    expect(money.get('cf2')!.carriedInPence).toBe(0);
  });
});

describe('evaluations and payments', () => {
  it('is due the round’s weeks after the project ends, or after the decision', () => {
    expect(defaultEvaluationDue('2027-03-01', '2026-11-20', 8)).toBe('2027-04-26');
    expect(defaultEvaluationDue(null, '2026-11-20', 8)).toBe('2027-01-15');
    expect(defaultEvaluationDue('2026-10-01', '2026-11-20', 1)).toBe('2026-11-27');
  });

  it('is due soon from 28 days before, overdue the day after', () => {
    expect(evaluationState('2026-12-21', false, '2026-11-23')).toBe('due_soon');
    expect(evaluationState('2026-12-22', false, '2026-11-23')).toBe('not_due');
    expect(evaluationState('2026-11-23', false, '2026-11-23')).toBe('due_soon');
    expect(evaluationState('2026-11-22', false, '2026-11-23')).toBe('overdue');
    expect(evaluationState('2026-11-22', true, '2026-11-23')).toBe('received');
    expect(evaluationState(null, false, '2026-11-23')).toBeNull();
  });

  it('never pays more than was awarded', () => {
    expect(paymentProblem(50_000, 20_000, 30_000)).toBeNull();
    expect(paymentProblem(50_000, 20_000, 30_001)).toBe(
      'This is more than the £300.00 left to pay of the award.',
    );
    expect(paymentProblem(50_000, 50_000, 1)).toBe('The award has been paid in full.');
    expect(paymentProblem(null, 0, 1)).toBe('Only an awarded application can be paid.');
  });
});

describe('vote tally sheets', () => {
  const known = new Set(['PB-2026-001', 'PB-2026-002']);
  it('finds the columns by name in any order', () => {
    expect(voteColumns(['Votes', 'Place', 'Reference'])).toEqual({
      reference: 2,
      place: 1,
      votes: 0,
    });
    expect(voteColumns(['Reference', 'Votes'])).toBe(
      'The first line must name the columns: place is missing (reference, place, votes).',
    );
  });

  it('names every bad line with its number and what is wrong', () => {
    const { rows, problems } = checkVoteRows(
      [
        ['reference', 'place', 'votes'],
        ['pb-2026-001', 'Thornaby roadshow', '120'],
        ['PB-2026-009', 'Online', '5'],
        ['PB-2026-002', '', 'ten'],
        [''],
        ['PB-2026-001', 'thornaby roadshow', '4'],
        ['PB-2026-002', 'Online', '0'],
      ],
      known,
    );
    expect(rows).toEqual([
      { line: 2, reference: 'PB-2026-001', place: 'Thornaby roadshow', votes: 120 },
      { line: 7, reference: 'PB-2026-002', place: 'Online', votes: 0 },
    ]);
    expect(problems).toEqual([
      { line: 3, message: 'Line 3: PB-2026-009 is not an application in this round.' },
      { line: 4, message: 'Line 4: no place; “ten” is not a whole number of votes.' },
      { line: 6, message: 'Line 6: PB-2026-001 at thornaby roadshow is already on line 2.' },
    ]);
  });

  it('says so when there is nothing to read', () => {
    expect(checkVoteRows([], known).problems[0]!.message).toBe('The file has no lines.');
    expect(checkVoteRows([['reference', 'place', 'votes']], known).problems[0]!.message).toBe(
      'The file has a header but no votes.',
    );
  });
});
