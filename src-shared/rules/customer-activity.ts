/**
 * Every involved customer should be offered at least one activity a year
 * (membership rule 6). "No recent activity" means none in the twelve months
 * up to today, so the list does not flag everyone on the first day of a year.
 */
export function recentActivityCutoff(today: Date): string {
  const cutoff = new Date(today.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 1);
  return cutoff.toISOString();
}

export function hasRecentActivity(lastActivityAt: string | null, today: Date): boolean {
  return lastActivityAt !== null && lastActivityAt >= recentActivityCutoff(today);
}
