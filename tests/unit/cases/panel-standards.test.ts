import { describe, expect, it } from 'vitest';
import {
  defaultPanelStandards,
  nextDeadline,
  panelDeadlines,
  type CaseDates,
} from '../../../src-shared/rules/panel-standards';
import { calendar } from './calendar';

const dates: CaseDates = {
  referredOn: '2025-04-14',
  acceptedOn: null,
  declinedOn: null,
  hearingOn: null,
  heardOn: null,
  decisionOn: null,
};

describe("the panel's service standards", () => {
  it('gives the eligibility deadline after referral, skipping Easter', () => {
    const d = panelDeadlines(dates, 'referred', defaultPanelStandards, '2025-04-17', calendar);
    expect(d).toEqual([
      {
        stage: 'eligibility',
        label: 'Accept or decline',
        due: '2025-04-23',
        done: null,
        workingDaysTaken: 3,
        allowed: 5,
        state: 'due',
        expectedHolidays: false,
      },
    ]);
    expect(
      panelDeadlines(dates, 'referred', defaultPanelStandards, '2025-04-24', calendar)[0]!.state,
    ).toBe('overdue');
  });

  it('moves on to the hearing and the decision letter', () => {
    const accepted = { ...dates, acceptedOn: '2025-04-22' };
    const d = panelDeadlines(
      accepted,
      'hearing_scheduled',
      defaultPanelStandards,
      '2025-05-01',
      calendar,
    );
    expect(d.map((x) => [x.stage, x.state])).toEqual([
      ['eligibility', 'met'],
      ['hearing', 'due'],
    ]);
    expect(nextDeadline(d)).toMatchObject({ stage: 'hearing', due: '2025-05-21' });
    const heard = { ...accepted, heardOn: '2025-05-28' };
    const e = panelDeadlines(
      heard,
      'heard',
      { ...defaultPanelStandards, decisionDays: 3 },
      '2025-06-03',
      calendar,
    );
    expect(e.map((x) => x.state)).toEqual(['met', 'missed', 'overdue']);
    expect(nextDeadline(e)).toMatchObject({ stage: 'decision', due: '2025-06-02' });
  });

  it('stops the clock when a case is withdrawn or closed', () => {
    expect(
      panelDeadlines(dates, 'withdrawn', defaultPanelStandards, '2025-06-01', calendar),
    ).toEqual([]);
    const declined = panelDeadlines(
      { ...dates, declinedOn: '2025-04-16' },
      'declined',
      defaultPanelStandards,
      '2025-06-01',
      calendar,
    );
    expect(declined.map((x) => x.state)).toEqual(['met']);
    expect(nextDeadline(declined)).toBeNull();
  });
});
