import { z } from 'zod';

/**
 * The Complaint Handling Code's provisions, shipped as reference data and
 * replaceable when the Ombudsman revises the Code.
 */
const provisionSchema = z.object({
  section: z.string().min(1),
  sectionTitle: z.string().min(1),
  number: z.string().regex(/^\d+(\.\d+)*$/, { error: 'Provision numbers look like 6.1.' }),
  requirement: z.string().min(1, { error: 'Each provision needs its requirement text.' }),
});

export const codeProvisionsFileSchema = z.object({
  title: z.string().min(1),
  version: z.string().min(1),
  effectiveFrom: z.iso.date(),
  /** Month and day the annual self-assessment is due, `MM-DD`. */
  submissionDeadline: z.string().regex(/^\d{2}-\d{2}$/),
  provisions: z.array(provisionSchema).min(1, { error: 'The file lists no provisions.' }),
});

export type CodeProvisions = z.output<typeof codeProvisionsFileSchema>;
export type CodeProvision = CodeProvisions['provisions'][number];

export function parseCodeProvisions(
  data: unknown,
): { ok: true; code: CodeProvisions } | { ok: false; errors: string[] } {
  const parsed = codeProvisionsFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'The file'}: ${i.message}`),
    };
  }
  const seen = new Set<string>();
  for (const p of parsed.data.provisions) {
    if (seen.has(p.number))
      return { ok: false, errors: [`Provision ${p.number} is listed twice.`] };
    seen.add(p.number);
  }
  return { ok: true, code: parsed.data };
}

export type SubmissionLevel = 'none' | 'upcoming' | 'urgent' | 'overdue' | 'submitted';

export interface SubmissionReminder {
  level: SubmissionLevel;
  due: string;
  daysLeft: number;
  message: string;
}

export interface SubmissionState {
  /** When the team marked the year's self-assessment as sent; null until then. */
  submittedOn?: string | null;
  /** Provisions with no answer yet. */
  toAssess?: number;
  /** Month and day it is due, `MM-DD` (30 September unless the Code file says otherwise). */
  monthDay?: string;
  /** How many days ahead the reminder starts: 60 before 30 September is 1 August. */
  remindDays?: number;
  urgentDays?: number;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "30 September 2026": the date is the point of the message, so the month is spelt out. */
function readableDate(iso: string): string {
  return longDate.format(new Date(`${iso}T12:00:00Z`));
}

function stillToAssess(n: number): string {
  return n === 0
    ? 'every provision is assessed'
    : `${n} provision${n === 1 ? '' : 's'} still to assess`;
}

/**
 * Reminds the team before the annual submission to the governing body and the
 * Ombudsman, and says it is overdue once the date passes until it is marked
 * submitted.
 */
export function submissionReminder(
  year: number,
  today: string,
  state: SubmissionState = {},
): SubmissionReminder {
  const { submittedOn = null, toAssess = 0, monthDay = '09-30' } = state;
  const { remindDays = 60, urgentDays = 14 } = state;
  const due = `${year}-${monthDay}`;
  const daysLeft = Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const subject = `The Code self-assessment for ${year}`;
  if (submittedOn)
    return {
      level: 'submitted',
      due,
      daysLeft,
      message: `${subject} was submitted on ${readableDate(submittedOn)}.`,
    };
  if (daysLeft < 0)
    return {
      level: 'overdue',
      due,
      daysLeft,
      message: `${subject} was due to the Ombudsman by ${readableDate(due)} and is not marked submitted: ${stillToAssess(toAssess)}.`,
    };
  const level = daysLeft <= urgentDays ? 'urgent' : daysLeft <= remindDays ? 'upcoming' : 'none';
  return {
    level,
    due,
    daysLeft,
    message: `${subject} is due to the Ombudsman by ${readableDate(due)}: ${stillToAssess(toAssess)}.`,
  };
}

/** Whether the reminder is one the team should see on the dashboard. */
export function submissionNeedsAttention(r: SubmissionReminder): boolean {
  return r.level === 'upcoming' || r.level === 'urgent' || r.level === 'overdue';
}
