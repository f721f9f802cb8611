import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { apiKey } from '../../api/hooks';

/** Tells the backend at most this often that someone is using the window. */
const SIGNAL_EVERY_MS = 20_000;
const USE_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * The backend decides when a window has been idle too long, by its own
 * clock; the window only says when someone types, clicks or scrolls.
 * Background refreshes say nothing, so a screen left open still locks.
 */
export function useIdleActivity(locked: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (locked) return;
    let quiet = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const used = () => {
      if (quiet) return;
      quiet = true;
      timer = setTimeout(() => (quiet = false), SIGNAL_EVERY_MS);
      call('session.activity', {})
        .then((answer) => {
          if (answer.locked) void client.invalidateQueries({ queryKey: apiKey('session.state') });
        })
        .catch(() => undefined);
    };
    for (const event of USE_EVENTS)
      window.addEventListener(event, used, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of USE_EVENTS) window.removeEventListener(event, used, { capture: true });
    };
  }, [locked, client]);
}
