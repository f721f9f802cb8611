import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../src-shared/sync/hlc';

/** This install's hybrid logical clock, kept in memory and seeded from the change log. */
export class DeviceClock {
  private last: Hlc;

  constructor(deviceId: string, lastStamp: string | null) {
    this.last = lastStamp
      ? { ...parseHlc(lastStamp), node: deviceId }
      : { millis: 0, counter: 0, node: deviceId };
  }

  next(now: Date): string {
    this.last = tick(this.last, now.getTime());
    return formatHlc(this.last);
  }

  /** Moves past a stamp received from another install, so what is written next sorts after it. */
  observe(stamp: string, now: Date): void {
    this.last = receive(this.last, parseHlc(stamp), now.getTime());
  }
}
