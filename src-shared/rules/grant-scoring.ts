/**
 * The Community Fund panel's scores: each member scores each eligible
 * application against each criterion, out of the criterion's maximum. An
 * application's total is the sum, over the criteria, of the mean of the
 * scores its members gave, so a member who could not score (conflicted, or
 * absent) neither helps nor harms it.
 */
export interface ScoredCriterion {
  id: string;
  name: string;
  maxScore: number;
}

export interface ScoreEntry {
  applicationId: string;
  criterionId: string;
  customerId: string;
  score: number;
}

/** A problem with one score as typed, or null when it may be saved. */
export function scoreProblem(score: number, criterion: ScoredCriterion): string | null {
  if (!Number.isInteger(score)) return `${criterion.name}: a score is a whole number.`;
  if (score < 0 || score > criterion.maxScore)
    return `${criterion.name}: score from 0 to ${criterion.maxScore}.`;
  return null;
}

export interface ApplicationScore {
  total: number;
  max: number;
  /** How many members' scores count towards it. */
  members: number;
  /** Criteria no member has scored yet. */
  unscored: string[];
}

/** Rounded to one decimal place, for a total people can read out at the panel. */
const tenth = (n: number) => Math.round(n * 10) / 10;

export function applicationScore(
  criteria: readonly ScoredCriterion[],
  scores: readonly ScoreEntry[],
  /** Members whose scores must not count for this application (a conflict of interest). */
  excluded: ReadonlySet<string> = new Set(),
): ApplicationScore {
  const counted = scores.filter((s) => !excluded.has(s.customerId));
  let total = 0;
  const unscored: string[] = [];
  for (const c of criteria) {
    const these = counted.filter((s) => s.criterionId === c.id);
    if (these.length === 0) {
      unscored.push(c.name);
      continue;
    }
    total += these.reduce((sum, s) => sum + s.score, 0) / these.length;
  }
  return {
    total: tenth(total),
    max: criteria.reduce((sum, c) => sum + c.maxScore, 0),
    members: new Set(counted.map((s) => s.customerId)).size,
    unscored,
  };
}
