import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AppContext } from '../services/context';
import { storedFilePath } from '../services/files/file-store';
import { latestVersion } from '../db/migrations';
import { lastOwnSeq, readOwnChanges, type SyncChange } from './change';
import { findDuplicates } from './duplicates';
import { applyChanges, type Refusal } from './merge';
import { getState, setState, whenIdle } from './state';
import type { SyncTransport, TransportProblem } from './transport';

export interface SyncReport {
  sent: number;
  received: number;
  /** Changes seen before (a duplicated file, a change sent twice). */
  alreadyHad: number;
  /** Kept until this install is updated: written by a newer version. */
  pending: number;
  conflicts: number;
  duplicatePeople: number;
  blobsSent: number;
  blobsReceived: number;
  /** Attachments cited by records here that have not arrived yet. */
  blobsWaiting: number;
  refused: Refusal[];
  problems: TransportProblem[];
}

export interface SyncOptions {
  deviceName?: string;
  batchSize?: number;
  onProgress?: (step: 'sending' | 'receiving' | 'matching', done: number) => void;
  /** Tests of mixed versions run an install as if on an older schema. */
  schemaVersion?: number;
}

const HASH_FIELDS = new Set(['content_hash', 'photo_hash']);

/** One full exchange with a transport: send what is new here, apply what is new there. */
export async function syncWith(
  ctx: AppContext,
  transport: SyncTransport,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const { raw } = ctx;
  const batch = options.batchSize ?? 5_000;
  const schemaVersion = options.schemaVersion ?? latestVersion;
  const report: SyncReport = {
    sent: 0,
    received: 0,
    alreadyHad: 0,
    pending: 0,
    conflicts: 0,
    duplicatePeople: 0,
    blobsSent: 0,
    blobsReceived: 0,
    blobsWaiting: 0,
    refused: [],
    problems: [],
  };
  await transport.register({
    deviceId: ctx.deviceId,
    name: options.deviceName ?? ctx.deviceId,
    appVersion: '0.1.0',
    schemaVersion,
  });

  // Sending: by sequence, never "since a time".
  const pushedKey = `pushed:${transport.key}`;
  let pushed = getState<number>(raw, pushedKey) ?? 0;
  const last = lastOwnSeq(raw, ctx.deviceId);
  while (pushed < last) {
    await whenIdle(raw);
    const changes = readOwnChanges(raw, ctx.deviceId, pushed, batch);
    if (changes.length === 0) break;
    // Attachments go first, so a record never arrives before the file it cites.
    for (const hash of citedHashes(changes)) {
      const path = storedFilePath(ctx, hash);
      if (!existsSync(path)) continue;
      if ((await transport.hasBlobs([hash])).has(hash)) continue;
      await transport.putBlob(hash, readFileSync(path));
      report.blobsSent++;
    }
    await transport.push(ctx.deviceId, changes);
    pushed = changes[changes.length - 1]!.seq;
    setState(raw, pushedKey, pushed);
    report.sent += changes.length;
    options.onProgress?.('sending', report.sent);
  }

  // Receiving.
  const cursorKey = `cursor:${transport.key}`;
  let cursor = getState<string>(raw, cursorKey);
  const wanted = new Set<string>();
  for (;;) {
    const pulled = await transport.pull(ctx.deviceId, cursor, batch);
    report.problems.push(...pulled.problems);
    await whenIdle(raw);
    const result = applyChanges(
      { raw, deviceClock: ctx.deviceClock, now: () => ctx.clock.now(), schemaVersion },
      pulled.changes,
    );
    report.received += result.applied;
    report.alreadyHad += result.duplicates;
    report.pending += result.pending;
    report.refused.push(...result.refused);
    for (const h of citedHashes(pulled.changes)) wanted.add(h);
    // A refused install's changes are asked for again next time, from where they stopped.
    if (pulled.cursor !== null) {
      cursor = withRefusals(pulled.cursor, result.refused);
      setState(raw, cursorKey, cursor);
    }
    for (const r of result.refused) recordRefusal(ctx, r);
    options.onProgress?.('receiving', report.received);
    if (!pulled.more || result.refused.length > 0) break;
  }
  if (cursor !== null) await transport.acknowledge(ctx.deviceId, cursor);

  // Attachments cited by what arrived: fetched, and checked against their hash.
  for (const hash of [...wanted, ...(getState<string[]>(raw, 'blobs_waiting') ?? [])]) {
    const path = storedFilePath(ctx, hash);
    if (existsSync(path)) continue;
    const bytes = await transport.getBlob(hash);
    if (bytes && createHash('sha256').update(bytes).digest('hex') === hash) {
      writeFileSync(path, bytes, { mode: 0o444 });
      report.blobsReceived++;
    }
  }
  const stillWaiting = [
    ...new Set([...wanted, ...(getState<string[]>(raw, 'blobs_waiting') ?? [])]),
  ].filter((h) => !existsSync(storedFilePath(ctx, h)));
  setState(raw, 'blobs_waiting', stillWaiting);
  report.blobsWaiting = stillWaiting.length;

  options.onProgress?.('matching', 0);
  await whenIdle(raw);
  report.duplicatePeople = findDuplicates(raw, ctx.clock.now().toISOString());
  report.conflicts = raw.prepare(`SELECT count(*) FROM sync_conflicts`).pluck().get() as number;
  setState(raw, 'last_synced_at', ctx.clock.now().toISOString());
  setState(raw, 'last_report', {
    sent: report.sent,
    received: report.received,
    problems: report.problems.map((p) => p.message),
    refused: report.refused.map((r) => r.message),
  });
  return report;
}

/** Moves the cursor of a refused install back to before its refused change. */
function withRefusals(cursor: string, refused: Refusal[]): string {
  if (refused.length === 0) return cursor;
  try {
    const seen = JSON.parse(cursor) as Record<string, number>;
    for (const r of refused) seen[r.device] = Math.min(seen[r.device] ?? 0, r.seq - 1);
    return JSON.stringify(seen);
  } catch {
    return cursor;
  }
}

function recordRefusal(ctx: AppContext, r: Refusal): void {
  ctx.raw
    .prepare(
      `INSERT INTO sync_peers (device_id, refused, last_seen_at) VALUES (?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET refused = excluded.refused, last_seen_at = excluded.last_seen_at`,
    )
    .run(r.device, r.message, ctx.clock.now().toISOString());
}

function citedHashes(changes: SyncChange[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    if (!c.after) continue;
    if (c.op === 'update' && c.field && HASH_FIELDS.has(c.field)) {
      const v = JSON.parse(c.after) as unknown;
      if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) out.add(v);
    } else if (c.op === 'create' && /_hash"/.test(c.after)) {
      const values = JSON.parse(c.after) as Record<string, unknown>;
      for (const f of HASH_FIELDS) {
        const v = values[f];
        if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) out.add(v);
      }
    }
  }
  return out;
}
