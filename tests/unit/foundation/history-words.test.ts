import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src-shared/domain/history';
import { historyFieldsFor } from '../../../src-shared/history/fields';
import { describeHistory, describeValue } from '../../../src-shared/history/words';

const customers = historyFieldsFor('customers');
const cases = historyFieldsFor('complaint_cases');

function change(
  field: string,
  before: unknown,
  after: unknown,
  over: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    at: '2026-11-23T10:00:00.000Z',
    actorId: 's1',
    actorName: 'Jo Coordinator',
    op: 'update',
    field,
    before,
    after,
    reason: null,
    ...over,
  };
}

describe('history in the words of the screens', () => {
  it('words codes, lists, flags and dates as the form does', () => {
    expect(describeValue(customers, 'status', 'paused')).toBe('Paused');
    expect(describeValue(customers, 'interests', '["repairs","policy"]')).toBe(
      'Repairs and maintenance, Policies',
    );
    expect(describeValue(customers, 'skills', '[]')).toBe('(none)');
    expect(describeValue(customers, 'is_board_member', 1)).toBe('Yes');
    expect(describeValue(customers, 'date_of_birth', '1985-12-10')).toBe('10 Dec 1985');
    expect(describeValue(customers, 'town', 'Redcar')).toBe('Redcar');
    expect(describeValue(customers, 'status', null)).toBe('(empty)');
    expect(describeValue(cases, 'decision_outcome', 'partly_upheld')).toBe('Partly upheld');
    expect(describeValue(cases, 'status', 'decision_issued')).toBe('Decision issued');
    expect(describeValue(cases, 'eligible', 1)).toBe('Yes');
    expect(describeValue(cases, 'eligible', null)).toBe('Not decided');
    expect(describeValue(cases, 'stage1_extension_days', 5)).toBe('5 working days');
    expect(
      describeValue(historyFieldsFor('activities'), 'starts_at', '2026-12-01T18:00:00.000Z'),
    ).toBe('1 Dec 2026, 18:00');
  });

  it('says which consent, not how many', () => {
    const before = '[]';
    const after = JSON.stringify([
      { purpose: 'register', givenOn: '2026-11-23', method: 'in_person', withdrawnOn: null },
      { purpose: 'contact', givenOn: '2026-03-02', method: 'email', withdrawnOn: '2026-06-01' },
    ]);
    expect(describeValue(customers, 'consents', before)).toBe('None recorded');
    expect(describeValue(customers, 'consents', after)).toBe(
      'Keep my details on the Customer Voice register (given 23 Nov 2026, in person (verbal)); Contact me about involvement opportunities (withdrawn 1 Jun 2026)',
    );
  });

  it('puts one save together, says its reason once and leaves out system fields', () => {
    const findings = 'The landlord missed its own deadlines.';
    // Newest first, as the change log gives them.
    const entries: HistoryEntry[] = [
      change('next_due_label', 'Decision due', null, { at: '2026-11-23T10:00:00.020Z' }),
      change('next_due', '2026-11-30', null, { at: '2026-11-23T10:00:00.020Z' }),
      change('findings', null, findings, { reason: findings }),
      change('decision_outcome', null, 'partly_upheld', { reason: findings }),
      change('decision_on', null, '2026-11-23', { reason: findings }),
      change('status', 'heard', 'decision_issued', { reason: findings }),
      {
        ...change('status', null, null),
        op: 'create',
        field: null,
        at: '2026-11-01T09:00:00.000Z',
      },
    ];
    const items = describeHistory(cases, entries);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      actorName: 'Jo Coordinator',
      op: 'update',
      reason: null,
      changes: [
        { label: 'Status', from: 'Heard', to: 'Decision issued' },
        { label: 'Decision on', from: '(empty)', to: '23 Nov 2026' },
        { label: 'Decision', from: '(empty)', to: 'Partly upheld' },
        { label: 'Findings', from: '(empty)', to: findings },
      ],
    });
    expect(items[1]).toMatchObject({ op: 'create', changes: [] });
    expect(JSON.stringify(items)).not.toMatch(/Next step due|next_due/);
  });

  it('keeps a reason that is not one of the values', () => {
    const items = describeHistory(customers, [
      change('status', 'active', 'left', { reason: 'Moved away' }),
      change('notes', null, 'Moved to Leeds', { reason: 'Moved away' }),
    ]);
    expect(items).toMatchObject([{ reason: 'Moved away', changes: [{}, {}] }]);
  });
});
