import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodeProvisions, submissionReminder } from '../../../src-shared/rules/code-provisions';
import { checkStatusChange, isOverdue } from '../../../src-shared/rules/recommendations';

describe('recommendations', () => {
  it('are overdue only when open past their due date and not rejected', () => {
    expect(isOverdue('open', 'accepted', '2025-05-31', '2025-06-01')).toBe(true);
    expect(isOverdue('in_progress', null, '2025-06-01', '2025-06-01')).toBe(false);
    expect(isOverdue('implemented', 'accepted', '2025-01-01', '2025-06-01')).toBe(false);
    expect(isOverdue('open', 'rejected', '2025-01-01', '2025-06-01')).toBe(false);
    expect(isOverdue('open', null, null, '2025-06-01')).toBe(false);
  });

  it('need evidence to be implemented and cannot be worked on once rejected', () => {
    expect(checkStatusChange('implemented', 'accepted', null)).toEqual({
      ok: false,
      message: 'Record the evidence of completion before marking it implemented.',
    });
    expect(checkStatusChange('verified', 'accepted', 'Audit report 12').ok).toBe(true);
    expect(checkStatusChange('in_progress', 'rejected', null).ok).toBe(false);
  });
});

describe('the Code provisions file', () => {
  it('reads the bundled file', () => {
    const r = parseCodeProvisions(
      JSON.parse(readFileSync('resources/complaint-handling-code.json', 'utf8')),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.code.provisions.length).toBeGreaterThan(30);
      expect(r.code.provisions.find((p) => p.number === '5.1')?.requirement).toMatch(/two stages/);
    }
  });

  it('refuses a duplicate or malformed provision', () => {
    const base = {
      title: 'Code',
      version: '2025',
      effectiveFrom: '2025-04-01',
      submissionDeadline: '09-30',
    };
    const dup = parseCodeProvisions({
      ...base,
      provisions: [
        { section: '1', sectionTitle: 'A', number: '1.1', requirement: 'x' },
        { section: '1', sectionTitle: 'A', number: '1.1', requirement: 'y' },
      ],
    });
    expect(dup).toEqual({ ok: false, errors: ['Provision 1.1 is listed twice.'] });
    const bad = parseCodeProvisions({
      ...base,
      provisions: [{ section: '1', sectionTitle: 'A', number: 'one', requirement: 'x' }],
    });
    expect(bad).toEqual({
      ok: false,
      errors: ['provisions.0.number: Provision numbers look like 6.1.'],
    });
  });

  it('reminds the team from 1 August, and says overdue after 30 September until submitted', () => {
    expect(submissionReminder(2025, '2025-07-31', { toAssess: 3 }).level).toBe('none');
    expect(submissionReminder(2025, '2025-08-01', { toAssess: 3 })).toEqual({
      level: 'upcoming',
      due: '2025-09-30',
      daysLeft: 60,
      message:
        'The Code self-assessment for 2025 is due to the Ombudsman by 30 September 2025: 3 provisions still to assess.',
    });
    expect(submissionReminder(2025, '2025-09-16', { toAssess: 1 })).toMatchObject({
      level: 'urgent',
      message:
        'The Code self-assessment for 2025 is due to the Ombudsman by 30 September 2025: 1 provision still to assess.',
    });
    expect(submissionReminder(2025, '2025-09-30').level).toBe('urgent');
    expect(submissionReminder(2025, '2025-10-01', { toAssess: 0 })).toMatchObject({
      level: 'overdue',
      daysLeft: -1,
      message:
        'The Code self-assessment for 2025 was due to the Ombudsman by 30 September 2025 and is not marked submitted: every provision is assessed.',
    });
    expect(
      submissionReminder(2025, '2025-10-01', { submittedOn: '2025-09-29', toAssess: 0 }),
    ).toMatchObject({
      level: 'submitted',
      message: 'The Code self-assessment for 2025 was submitted on 29 September 2025.',
    });
    // A Code file with another date moves the reminder with it.
    expect(submissionReminder(2025, '2025-08-01', { monthDay: '10-31' }).level).toBe('none');
  });
});
