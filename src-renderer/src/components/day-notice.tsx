import { useApiQuery } from '../api/hooks';

const isoDay = /^\d{4}-\d{2}-\d{2}/;

/**
 * What to say under a date chosen for a hearing or meeting when it falls on
 * a weekend or bank holiday: a warning to check, never a refusal. Accepts a
 * date or a `datetime-local` value.
 */
export function useDayNotice(value: string): string | null {
  const date = isoDay.test(value) ? value.slice(0, 10) : '';
  const q = useApiQuery('calendar.dayNotice', { date }, { enabled: date !== '' });
  return date && q.data ? q.data.notice : null;
}

/** The notice as a field hint, styled as a warning and announced politely. */
export function DayNoticeHint({ notice }: { notice: string }) {
  return (
    <span className="day-notice" role="status">
      {notice}
    </span>
  );
}
