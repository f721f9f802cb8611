import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkNewVersion,
  coverage,
  frameworkInForce,
  parseFramework,
  requirementTitle,
  type AssuranceFramework,
} from '../../../src-shared/rules/assurance-framework';
import { daysOverdue, exceptionReasons } from '../../../src-shared/rules/review-exceptions';
import { checkStageMove, type Stage } from '../../../src-shared/rules/review-stages';
import {
  durationAgainstExpected,
  weekCount,
  weekNumber,
} from '../../../src-shared/rules/review-weeks';
import { fillReviewTemplate } from '../../../src-shared/rules/review-report-template';
import { calendar } from '../cases/calendar';

const stages: Stage[] = [
  { code: 'scoping', label: 'Scoping' },
  { code: 'evidence', label: 'Evidence gathering' },
  { code: 'findings', label: 'Findings' },
  { code: 'complete', label: 'Complete' },
];
const move = {
  stages,
  current: 'scoping',
  next: 'evidence',
  onDate: '2026-11-10',
  reason: null,
  startedOn: '2026-11-02',
  lastMoveOn: '2026-11-02',
  today: '2026-11-23',
};

describe('review stages', () => {
  it('move one stage forward, dated in order', () => {
    expect(checkStageMove(move)).toEqual({ ok: true });
  });
  it('refuse skipping a stage, naming the one that comes next', () => {
    expect(checkStageMove({ ...move, next: 'findings' })).toEqual({
      ok: false,
      field: 'next',
      message:
        'A review moves one stage at a time: from Scoping the next stage is Evidence gathering, not Findings.',
    });
  });
  it('go back one stage only with a reason', () => {
    const at = { ...move, current: 'findings', next: 'evidence' };
    expect(checkStageMove(at)).toMatchObject({ ok: false, field: 'reason' });
    expect(checkStageMove({ ...at, reason: 'More data needed' })).toEqual({ ok: true });
    expect(checkStageMove({ ...at, next: 'scoping', reason: 'x' })).toMatchObject({
      ok: false,
      field: 'next',
    });
  });
  it('refuse dates before the start, before the last move, or in the future', () => {
    expect(checkStageMove({ ...move, onDate: '2026-11-01' })).toMatchObject({ field: 'onDate' });
    expect(checkStageMove({ ...move, lastMoveOn: '2026-11-12' })).toMatchObject({
      field: 'onDate',
      message: 'The move cannot be dated before the previous one (2026-11-12).',
    });
    expect(checkStageMove({ ...move, onDate: '2026-11-24' })).toMatchObject({ field: 'onDate' });
    expect(checkStageMove({ ...move, onDate: '2026-11-23' })).toEqual({ ok: true });
  });
  it('refuse any move once complete, and unknown stages', () => {
    expect(
      checkStageMove({ ...move, current: 'complete', next: 'findings', reason: 'x' }),
    ).toMatchObject({
      ok: false,
    });
    expect(checkStageMove({ ...move, next: 'nonsense' })).toMatchObject({ field: 'next' });
  });
});

describe('CSI week count', () => {
  const csi = { minWeeks: 5, maxWeeks: 8, warnFromWeek: 6, workingWeeks: false };
  it('counts the start day as week 1 and a new week every 7 days', () => {
    expect(weekNumber('2026-11-02', '2026-11-02', csi, calendar)).toBe(1);
    expect(weekNumber('2026-11-02', '2026-11-08', csi, calendar)).toBe(1);
    expect(weekNumber('2026-11-02', '2026-11-09', csi, calendar)).toBe(2);
  });
  it('is on track to week 5, warns from week 6, and overruns after week 8', () => {
    expect(weekCount('2026-11-02', '2026-12-06', csi, calendar)).toMatchObject({
      week: 5,
      state: 'on_track',
    });
    expect(weekCount('2026-11-02', '2026-12-07', csi, calendar)).toMatchObject({
      week: 6,
      state: 'warning',
    });
    expect(weekCount('2026-11-02', '2026-12-27', csi, calendar)).toMatchObject({
      week: 8,
      state: 'warning',
    });
    expect(weekCount('2026-11-02', '2026-12-28', csi, calendar)).toEqual({
      week: 9,
      state: 'overrunning',
      message: 'Overrunning: week 9, expected 5–8 weeks.',
    });
  });
  it('in working weeks leaves out weekends and bank holidays', () => {
    const working = { ...csi, workingWeeks: true };
    // Spring bank holiday, Monday 25 May 2026: a calendar week has passed, a working week has not.
    expect(weekNumber('2026-05-18', '2026-05-25', csi, calendar)).toBe(2);
    expect(weekNumber('2026-05-18', '2026-05-25', working, calendar)).toBe(1);
    expect(weekNumber('2026-05-18', '2026-05-26', working, calendar)).toBe(2);
    // Christmas Day and the Boxing Day substitute (28 December 2026) both drop out.
    expect(weekNumber('2026-12-21', '2026-12-31', working, calendar)).toBe(2);
    expect(weekNumber('2026-12-21', '2026-12-31', csi, calendar)).toBe(2);
    expect(weekNumber('2026-12-14', '2026-12-29', working, calendar)).toBe(2);
    expect(weekNumber('2026-12-14', '2026-12-29', csi, calendar)).toBe(3);
  });
  it('measures a finished review against its expected length', () => {
    expect(durationAgainstExpected('2026-09-01', '2026-10-26', csi, calendar)).toEqual({
      weeks: 8,
      withinExpected: true,
    });
    expect(durationAgainstExpected('2026-09-01', '2026-10-27', csi, calendar)).toEqual({
      weeks: 9,
      withinExpected: false,
    });
  });
});

describe('exception report rule', () => {
  const today = '2026-11-23';
  it('lists overdue, rejected and partly accepted recommendations', () => {
    expect(
      exceptionReasons(
        { status: 'open', response: 'accepted', dueDate: '2026-11-01', fromScrutinyPanel: false },
        today,
      ),
    ).toEqual(['overdue']);
    expect(
      exceptionReasons(
        { status: 'open', response: 'rejected', dueDate: '2026-11-01', fromScrutinyPanel: true },
        today,
      ),
    ).toEqual(['rejected']);
    expect(
      exceptionReasons(
        {
          status: 'in_progress',
          response: 'partly_accepted',
          dueDate: '2026-11-01',
          fromScrutinyPanel: false,
        },
        today,
      ),
    ).toEqual(['overdue', 'partly_accepted']);
    expect(
      exceptionReasons(
        { status: 'open', response: 'accepted', dueDate: '2026-12-01', fromScrutinyPanel: false },
        today,
      ),
    ).toEqual([]);
  });
  it('keeps Scrutiny Panel recommendations until verified', () => {
    const sp = { response: 'accepted' as const, dueDate: '2026-12-01', fromScrutinyPanel: true };
    expect(exceptionReasons({ ...sp, status: 'implemented' }, today)).toEqual(['not_verified']);
    expect(exceptionReasons({ ...sp, status: 'verified' }, today)).toEqual([]);
  });
  it('counts days overdue in calendar days', () => {
    expect(daysOverdue('2026-11-01', today, true)).toBe(22);
    expect(daysOverdue('2026-11-01', today, false)).toBe(0);
  });
});

describe('assurance requirements', () => {
  const bundled = JSON.parse(readFileSync('resources/consumer-standards.json', 'utf8')) as unknown;
  const parsed = parseFramework(bundled);
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  const v2024 = parsed.framework;

  it('ship the four consumer standards and the 22 Tenant Satisfaction Measures', () => {
    const standards = new Set(v2024.requirements.map((r) => r.standard));
    expect([...standards]).toEqual([
      'Safety and Quality',
      'Transparency, Influence and Accountability',
      'Neighbourhood and Community',
      'Tenancy',
      'Tenant Satisfaction Measures',
    ]);
    expect(
      v2024.requirements.filter((r) => r.standard === 'Tenant Satisfaction Measures'),
    ).toHaveLength(22);
    expect(v2024.requirements.filter((r) => r.code.startsWith('TIA-'))).toHaveLength(6);
    expect(v2024.effectiveFrom).toBe('2024-04-01');
  });

  const v2027: AssuranceFramework = {
    ...v2024,
    version: '2027',
    effectiveFrom: '2027-04-01',
    requirements: v2024.requirements.filter((r) => r.code !== 'TEN-4'),
  };

  it('choose the version in force on a date, and keep older titles readable', () => {
    expect(frameworkInForce([v2024, v2027], '2027-03-31').version).toBe('2024');
    expect(frameworkInForce([v2024, v2027], '2027-04-01').version).toBe('2027');
    expect(requirementTitle([v2024, v2027], '2024', 'TEN-4')).toBe('Mutual exchange');
  });
  it('refuse a version name reused for different content', () => {
    expect(checkNewVersion([v2024], v2027)).toBeNull();
    expect(checkNewVersion([v2024], { ...v2027, version: '2024' })).toMatch(/already loaded/);
    expect(checkNewVersion([v2024], v2024)).toBeNull();
  });
  it('refuse a file with a code twice', () => {
    const twice = { ...v2024, requirements: [...v2024.requirements, v2024.requirements[0]] };
    expect(parseFramework(twice)).toEqual({
      ok: false,
      errors: ['requirements: the code SQ-1 is used twice.'],
    });
  });
  it('count a requirement as covered when it has evidence in the period', () => {
    const reqs = v2024.requirements.slice(0, 3);
    expect(
      coverage(reqs, [
        { code: 'SQ-1', count: 2, latest: '2026-01-01' },
        { code: 'SQ-3', count: 0, latest: null },
      ]),
    ).toEqual({ covered: 1, total: 3, percent: 33, uncovered: ['SQ-2', 'SQ-3'] });
    expect(coverage(reqs, []).percent).toBe(0);
  });
});

describe('report wording', () => {
  it('fills known placeholders and leaves unknown ones showing', () => {
    expect(
      fillReviewTemplate('{{kind}} of {{service}} {{oops}}', {
        kind: 'A review',
        service: 'Repairs',
      }),
    ).toBe('A review of Repairs {{oops}}');
  });
});
