import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  fromIcsUtc,
  icsUtc,
  parseIcs,
  writeIcs,
} from '../../../src-shared/rules/ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ics', () => {
  it('escapes text values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('writes UTC times without separators', () => {
    expect(icsUtc('2026-01-05T18:30:00.000Z')).toBe('20260105T183000Z');
    expect(icsUtc('2026-07-05T18:30:00+01:00')).toBe('20260705T173000Z');
    expect(fromIcsUtc('20260105T183000Z')).toBe('2026-01-05T18:30:00.000Z');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = 'DESCRIPTION:' + '£'.repeat(100);
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    expect(foldLine('X:' + 'a'.repeat(73))).toBe('X:' + 'a'.repeat(73));
    expect(foldLine('X:' + 'a'.repeat(74)).split('\r\n')).toHaveLength(2);
  });

  it('round-trips events through the reader', () => {
    const text = writeIcs(
      [
        {
          uid: '0190-abc@involvement-desk',
          start: '2026-03-02T18:00:00.000Z',
          end: '2026-03-02T20:00:00.000Z',
          summary: 'Customer Council, March',
          description: 'Agenda:\n1. Minutes; 2. KPIs, and the annual report '.repeat(4),
          location: 'Thornaby Community Centre, Thornaby Road',
          cancelled: true,
        },
      ],
      new Date('2026-02-01T09:00:00Z'),
      'Activities',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    const [e] = parseIcs(text);
    expect(e).toMatchObject({
      UID: '0190-abc@involvement-desk',
      DTSTAMP: '20260201T090000Z',
      DTSTART: '20260302T180000Z',
      DTEND: '20260302T200000Z',
      SUMMARY: 'Customer Council, March',
      LOCATION: 'Thornaby Community Centre, Thornaby Road',
      STATUS: 'CANCELLED',
    });
    expect(e!.DESCRIPTION).toBe('Agenda:\n1. Minutes; 2. KPIs, and the annual report '.repeat(4));
  });
});
