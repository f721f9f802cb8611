import { describe, expect, it } from 'vitest';
import { checkInternalStages, type InternalStages } from '../../../src-shared/rules/complaint-code';
import { calendar } from './calendar';

const empty = { received: null, acknowledged: null, responded: null, extensionDays: 0 };

function stages(partial: Partial<InternalStages>): InternalStages {
  return { stage1: empty, stage2: empty, stage2DifferentHandler: null, ...partial };
}

describe('internal stages against the Complaint Handling Code', () => {
  it('works out stage 1 deadlines in working days and finds nothing wrong when met', () => {
    // Received Mon 3 March 2025: acknowledge by Mon 10 March; answer by 10 working days after acknowledgement.
    const r = checkInternalStages(
      stages({
        stage1: {
          received: '2025-03-03',
          acknowledged: '2025-03-05',
          responded: '2025-03-19',
          extensionDays: 0,
        },
      }),
      '2025-06-01',
      calendar,
    );
    const [ack, respond] = r.milestones;
    expect(ack).toMatchObject({ due: '2025-03-10', status: 'met' });
    expect(respond).toMatchObject({ due: '2025-03-19', status: 'met', workingDaysLate: 0 });
    expect(r.findings).toEqual([]);
  });

  it('shows a missed acknowledgement and response, in working days late', () => {
    const r = checkInternalStages(
      stages({
        stage1: {
          received: '2025-03-03',
          acknowledged: '2025-03-12',
          responded: '2025-04-01',
          extensionDays: 0,
        },
      }),
      '2025-06-01',
      calendar,
    );
    expect(r.milestones[0]).toMatchObject({ status: 'missed', workingDaysLate: 2 });
    // Late acknowledgement on 12 March: response due 26 March; sent 1 April = 4 working days late.
    expect(r.milestones[1]).toMatchObject({
      due: '2025-03-26',
      status: 'missed',
      workingDaysLate: 4,
    });
    expect(r.findings.map((f) => f.message)).toEqual([
      'Stage 1 acknowledgement was 2 working days late (due 10 Mar 2025, sent 12 Mar 2025).',
      'Stage 1 response was 4 working days late (due 26 Mar 2025, sent 1 Apr 2025).',
    ]);
  });

  it('counts from the acknowledgement due date when none was sent', () => {
    const r = checkInternalStages(
      stages({ stage1: { ...empty, received: '2025-03-03' } }),
      '2025-03-31',
      calendar,
    );
    expect(r.milestones[1]).toMatchObject({
      due: '2025-03-24',
      status: 'overdue',
      workingDaysLate: 5,
    });
    expect(r.milestones[0]).toMatchObject({ status: 'overdue' });
  });

  it('adds an extension within the limit and caps one beyond it', () => {
    const within = checkInternalStages(
      stages({
        stage1: {
          received: '2025-03-03',
          acknowledged: '2025-03-05',
          responded: '2025-04-02',
          extensionDays: 10,
        },
      }),
      '2025-06-01',
      calendar,
    );
    expect(within.milestones[1]).toMatchObject({ due: '2025-04-02', status: 'met' });
    expect(within.milestones[1]!.basis).toMatch(/extension of 10 working days/);

    const over = checkInternalStages(
      stages({
        stage2: {
          received: '2025-04-07',
          acknowledged: '2025-04-08',
          responded: null,
          extensionDays: 30,
        },
      }),
      '2025-05-01',
      calendar,
    );
    expect(over.findings[0]).toMatchObject({ kind: 'extension_over_limit' });
    expect(over.findings[0]!.message).toMatch(/at most 20/);
    // 20 + 20 working days from Tue 8 April 2025 (Easter, Early May and Spring bank holidays in between).
    expect(over.milestones[3]).toMatchObject({ due: '2025-06-09', status: 'pending' });
  });

  it('checks stage 2: 5 days to acknowledge, 20 to answer, a different person', () => {
    const r = checkInternalStages(
      stages({
        stage2: {
          received: '2025-04-14',
          acknowledged: '2025-04-22',
          responded: '2025-05-21',
          extensionDays: 0,
        },
        stage2DifferentHandler: false,
      }),
      '2025-06-01',
      calendar,
    );
    // Mon 14 April + 5 working days skips Good Friday and Easter Monday: Wed 23 April.
    expect(r.milestones[2]).toMatchObject({ due: '2025-04-23', status: 'met' });
    // Tue 22 April + 20 working days (skipping Early May): Wed 21 May.
    expect(r.milestones[3]).toMatchObject({ due: '2025-05-21', status: 'met' });
    expect(r.findings.map((f) => f.kind)).toEqual(['same_handler']);
    expect(r.internalProcessEnded).toBe('2025-05-21');
  });

  it('flags dates out of order', () => {
    const r = checkInternalStages(
      stages({
        stage1: {
          received: '2025-03-10',
          acknowledged: '2025-03-07',
          responded: '2025-03-12',
          extensionDays: 0,
        },
      }),
      '2025-06-01',
      calendar,
    );
    expect(
      r.findings.some(
        (f) =>
          f.kind === 'dates_out_of_order' && /acknowledged before it was received/.test(f.message),
      ),
    ).toBe(true);
  });

  it('has nothing due for a stage that has not started', () => {
    const r = checkInternalStages(stages({}), '2025-06-01', calendar);
    expect(r.milestones.every((m) => m.status === 'not_started' && m.due === null)).toBe(true);
    expect(r.internalProcessEnded).toBeNull();
  });
});
