import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, zeroHlc } from '../../../src-shared/sync/hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = tick(zeroHlc('dev1'), 1000);
    expect(a).toEqual({ millis: 1000, counter: 0, node: 'dev1' });
    expect(tick(a, 2000)).toEqual({ millis: 2000, counter: 0, node: 'dev1' });
  });

  it('keeps counting when the wall clock stands still or goes back', () => {
    const a = tick(zeroHlc('dev1'), 5000);
    const b = tick(a, 5000);
    const c = tick(b, 4000);
    expect(b).toEqual({ millis: 5000, counter: 1, node: 'dev1' });
    expect(c).toEqual({ millis: 5000, counter: 2, node: 'dev1' });
    expect(formatHlc(a) < formatHlc(b) && formatHlc(b) < formatHlc(c)).toBe(true);
  });

  it('moves past a remote clock that is ahead', () => {
    const local = { millis: 1000, counter: 3, node: 'a' };
    const remote = { millis: 2000, counter: 7, node: 'b' };
    expect(receive(local, remote, 1500)).toEqual({ millis: 2000, counter: 8, node: 'a' });
  });

  it('refuses a remote clock more than an hour ahead', () => {
    expect(() => receive(zeroHlc('a'), { millis: 10_000_000, counter: 0, node: 'b' }, 0)).toThrow(
      /ahead of this computer's clock/,
    );
  });

  it('sorts as text in clock order and round-trips', () => {
    const stamps = [
      { millis: Date.UTC(2026, 0, 1), counter: 0, node: 'x' },
      { millis: Date.UTC(2026, 0, 1), counter: 15, node: 'x' },
      { millis: Date.UTC(2026, 0, 1), counter: 16, node: 'x' },
      { millis: Date.UTC(2026, 0, 2), counter: 0, node: 'x' },
    ].map(formatHlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(parseHlc(stamps[2]!)).toEqual({ millis: Date.UTC(2026, 0, 1), counter: 16, node: 'x' });
  });
});
