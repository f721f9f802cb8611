import type { BankHolidayCalendar } from './bank-holidays';
import type { CaseStatus } from './case-lifecycle';
import { addWorkingDays, usesExpectedHolidays, workingDaysBetween } from './working-days';

/** The panel's own service standards, in working days; the team sets them. */
export interface PanelStandards {
  /** From referral to the eligibility decision (accept or decline). */
  eligibilityDays: number;
  /** From acceptance to the hearing. */
  hearingDays: number;
  /** From the hearing to the decision letter. */
  decisionDays: number;
  quorum: number;
}

export const defaultPanelStandards: PanelStandards = {
  eligibilityDays: 5,
  hearingDays: 20,
  decisionDays: 10,
  quorum: 3,
};

export interface CaseDates {
  referredOn: string;
  acceptedOn: string | null;
  declinedOn: string | null;
  hearingOn: string | null;
  heardOn: string | null;
  decisionOn: string | null;
}

export type StageKey = 'eligibility' | 'hearing' | 'decision';

export interface StageDeadline {
  stage: StageKey;
  label: string;
  due: string;
  done: string | null;
  /** Working days taken (if done) or elapsed so far (if not). */
  workingDaysTaken: number;
  allowed: number;
  state: 'met' | 'missed' | 'due' | 'overdue';
  /** The due date or the days taken were counted through years the official bank holiday list does not cover. */
  expectedHolidays: boolean;
}

function one(
  stage: StageKey,
  label: string,
  start: string,
  allowed: number,
  done: string | null,
  today: string,
  calendar: BankHolidayCalendar,
): StageDeadline {
  const due = addWorkingDays(start, allowed, calendar);
  const end = done ?? today;
  const workingDaysTaken = Math.max(0, workingDaysBetween(start, end, calendar));
  const state = done ? (done <= due ? 'met' : 'missed') : today > due ? 'overdue' : 'due';
  const expectedHolidays = usesExpectedHolidays(start, end > due ? end : due, calendar);
  return { stage, label, due, done, workingDaysTaken, allowed, state, expectedHolidays };
}

/** The panel's stages that have started, each with its deadline and how it went. */
export function panelDeadlines(
  dates: CaseDates,
  status: CaseStatus,
  standards: PanelStandards,
  today: string,
  calendar: BankHolidayCalendar,
): StageDeadline[] {
  const stopped =
    status === 'withdrawn' ||
    status === 'declined' ||
    status === 'referred_to_ombudsman' ||
    status === 'closed';
  const eligibilityDone = dates.acceptedOn ?? dates.declinedOn;
  const out: StageDeadline[] = [];
  const stillOpen = (done: string | null) => done !== null || !stopped;
  if (stillOpen(eligibilityDone)) {
    out.push(
      one(
        'eligibility',
        'Accept or decline',
        dates.referredOn,
        standards.eligibilityDays,
        eligibilityDone,
        today,
        calendar,
      ),
    );
  }
  if (dates.acceptedOn && stillOpen(dates.heardOn)) {
    out.push(
      one(
        'hearing',
        'Hold the hearing',
        dates.acceptedOn,
        standards.hearingDays,
        dates.heardOn,
        today,
        calendar,
      ),
    );
  }
  if (dates.heardOn && stillOpen(dates.decisionOn)) {
    out.push(
      one(
        'decision',
        'Send the decision letter',
        dates.heardOn,
        standards.decisionDays,
        dates.decisionOn,
        today,
        calendar,
      ),
    );
  }
  return out;
}

/** The one deadline the case is working towards now, for the dashboard. */
export function nextDeadline(deadlines: StageDeadline[]): StageDeadline | null {
  return deadlines.find((d) => d.done === null) ?? null;
}
