import type { SyncChange } from './change';

/**
 * What the sync engine needs of a way of exchanging changes: the shared
 * folder implements it, and so can a hub (an adapter over the PostgreSQL
 * hub's push/pull/setCursor/putBlob/getBlob/hasBlobs is a few lines: the
 * cursor is the hub sequence as a string, a change's body its JSON).
 */
export interface SyncTransport {
  /** Names the transport in saved state (this install's cursor and what it has sent). */
  readonly key: string;
  /** Says who this install is; may refuse it (too old a version, a wrong team key). */
  register(device: DeviceInfo): Promise<void>;
  /**
   * Sends this install's own changes, contiguous and in sequence order.
   * Sending one again is harmless (idempotent on change id).
   */
  push(deviceId: string, changes: SyncChange[]): Promise<void>;
  /**
   * Other installs' changes after `cursor` (null: from the start), each
   * install's in sequence order with no gaps: a transport waits on a gap
   * rather than skip it. `more`: call again for the next batch.
   */
  pull(deviceId: string, cursor: string | null, limit: number): Promise<PullResult>;
  /** Records what this install has applied, so the transport can tidy what everyone has. */
  acknowledge(deviceId: string, cursor: string): Promise<void>;
  putBlob(hash: string, bytes: Buffer): Promise<void>;
  /** Null while the attachment has not arrived. */
  getBlob(hash: string): Promise<Buffer | null>;
  hasBlobs(hashes: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

export interface DeviceInfo {
  deviceId: string;
  name: string;
  appVersion: string;
  schemaVersion: number;
}

export interface PullResult {
  changes: SyncChange[];
  cursor: string | null;
  more: boolean;
  /** Files or messages the transport could not use this time, for the user. */
  problems: TransportProblem[];
}

export interface TransportProblem {
  kind: 'unauthenticated' | 'corrupt' | 'gap' | 'unreachable';
  /** The install whose data it was, where known. */
  device: string | null;
  message: string;
}
