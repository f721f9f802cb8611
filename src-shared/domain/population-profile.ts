import { z } from 'zod';
import { ageBands, disabilityAnswers, ethnicities } from './customer';

/**
 * The tenant population profile: how many of the landlords' tenants fall in
 * each age band, disability answer and ethnic group, so the board pack can
 * set involved customers against them. Population counts, never anyone's own
 * answer.
 */
export const profileCategories = ['age_band', 'disability', 'ethnicity'] as const;
export type ProfileCategory = (typeof profileCategories)[number];

export const profileCategoryLabels: Record<ProfileCategory, string> = {
  age_band: 'Age band',
  disability: 'Disability',
  ethnicity: 'Ethnic group',
};

/** The groups of each category are the register's own equality answers. */
export const profileGroups: Record<
  ProfileCategory,
  { codes: readonly string[]; labels: Record<string, string> }
> = {
  age_band: ageBands,
  disability: disabilityAnswers,
  ethnicity: ethnicities,
};

export type ProfileCounts = Record<ProfileCategory, Record<string, number>>;

export interface PopulationProfile {
  counts: ProfileCounts;
  /** The spreadsheet it was last imported from, if it was. */
  source: string | null;
  updatedAt: string | null;
}

export function emptyCounts(): ProfileCounts {
  return { age_band: {}, disability: {}, ethnicity: {} };
}

const count = z
  .number({ error: 'Enter the count as a whole number.' })
  .int({ error: 'Enter the count as a whole number.' })
  .min(0, { error: 'A count cannot be negative.' })
  .max(10_000_000, { error: 'A count is at most 10,000,000.' });

export const profileSaveInput = z
  .object({
    counts: z.object({
      age_band: z.record(z.string(), count),
      disability: z.record(z.string(), count),
      ethnicity: z.record(z.string(), count),
    }),
    source: z.string().trim().max(260).nullable().optional(),
  })
  .superRefine((input, ctx) => {
    for (const category of profileCategories)
      for (const code of Object.keys(input.counts[category]))
        if (!profileGroups[category].codes.includes(code))
          ctx.addIssue({
            code: 'custom',
            path: ['counts', category, code],
            message: `${profileCategoryLabels[category]} has no group "${code}".`,
          });
  });

export const profilePreviewInput = z.object({
  fileName: z.string().trim().min(1, { error: 'Choose a file.' }).max(260),
  contentBase64: z
    .string()
    .min(1, { error: 'The file is empty.' })
    .max(14_000_000, { error: 'A profile spreadsheet is at most 10 MB.' }),
});

export interface ProfileLineError {
  /** The line (spreadsheet row) the problem is on. */
  line: number;
  message: string;
}

export interface ProfilePreview {
  fileName: string;
  /** The rows read, as they will be saved. */
  rows: { line: number; category: ProfileCategory; group: string; count: number }[];
  errors: ProfileLineError[];
  /** The profile as it would be saved: the file's categories replace those held, the others stay. */
  counts: ProfileCounts;
  /** Categories the file gives, which saving replaces. */
  replaces: ProfileCategory[];
}
