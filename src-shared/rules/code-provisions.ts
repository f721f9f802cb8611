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

export type SubmissionReminder = {
  level: 'none' | 'upcoming' | 'urgent' | 'passed';
  due: string;
  daysLeft: number;
  message: string;
};

/** Reminds the team before the annual submission (30 September by default). */
export function submissionReminder(
  year: number,
  today: string,
  monthDay = '09-30',
  remindDays = 60,
  urgentDays = 14,
): SubmissionReminder {
  const due = `${year}-${monthDay}`;
  const daysLeft = Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  if (daysLeft < 0)
    return {
      level: 'passed',
      due,
      daysLeft,
      message: `The ${year} self-assessment was due on ${due}.`,
    };
  const level = daysLeft <= urgentDays ? 'urgent' : daysLeft <= remindDays ? 'upcoming' : 'none';
  return {
    level,
    due,
    daysLeft,
    message: `The ${year} self-assessment goes to the Ombudsman by ${due}: ${daysLeft} day${daysLeft === 1 ? '' : 's'} left.`,
  };
}
