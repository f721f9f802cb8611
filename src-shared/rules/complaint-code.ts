import type { BankHolidayCalendar } from './bank-holidays';
import {
  addWorkingDays,
  EXPECTED_HOLIDAYS_NOTE,
  readableDate,
  usesExpectedHolidays,
  workingDaysBetween,
} from './working-days';

/**
 * The Housing Ombudsman's Complaint Handling Code timescales for the
 * landlord's two internal stages, in working days. The Code allows exactly
 * two stages: the panel's review comes after them and is never a third.
 */
export const codeTimescales = {
  stage1: { acknowledge: 5, respond: 10, maxExtension: 10 },
  stage2: { acknowledge: 5, respond: 20, maxExtension: 20 },
} as const;

export interface InternalStageDates {
  /** Stage 1: the date the complaint was received; stage 2: the date escalation was asked for. */
  received: string | null;
  acknowledged: string | null;
  responded: string | null;
  /** Extra working days agreed with the resident, 0 if none. */
  extensionDays: number;
}

export interface InternalStages {
  stage1: InternalStageDates;
  stage2: InternalStageDates;
  /** Stage 2 must be handled by someone other than the stage 1 handler; null if not recorded. */
  stage2DifferentHandler: boolean | null;
}

export type MilestoneStatus = 'met' | 'missed' | 'pending' | 'overdue' | 'not_started';

export interface MilestoneCheck {
  stage: 1 | 2;
  milestone: 'acknowledge' | 'respond';
  label: string;
  /** Null when the stage has not started, so nothing is due yet. */
  due: string | null;
  actual: string | null;
  status: MilestoneStatus;
  /** Working days past the deadline (for a missed or overdue milestone), else 0. */
  workingDaysLate: number;
  /** How the deadline was worked out, in words, for the panel's evidence. */
  basis: string;
  /** The deadline or the days late were counted through years the official bank holiday list does not cover. */
  expectedHolidays: boolean;
}

export interface CodeFinding {
  /** Stable key for tests and styling. */
  kind: 'late' | 'extension_over_limit' | 'same_handler' | 'dates_out_of_order';
  message: string;
}

export interface CodeCheck {
  milestones: MilestoneCheck[];
  findings: CodeFinding[];
  /** The date the internal process ended: the stage 2 final response. */
  internalProcessEnded: string | null;
}

function plural(n: number, word: string): string {
  return `${n} working ${word}${n === 1 ? '' : 's'}`;
}

function check(
  stage: 1 | 2,
  milestone: 'acknowledge' | 'respond',
  label: string,
  start: string | null,
  due: string | null,
  actual: string | null,
  today: string,
  basis: string,
  calendar: BankHolidayCalendar,
): MilestoneCheck {
  if (!due)
    return {
      stage,
      milestone,
      label,
      due,
      actual,
      status: 'not_started',
      workingDaysLate: 0,
      basis,
      expectedHolidays: false,
    };
  const end = actual ?? today;
  const expectedHolidays =
    (start !== null && usesExpectedHolidays(start, due, calendar)) ||
    (end > due && usesExpectedHolidays(due, end, calendar));
  const late = Math.max(0, workingDaysBetween(due, end, calendar));
  const status = actual ? (late > 0 ? 'missed' : 'met') : late > 0 ? 'overdue' : 'pending';
  return {
    stage,
    milestone,
    label,
    due,
    actual,
    status,
    workingDaysLate: late,
    basis: expectedHolidays ? `${basis} (${EXPECTED_HOLIDAYS_NOTE})` : basis,
    expectedHolidays,
  };
}

function checkStage(
  stage: 1 | 2,
  dates: InternalStageDates,
  today: string,
  calendar: BankHolidayCalendar,
  findings: CodeFinding[],
): MilestoneCheck[] {
  const limits = stage === 1 ? codeTimescales.stage1 : codeTimescales.stage2;
  const startWord = stage === 1 ? 'receipt' : 'the escalation request';
  const ackDue = dates.received
    ? addWorkingDays(dates.received, limits.acknowledge, calendar)
    : null;
  const ack = check(
    stage,
    'acknowledge',
    `Stage ${stage} acknowledgement`,
    dates.received,
    ackDue,
    dates.acknowledged,
    today,
    `${plural(limits.acknowledge, 'day')} after ${startWord}`,
    calendar,
  );

  // The response clock runs from the acknowledgement; if none was sent, from
  // the day it should have been, so a missing acknowledgement buys no time.
  const from = dates.acknowledged ?? ackDue;
  const allowedExtension = Math.min(Math.max(0, dates.extensionDays), limits.maxExtension);
  if (dates.extensionDays > limits.maxExtension) {
    findings.push({
      kind: 'extension_over_limit',
      message: `Stage ${stage} was extended by ${plural(dates.extensionDays, 'day')}; the Code allows at most ${limits.maxExtension}. Only ${limits.maxExtension} are counted.`,
    });
  }
  const respondDue = from
    ? addWorkingDays(from, limits.respond + allowedExtension, calendar)
    : null;
  const basis =
    `${plural(limits.respond, 'day')} after ${dates.acknowledged ? 'acknowledgement' : 'the acknowledgement was due'}` +
    (allowedExtension ? `, plus an extension of ${plural(allowedExtension, 'day')}` : '');
  const respond = check(
    stage,
    'respond',
    `Stage ${stage} response`,
    from,
    respondDue,
    dates.responded,
    today,
    basis,
    calendar,
  );

  const order: [string | null, string | null, string][] = [
    [dates.received, dates.acknowledged, 'acknowledged before it was received'],
    [dates.received, dates.responded, 'answered before it was received'],
    [dates.acknowledged, dates.responded, 'answered before it was acknowledged'],
  ];
  for (const [a, b, what] of order) {
    if (a && b && b < a)
      findings.push({
        kind: 'dates_out_of_order',
        message: `Stage ${stage} is recorded as ${what}: check the dates.`,
      });
  }
  for (const m of [ack, respond]) {
    const note = m.expectedHolidays ? `, ${EXPECTED_HOLIDAYS_NOTE}` : '';
    if (m.status === 'missed') {
      findings.push({
        kind: 'late',
        message: `${m.label} was ${plural(m.workingDaysLate, 'day')} late (due ${readableDate(m.due!)}, sent ${readableDate(m.actual!)}${note}).`,
      });
    } else if (m.status === 'overdue') {
      findings.push({
        kind: 'late',
        message: `${m.label} is overdue by ${plural(m.workingDaysLate, 'day')} (due ${readableDate(m.due!)}${note}).`,
      });
    }
  }
  return [ack, respond];
}

/** Checks the internal stages against the Code; missed deadlines are evidence for the panel. */
export function checkInternalStages(
  stages: InternalStages,
  today: string,
  calendar: BankHolidayCalendar,
): CodeCheck {
  const findings: CodeFinding[] = [];
  const milestones = [
    ...checkStage(1, stages.stage1, today, calendar, findings),
    ...checkStage(2, stages.stage2, today, calendar, findings),
  ];
  if (stages.stage2DifferentHandler === false) {
    findings.push({
      kind: 'same_handler',
      message:
        'Stage 2 was handled by the same person as stage 1; the Code requires a different person.',
    });
  }
  return { milestones, findings, internalProcessEnded: stages.stage2.responded };
}
