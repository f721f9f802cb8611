/** London wall-clock time for `<input type="datetime-local">`, and back to UTC. */

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonOffsetMinutes(d: Date): number {
  const p = parts.formatToParts(d);
  const get = (t: string) => Number(p.find((x) => x.type === t)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(d.getTime() / 60_000) * 60_000) / 60_000);
}

/** `2026-12-01T18:00` (London) → `2026-12-01T18:00:00.000Z`. */
export function londonLocalToIso(local: string): string {
  const asUtc = new Date(`${local}:00.000Z`);
  return new Date(asUtc.getTime() - londonOffsetMinutes(asUtc) * 60_000).toISOString();
}

export function isoToLondonLocal(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() + londonOffsetMinutes(d) * 60_000).toISOString().slice(0, 16);
}

/** `YYYY-MM-DD` of an instant in London. */
export function londonDay(iso: string | Date): string {
  return isoToLondonLocal(typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 10);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});
export function londonTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** Saves a file the main process returned as base64. */
export function downloadFile(file: { fileName: string; mimeType: string; data: string }): void {
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
