import { formatHlc, parseHlc, tick, type Hlc } from '../../src-shared/sync/hlc';

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
}
