import { describe, expect, it } from 'vitest';
import {
  caseStatuses,
  checkTransition,
  movesFrom,
  offeredMoves,
  type CaseFacts,
  type CaseStatus,
} from '../../../src-shared/rules/case-lifecycle';

const base: CaseFacts = {
  status: 'referred',
  eligible: null,
  assignedMembers: 3,
  quorum: 3,
  openRecommendations: 0,
  today: '2025-06-01',
};
const full = {
  date: '2025-06-01',
  reason: 'Resident asked',
  eligible: true,
  hearingDate: '2025-06-10',
  decisionOutcome: 'upheld' as const,
  findings: 'Repairs were late',
};

const legal: Record<CaseStatus, CaseStatus[]> = {
  referred: ['eligibility_checked', 'referred_to_ombudsman', 'withdrawn'],
  eligibility_checked: ['accepted', 'declined', 'referred_to_ombudsman', 'withdrawn'],
  accepted: ['panel_convened', 'referred_to_ombudsman', 'withdrawn'],
  declined: ['closed', 'referred_to_ombudsman', 'withdrawn'],
  panel_convened: ['hearing_scheduled', 'referred_to_ombudsman', 'withdrawn'],
  hearing_scheduled: ['heard', 'hearing_scheduled', 'referred_to_ombudsman', 'withdrawn'],
  heard: ['decision_issued', 'referred_to_ombudsman', 'withdrawn'],
  decision_issued: ['monitoring', 'closed', 'referred_to_ombudsman', 'withdrawn'],
  monitoring: ['closed', 'referred_to_ombudsman', 'withdrawn'],
  closed: [],
  referred_to_ombudsman: ['closed', 'withdrawn'],
  withdrawn: [],
};

describe('the case lifecycle', () => {
  it('allows exactly the legal moves from each status', () => {
    for (const from of caseStatuses) expect(new Set(movesFrom(from))).toEqual(new Set(legal[from]));
  });

  it('refuses every illegal move with a message naming where the case can go', () => {
    for (const from of caseStatuses) {
      for (const to of caseStatuses) {
        if (legal[from].includes(to)) continue;
        const r = checkTransition(
          { ...base, status: from, openRecommendations: 0 },
          { to, ...full },
        );
        expect(r.ok, `${from} → ${to}`).toBe(false);
        if (!r.ok) {
          if (from === 'closed' || from === 'withdrawn')
            expect(r.message).toMatch(/nothing more can happen/);
          else expect(r.message).toMatch(/cannot move to .*From here it can move to: /);
        }
      }
    }
  });

  it('allows every legal move when its details are given', () => {
    for (const from of caseStatuses) {
      for (const to of legal[from]) {
        const open = to === 'monitoring' ? 1 : 0;
        expect(
          checkTransition({ ...base, status: from, openRecommendations: open }, { to, ...full }).ok,
          `${from} → ${to}`,
        ).toBe(true);
      }
    }
  });

  it('needs a reason to decline or withdraw', () => {
    const declined = checkTransition(
      { ...base, status: 'eligibility_checked' },
      { to: 'declined', date: '2025-06-01', reason: '  ' },
    );
    expect(declined).toEqual({
      ok: false,
      field: 'reason',
      message: 'Give the reason the case is declined.',
    });
    const withdrawn = checkTransition(
      { ...base, status: 'heard' },
      { to: 'withdrawn', date: '2025-06-01' },
    );
    expect(withdrawn).toMatchObject({
      ok: false,
      field: 'reason',
      message: 'Give the reason the case is withdrawn.',
    });
  });

  it('needs the eligibility answer, and will not accept an ineligible case', () => {
    expect(checkTransition(base, { to: 'eligibility_checked', date: '2025-06-01' })).toMatchObject({
      ok: false,
      field: 'eligible',
    });
    const r = checkTransition(
      { ...base, status: 'eligibility_checked', eligible: false },
      { to: 'accepted', date: '2025-06-01' },
    );
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not eligible/) });
  });

  it('needs a quorum to convene and to hear', () => {
    const r = checkTransition(
      { ...base, status: 'accepted', assignedMembers: 2 },
      { to: 'panel_convened', date: '2025-06-01' },
    );
    expect(r).toEqual({
      ok: false,
      message: 'The panel needs at least 3 members to be convened; 2 are assigned.',
    });
    const heard = checkTransition(
      { ...base, status: 'hearing_scheduled', assignedMembers: 1, quorum: 4 },
      { to: 'heard', date: '2025-06-01' },
    );
    expect(heard).toMatchObject({
      ok: false,
      message: 'A hearing needs a quorum of 4; 1 assigned.',
    });
  });

  it('needs a hearing date, a decision and findings', () => {
    expect(
      checkTransition(
        { ...base, status: 'panel_convened' },
        { to: 'hearing_scheduled', date: '2025-06-01' },
      ),
    ).toMatchObject({
      ok: false,
      field: 'hearingDate',
    });
    expect(
      checkTransition(
        { ...base, status: 'heard' },
        { to: 'decision_issued', date: '2025-06-01', findings: 'x' },
      ),
    ).toMatchObject({
      ok: false,
      field: 'decisionOutcome',
    });
    expect(
      checkTransition(
        { ...base, status: 'heard' },
        { to: 'decision_issued', date: '2025-06-01', decisionOutcome: 'upheld' },
      ),
    ).toMatchObject({ ok: false, field: 'findings' });
  });

  it('will not close with open recommendations, nor monitor without any', () => {
    const r = checkTransition(
      { ...base, status: 'monitoring', openRecommendations: 2 },
      { to: 'closed', date: '2025-06-01' },
    );
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^2 recommendations are still open/),
    });
    const m = checkTransition(
      { ...base, status: 'decision_issued' },
      { to: 'monitoring', date: '2025-06-01' },
    );
    expect(m).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no open recommendations/),
    });
  });

  it('refuses a date in the future', () => {
    expect(
      checkTransition(base, { to: 'withdrawn', date: '2025-06-02', reason: 'x' }),
    ).toMatchObject({ ok: false, field: 'date' });
  });

  it('offers only moves that could succeed now', () => {
    expect(offeredMoves({ ...base, status: 'accepted', assignedMembers: 1 })).toEqual([
      'referred_to_ombudsman',
      'withdrawn',
    ]);
    expect(offeredMoves({ ...base, status: 'decision_issued', openRecommendations: 1 })).toEqual([
      'monitoring',
      'referred_to_ombudsman',
      'withdrawn',
    ]);
    expect(offeredMoves({ ...base, status: 'closed' })).toEqual([]);
  });

  it('holds "Heard" to the scheduled hearing date, and lets a moved hearing be heard on its day', () => {
    const scheduled: CaseFacts = {
      ...base,
      status: 'hearing_scheduled',
      today: '2026-12-03',
      lastStepOn: '2026-11-16',
      lastStepBeforeHearingOn: '2026-11-16',
      hearingDate: '2026-12-25',
    };
    expect(checkTransition(scheduled, { to: 'heard', date: '2026-12-02' })).toEqual({
      ok: false,
      field: 'date',
      message:
        'The hearing is scheduled for 25 Dec 2026, so it cannot have been held on 2 Dec 2026. If it was held on another day, move the hearing first: record "Hearing scheduled" again with the day it was held.',
    });
    // Not offered before the day of the hearing.
    expect(offeredMoves(scheduled)).not.toContain('heard');
    // The hearing moved on the record (on 3 December) to the day it was held.
    const moved = { ...scheduled, lastStepOn: '2026-12-03', hearingDate: '2026-12-02' };
    expect(checkTransition(moved, { to: 'heard', date: '2026-12-02' })).toEqual({ ok: true });
    expect(checkTransition(moved, { to: 'heard', date: '2026-12-01' })).toMatchObject({
      ok: false,
      field: 'date',
    });
    // Other steps still cannot come before the latest step.
    expect(
      checkTransition(moved, { to: 'withdrawn', date: '2026-12-02', reason: 'x' }),
    ).toMatchObject({
      ok: false,
      field: 'date',
    });
  });
});
