/**
 * A small iCalendar (RFC 5545) writer, so staff can put activities in
 * Outlook, and a reader good enough to check what we write.
 */

export interface IcsEvent {
  /** Stable per activity, so a re-import updates rather than duplicates. */
  uid: string;
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  cancelled?: boolean;
  /** When the activity was last changed (UTC ISO): becomes LAST-MODIFIED. */
  updatedAt?: string | null;
}

const CRLF = '\r\n';

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** `20260105T183000Z` from an ISO instant. */
export function icsUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date and time: ${iso}`);
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line exceeds 75 octets (RFC 5545 3.1),
 * never splitting a multi-byte UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

export function writeIcs(events: readonly IcsEvent[], now: Date, calendarName: string): string {
  const stamp = icsUtc(now.toISOString());
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Involvement Desk//Activities//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(e.start)}`,
      `DTEND:${icsUtc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.updatedAt) lines.push(`LAST-MODIFIED:${icsUtc(e.updatedAt)}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export interface ParsedIcsEvent {
  [property: string]: string;
}

/** Reads VEVENTs back: unfolds lines and unescapes text; parameters are dropped. */
export function parseIcs(text: string): ParsedIcsEvent[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: ParsedIcsEvent[] = [];
  let current: ParsedIcsEvent | null = null;
  for (const line of unfolded) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
      current[name] = unescapeText(line.slice(colon + 1));
    }
  }
  return events;
}

/** `20260105T183000Z` back to an ISO instant. */
export function fromIcsUtc(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`Not a UTC date-time: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}
