import { createContext, useContext, type ReactNode } from 'react';
import type { ClockReading } from '../../src-shared/api/foundation';
import { addCalendarDays } from '../../src-shared/rules/working-days';
import { useApiQuery } from './api/hooks';
import { Loading, Notice } from './components/PageHeader';

/**
 * The window's "now" is the backend's, never the computer's own: the desktop
 * app, the browser host and the tests then agree on what today is, and a form
 * cannot default to a date the backend judges differently. The reading is
 * refreshed every minute (a window left open over midnight moves on) and after
 * every change, as all queries are.
 */
const ClockContext = createContext<ClockReading | null>(null);

const REFRESH_MS = 60_000;

export function ClockProvider({ children }: { children: ReactNode }) {
  const clock = useApiQuery('clock.now', {}, { refetchInterval: REFRESH_MS, staleTime: 0 });
  if (clock.error && !clock.data) return <Notice tone="error">{clock.error.message}</Notice>;
  if (!clock.data) return <Loading what="Opening Involvement Desk" />;
  return <ClockContext.Provider value={clock.data}>{children}</ClockContext.Provider>;
}

function useClock(): ClockReading {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error('The clock is read outside the app.');
  return clock;
}

/** Today in Europe/London (`YYYY-MM-DD`), by the backend's clock. */
export function useToday(): string {
  return useClock().today;
}

/** The backend's current instant (ISO, UTC). */
export function useNow(): string {
  return useClock().now;
}

/** A date `days` from today (negative for the past). */
export function useDayFromToday(days: number): string {
  return addCalendarDays(useToday(), days);
}
