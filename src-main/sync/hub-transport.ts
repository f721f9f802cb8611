import { parseChange, type SyncChange } from './change';
import { PostgresHub } from './hub/postgres-hub';
import type { HubSettings } from './hub/settings';
import type { DeviceInfo, PullResult, SyncTransport } from './transport';

/** A hub change as the PostgreSQL hub stores it: the body is this install's change as JSON, opaque to the hub. */
export interface HubChange {
  changeId: string;
  deviceId: string;
  seq: number;
  schemaVersion: number;
  body: string;
}

/** What the transport needs of the hub (`hub/postgres-hub.ts`'s PostgresHub has this shape). */
export interface HubLike {
  registerDevice(device: DeviceInfo): Promise<unknown>;
  push(deviceId: string, changes: HubChange[]): Promise<unknown>;
  pull(
    deviceId: string,
    afterHubSeq: number,
    limit: number,
  ): Promise<{ changes: (HubChange & { hubSeq: number })[]; lastHubSeq: number }>;
  setCursor(deviceId: string, hubSeq: number): Promise<unknown>;
  putBlob(hash: string, bytes: Buffer): Promise<unknown>;
  getBlob(hash: string): Promise<Buffer | null>;
  hasBlobs(hashes: string[]): Promise<Set<string>>;
  close(): Promise<unknown>;
}

/**
 * The hub as a transport: its cursor is the hub sequence (gapless, assigned
 * under the hub's lock), so a pull never skips a change.
 */
export class HubTransport implements SyncTransport {
  constructor(
    private readonly hub: HubLike,
    readonly key: string,
  ) {}

  async register(device: DeviceInfo): Promise<void> {
    await this.hub.registerDevice(device);
  }

  async push(deviceId: string, changes: SyncChange[]): Promise<void> {
    await this.hub.push(
      deviceId,
      changes.map((c) => ({
        changeId: c.id,
        deviceId: c.device,
        seq: c.seq,
        schemaVersion: c.schema,
        body: JSON.stringify(c),
      })),
    );
  }

  async pull(deviceId: string, cursor: string | null, limit: number): Promise<PullResult> {
    const got = await this.hub.pull(deviceId, cursor ? Number(cursor) : 0, limit);
    return {
      changes: got.changes
        .filter((c) => c.deviceId !== deviceId)
        .map((c) => parseChange(JSON.parse(c.body))),
      cursor: String(got.lastHubSeq),
      more: got.changes.length >= limit,
      problems: [],
    };
  }

  async acknowledge(deviceId: string, cursor: string): Promise<void> {
    await this.hub.setCursor(deviceId, Number(cursor));
  }

  async putBlob(hash: string, bytes: Buffer): Promise<void> {
    await this.hub.putBlob(hash, bytes);
  }

  getBlob(hash: string): Promise<Buffer | null> {
    return this.hub.getBlob(hash);
  }

  hasBlobs(hashes: string[]): Promise<Set<string>> {
    return this.hub.hasBlobs(hashes);
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}

/**
 * The team's PostgreSQL hub as this install's transport, from its settings
 * (`parseHubUrl` reads them from a postgres:// address). Each hub is its own
 * transport: what was sent to one says nothing of another.
 */
export async function connectHub(settings: HubSettings): Promise<HubTransport> {
  const hub = await PostgresHub.connect(settings);
  return new HubTransport(hub, `hub:${settings.host}:${settings.port}/${settings.database}`);
}
