import { describe, expect, it } from 'vitest';
import { defaultActivityTitle } from '../../../src-shared/rules/activity-defaults';

describe('the title a new activity starts with', () => {
  it('names the group and the kind', () => {
    expect(
      defaultActivityTitle({ kind: 'meeting', groupName: 'Customer Council', courseName: null }),
    ).toBe('Customer Council meeting');
    expect(
      defaultActivityTitle({ kind: 'site_visit', groupName: 'Scrutiny Panel', courseName: null }),
    ).toBe('Scrutiny Panel site visit');
    expect(
      defaultActivityTitle({ kind: 'open_day', groupName: 'Customer Voice', courseName: null }),
    ).toBe('Customer Voice Open Day');
  });

  it('is the kind alone without a group, and the course for a training session', () => {
    expect(defaultActivityTitle({ kind: 'roadshow', groupName: null, courseName: null })).toBe(
      'Roadshow',
    );
    expect(
      defaultActivityTitle({
        kind: 'training_session',
        groupName: 'Talent School',
        courseName: 'Chairing meetings with confidence',
      }),
    ).toBe('Chairing meetings with confidence session');
    expect(
      defaultActivityTitle({ kind: 'training_session', groupName: null, courseName: null }),
    ).toBe('Training course session');
  });
});
