import { describe, expect, it } from 'vitest';
import {
  dueWithoutConsultation,
  policyStanding,
} from '../../../src-shared/rules/policy-consultation';

const c = (reviewId: string, startedOn: string, completedOn: string | null = null) => ({
  reviewId,
  startedOn,
  completedOn,
});

describe('a policy’s consultation for its next approval', () => {
  it('counts only consultations started after the last approval', () => {
    expect(policyStanding('2026-03-01', [c('old', '2026-01-05', '2026-02-10')])).toEqual({
      state: 'none',
      consultation: null,
    });
    expect(policyStanding(null, [c('old', '2026-01-05', '2026-02-10')]).state).toBe('finished');
  });

  it('prefers a finished consultation to a running one, and the latest running one', () => {
    const done = c('done', '2026-04-01', '2026-05-01');
    expect(policyStanding('2026-03-01', [c('a', '2026-06-01'), done])).toEqual({
      state: 'finished',
      consultation: done,
    });
    expect(
      policyStanding(null, [c('a', '2026-04-01'), c('b', '2026-06-01')]).consultation?.reviewId,
    ).toBe('b');
  });

  it('is due without consultation only when customer-facing, still to go to the Board and not finished', () => {
    const facing = { customerFacing: true, boardDate: '2026-12-10' };
    expect(dueWithoutConsultation(facing, 'none', '2026-11-23')).toBe(true);
    expect(dueWithoutConsultation(facing, 'in_progress', '2026-12-10')).toBe(true);
    expect(dueWithoutConsultation(facing, 'finished', '2026-11-23')).toBe(false);
    expect(dueWithoutConsultation(facing, 'none', '2026-12-11')).toBe(false);
    expect(dueWithoutConsultation({ ...facing, customerFacing: false }, 'none', '2026-11-23')).toBe(
      false,
    );
    expect(
      dueWithoutConsultation({ customerFacing: true, boardDate: null }, 'none', '2026-11-23'),
    ).toBe(false);
  });
});
