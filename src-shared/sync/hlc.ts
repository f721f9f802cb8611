/**
 * Hybrid logical clock. Every change carries one, so that changes made on
 * different installs (offline at a community centre, then synced) can be
 * ordered even when the machines' wall clocks disagree.
 *
 * Encoded as `<ISO instant>-<counter>-<node>`: fixed width, so the strings
 * sort in clock order.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** How far a remote clock may run ahead of ours before we refuse to follow it. */
export const MAX_DRIFT_MS = 60 * 60 * 1000;

export function zeroHlc(node: string): Hlc {
  return { millis: 0, counter: 0, node };
}

/** The clock for a local event. */
export function tick(last: Hlc, nowMillis: number): Hlc {
  if (nowMillis > last.millis) return { millis: nowMillis, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { millis: last.millis + 1, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** The clock after receiving a remote change stamped `remote`. */
export function receive(last: Hlc, remote: Hlc, nowMillis: number): Hlc {
  if (remote.millis - nowMillis > MAX_DRIFT_MS) {
    throw new Error(
      `A change from another device is stamped ${new Date(remote.millis).toISOString()}, more than an hour ahead of this computer's clock. Check the date and time on both devices.`,
    );
  }
  const millis = Math.max(last.millis, remote.millis, nowMillis);
  let counter: number;
  if (millis === last.millis && millis === remote.millis)
    counter = Math.max(last.counter, remote.counter) + 1;
  else if (millis === last.millis) counter = last.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: last.node };
  return { millis, counter, node: last.node };
}

export function formatHlc(h: Hlc): string {
  return `${new Date(h.millis).toISOString()}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(s);
  if (!match) throw new Error(`Not a hybrid logical clock value: ${s}`);
  return { millis: Date.parse(match[1]!), counter: parseInt(match[2]!, 16), node: match[3]! };
}
