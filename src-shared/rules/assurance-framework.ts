import { z } from 'zod';

/*
 * The regulator's requirements (the consumer standards' required outcomes and
 * the Tenant Satisfaction Measures) as versioned reference data. Evidence is
 * tagged with a version and a requirement code; every version ever loaded is
 * kept, so a tag made against an older version always still names its
 * requirement. Codes carry over between versions: a newer version that keeps
 * a code keeps the evidence tagged against it.
 */

export const requirementSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, { error: 'Codes are capitals, digits and dashes.' }),
  standard: z.string().trim().min(1),
  title: z.string().trim().min(1),
  summary: z.string().trim().default(''),
});
export type Requirement = z.output<typeof requirementSchema>;

export const frameworkSchema = z.object({
  title: z.string().trim().min(1),
  version: z.string().trim().min(1).max(40),
  effectiveFrom: z.iso.date({ error: 'effectiveFrom must be a date, YYYY-MM-DD.' }),
  note: z.string().optional(),
  requirements: z.array(requirementSchema).min(1),
});
export type AssuranceFramework = z.output<typeof frameworkSchema>;

export type FrameworkParse =
  { ok: true; framework: AssuranceFramework } | { ok: false; errors: string[] };

export function parseFramework(data: unknown): FrameworkParse {
  const r = frameworkSchema.safeParse(data);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`),
    };
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const q of r.data.requirements) {
    if (seen.has(q.code)) errors.push(`requirements: the code ${q.code} is used twice.`);
    seen.add(q.code);
  }
  return errors.length ? { ok: false, errors } : { ok: true, framework: r.data };
}

/**
 * Whether a new version may be added beside those loaded: a version name is
 * never reused for different content, so a tag's version always means one list.
 */
export function checkNewVersion(
  loaded: readonly AssuranceFramework[],
  next: AssuranceFramework,
): string | null {
  const same = loaded.find((f) => f.version === next.version);
  if (!same) return null;
  return JSON.stringify(same.requirements) === JSON.stringify(next.requirements) &&
    same.effectiveFrom === next.effectiveFrom
    ? null
    : `Version ${next.version} is already loaded with different requirements. Give the new file its own version.`;
}

/** The version in force on a date: the latest whose effective date is on or before it (else the earliest). */
export function frameworkInForce(
  loaded: readonly AssuranceFramework[],
  on: string,
): AssuranceFramework {
  const sorted = [...loaded].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  if (!sorted.length) throw new Error('No requirements are loaded.');
  let chosen = sorted[0]!;
  for (const f of sorted) if (f.effectiveFrom <= on) chosen = f;
  return chosen;
}

/** A requirement's label from any loaded version, newest first. */
export function requirementTitle(
  loaded: readonly AssuranceFramework[],
  version: string,
  code: string,
): string {
  const exact = loaded
    .find((f) => f.version === version)
    ?.requirements.find((r) => r.code === code);
  return exact ? exact.title : `${code} (version ${version})`;
}

export interface CoverageCell {
  code: string;
  count: number;
  latest: string | null;
}

/**
 * The matrix's coverage rule: a requirement is covered in a period when at
 * least one piece of evidence dated in the period is tagged with its code.
 * Coverage is covered requirements over all requirements of the version in
 * force, as a whole percentage rounded down (so 100% means every one).
 */
export function coverage(
  requirements: readonly Requirement[],
  cells: readonly CoverageCell[],
): { covered: number; total: number; percent: number; uncovered: string[] } {
  const counted = new Map(cells.map((c) => [c.code, c.count]));
  const uncovered = requirements.filter((r) => !(counted.get(r.code) ?? 0)).map((r) => r.code);
  const total = requirements.length;
  const covered = total - uncovered.length;
  return { covered, total, percent: total ? Math.floor((covered * 100) / total) : 0, uncovered };
}
