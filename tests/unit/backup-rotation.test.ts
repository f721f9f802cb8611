import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  DEFAULT_ROTATION,
  type RotatedBackup,
} from '../../src-shared/rules/backup-rotation';

const NOW = new Date('2026-11-25T15:00:00.000Z'); // a Wednesday

function at(iso: string, kind: RotatedBackup['kind'] = 'scheduled'): RotatedBackup {
  return { name: `b-${iso}-${kind}`, at: iso, kind };
}

describe('the backup rotation', () => {
  it('keeps the newest three of today, and drops today’s older ones', () => {
    const today = ['08:00', '10:00', '12:00', '14:00'].map((t) => at(`2026-11-25T${t}:00.000Z`));
    const keep = backupsToKeep(today, NOW);
    expect([...keep].sort()).toEqual(
      today
        .slice(1)
        .map((b) => b.name)
        .sort(),
    );
  });

  it('keeps the newest of each of the last seven days, today included', () => {
    const days = [];
    for (let d = 1; d <= 9; d++) {
      const day = String(25 - d).padStart(2, '0');
      days.push(at(`2026-11-${day}T09:00:00.000Z`), at(`2026-11-${day}T17:00:00.000Z`));
    }
    const keep = backupsToKeep(days, NOW, { today: 3, days: 7, weeks: 0 });
    // Yesterday back to six days ago: the evening one of each.
    expect([...keep].sort()).toEqual(
      [24, 23, 22, 21, 20, 19].map((d) => `b-2026-11-${d}T17:00:00.000Z-scheduled`).sort(),
    );
  });

  it('keeps the newest of each of the last five weeks (weeks start on Monday)', () => {
    // Sundays and Mondays, going back eight weeks from Monday 23 November.
    const backups: RotatedBackup[] = [];
    for (let w = 0; w < 8; w++) {
      const monday = new Date(Date.UTC(2026, 10, 23 - 7 * w, 12));
      const sunday = new Date(monday.getTime() - 86_400_000);
      backups.push(at(monday.toISOString()), at(sunday.toISOString()));
    }
    const keep = backupsToKeep(backups, NOW, { today: 0, days: 0, weeks: 5 });
    // This week: Monday 23rd; then each earlier week's newest is its Sunday... which belongs to
    // the week before the Monday it precedes.
    expect([...keep].sort()).toEqual(
      [
        '2026-11-23T12:00:00.000Z', // this week
        '2026-11-22T12:00:00.000Z', // week of 16th: Sunday 22nd is its last day
        '2026-11-15T12:00:00.000Z', // week of 9th
        '2026-11-08T12:00:00.000Z', // week of 2nd
        '2026-11-01T12:00:00.000Z', // week of 26 October
      ]
        .map((t) => `b-${t}-scheduled`)
        .sort(),
    );
  });

  it('counts days in UK time: 23:30 UTC in summer is already tomorrow in London', () => {
    const now = new Date('2026-07-15T10:00:00.000Z');
    const lateUtc = at('2026-07-14T23:30:00.000Z'); // 00:30 on the 15th in London
    const early = [0, 1, 2].map((h) => at(`2026-07-15T0${h + 5}:00:00.000Z`));
    const keep = backupsToKeep([lateUtc, ...early], now, { today: 3, days: 1, weeks: 0 });
    // Four of "today" in London: the oldest (the late UTC one) is the one dropped.
    expect(keep.has(lateUtc.name)).toBe(false);
    expect(early.every((b) => keep.has(b.name))).toBe(true);
  });

  it('keeps a backup taken before an update or a restore for the whole span, then lets it go', () => {
    const recent = at('2026-11-02T09:00:00.000Z', 'before-migration');
    const old = at('2026-09-01T09:00:00.000Z', 'before-restore');
    const newer = at('2026-11-25T14:00:00.000Z');
    const sameWeek = at('2026-11-03T09:00:00.000Z');
    const keep = backupsToKeep([recent, old, newer, sameWeek], NOW);
    expect(keep.has(recent.name)).toBe(true);
    expect(keep.has(old.name)).toBe(false);
  });

  it('always keeps the newest, anything dated after now, and anything it cannot date', () => {
    const ancient = at('2020-01-01T00:00:00.000Z');
    const future = at('2027-01-01T00:00:00.000Z');
    const undated = { name: 'odd', at: 'not a date', kind: 'manual' as const };
    const keep = backupsToKeep([ancient, future, undated], NOW);
    expect(keep).toEqual(new Set([ancient.name, future.name, 'odd']));
  });

  it('never keeps more than its slots, always keeps the newest, and keeps what it kept (property)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const end = NOW.getTime();
    const arb = fc.uniqueArray(fc.integer({ min: start, max: end }), { maxLength: 80 });
    fc.assert(
      fc.property(arb, (times) => {
        const backups = times.map((t) => at(new Date(t).toISOString()));
        const keep = backupsToKeep(backups, NOW);
        const slots = DEFAULT_ROTATION.today + DEFAULT_ROTATION.days + DEFAULT_ROTATION.weeks;
        expect(keep.size).toBeLessThanOrEqual(Math.min(slots, backups.length));
        if (backups.length > 0) {
          const newest = backups.reduce((a, b) => (a.at > b.at ? a : b));
          expect(keep.has(newest.name)).toBe(true);
        }
        const again = backupsToKeep(
          backups.filter((b) => keep.has(b.name)),
          NOW,
        );
        expect(again).toEqual(keep);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
