const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** `2026-11-23` → `23 Nov 2026`. Calendar dates carry no time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(y!, m! - 1, d!, 12)));
}

/** An instant in UTC, shown as UK local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTimeFormat.format(new Date(iso));
}

/** `10932` → `10,932`: every count and quantity on screen, so Home and the register agree. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count.format(n);
}

export function formatPence(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? '—' : money.format(pence / 100);
}

/** `last_name` / `lastName` → `Last name`, for fields without a label of their own. */
export function humanise(field: string): string {
  const words = field
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `plural(1, 'group breaks', 'groups break')` → `group breaks`. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
