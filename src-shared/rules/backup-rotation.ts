/**
 * Which backups to keep. Like the rotation of the most trusted backup tools:
 * the newest few of today, the newest of each of the last days, the newest
 * of each of the last weeks. Days and weeks are the team's own (UK time;
 * weeks start on Monday), so "today" ends at midnight in London, not UTC.
 *
 * Backups taken before an update or before a restore are the way back from
 * that step: they are kept for the whole span of the rotation whatever else
 * is kept, and then age out like the rest. The newest backup up to now is
 * always kept, and so is anything dated after now (a clock set back must not empty the
 * folder).
 */
export interface BackupRotation {
  /** How many of today's backups to keep. */
  today: number;
  /** The newest of each of this many days, today included. */
  days: number;
  /** The newest of each of this many weeks, this week included. */
  weeks: number;
}

export const DEFAULT_ROTATION: BackupRotation = { today: 3, days: 7, weeks: 5 };

export const backupKinds = [
  'scheduled',
  'start',
  'manual',
  'before-migration',
  'before-restore',
  'encryption',
] as const;
export type BackupKind = (typeof backupKinds)[number];

/** Kinds kept for the rotation's whole span: each is the way back from one step. */
export const protectedKinds: readonly BackupKind[] = [
  'before-migration',
  'before-restore',
  'encryption',
];

export interface RotatedBackup {
  name: string;
  /** When it was taken (ISO instant). */
  at: string;
  kind: BackupKind;
}

const ukDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar day of an instant, as a day number (days since 1970-01-01). */
function ukDay(instant: Date): number {
  const [y, m, d] = ukDate.format(instant).split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Monday-based week number of a day number (1970-01-01 was a Thursday). */
function weekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The names of the backups to keep; every other one may be removed. */
export function backupsToKeep(
  backups: readonly RotatedBackup[],
  now: Date,
  rule: BackupRotation = DEFAULT_ROTATION,
): Set<string> {
  const keep = new Set<string>();
  const nowMs = now.getTime();
  const today = ukDay(now);
  const thisWeek = weekOf(today);
  const newestFirst = [...backups]
    .map((b) => ({ ...b, ms: Date.parse(b.at) }))
    .filter((b) => Number.isFinite(b.ms))
    .sort((a, b) => b.ms - a.ms || (a.name < b.name ? 1 : -1));
  // A backup whose date cannot be read is not ours to judge: keep it.
  for (const b of backups) if (!Number.isFinite(Date.parse(b.at))) keep.add(b.name);
  // The newest up to now, whatever the slots say (and all of any dated later, below).
  const newestPast = newestFirst.find((b) => b.ms <= nowMs);
  if (newestPast) keep.add(newestPast.name);

  let todayKept = 0;
  const daysSeen = new Set<number>();
  const weeksSeen = new Set<number>();
  for (const b of newestFirst) {
    if (b.ms > nowMs) {
      keep.add(b.name);
      continue;
    }
    const day = ukDay(new Date(b.ms));
    const week = weekOf(day);
    if (day === today && todayKept < rule.today) {
      keep.add(b.name);
      todayKept += 1;
    }
    if (today - day < rule.days && !daysSeen.has(day)) {
      keep.add(b.name);
      daysSeen.add(day);
    }
    if (thisWeek - week < rule.weeks && !weeksSeen.has(week)) {
      keep.add(b.name);
      weeksSeen.add(week);
    }
    if (protectedKinds.includes(b.kind) && thisWeek - week < rule.weeks) keep.add(b.name);
  }
  return keep;
}
