import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { parseChange, type SyncChange } from '../change';
import type { DeviceInfo, PullResult, SyncTransport, TransportProblem } from '../transport';
import { AuthenticationError, keyCheck, open, seal, type TeamKey } from './team-key';

/*
 * The shared folder: any folder every install can reach (a network drive, a
 * synced cloud folder, a USB stick). Layout:
 *
 *   team.json                         the team id and a check of its key
 *   devices/<id>/device.sealed        who the install is
 *   devices/<id>/changes/<first>-<last>.sealed   its changes, immutable
 *   devices/<id>/ack.sealed           what it has applied of everyone else's
 *   blobs/<sha256>.sealed             attachments, by content
 *
 * Each install writes only under its own folder (and new blobs), each file
 * under a temporary name, flushed, then renamed, so a reader never sees
 * half a file from us; a file that does not open (cut short by a cloud
 * client, altered, another team's) is reported and tried again next time.
 * A reader waits at a gap in an install's sequence, and a missing file
 * means nothing but "not here yet".
 */

const SEQ_WIDTH = 12;
const FILE_RE = /^(\d{12})-(\d{12})\.sealed$/;
/** Own files are merged into one once every known install has them and there are this many. */
const COMPACT_AT = 32;

interface ChangeFile {
  first: number;
  last: number;
  name: string;
}

export interface FolderOptions {
  root: string;
  team: TeamKey;
}

export class FolderTransport implements SyncTransport {
  readonly key: string;
  private readonly root: string;
  private readonly team: TeamKey;
  /** Changes read but not yet handed out, per device (a file holds many). */
  private readonly buffered = new Map<string, SyncChange[]>();

  constructor(options: FolderOptions) {
    this.root = options.root;
    this.team = options.team;
    this.key = `folder:${options.team.teamId}`;
  }

  /** Makes a new shared folder for a team (an administrator, once). */
  static create(root: string, team: TeamKey): void {
    mkdirSync(join(root, 'devices'), { recursive: true });
    mkdirSync(join(root, 'blobs'), { recursive: true });
    const path = join(root, 'team.json');
    if (existsSync(path)) throw new Error(`${root} is already a team's shared folder.`);
    writeAtomically(
      path,
      Buffer.from(JSON.stringify({ teamId: team.teamId, check: keyCheck(team) })),
    );
  }

  async register(device: DeviceInfo): Promise<void> {
    const teamPath = join(this.root, 'team.json');
    if (!existsSync(teamPath))
      throw new Error(
        `${this.root} cannot be reached or is not a team's shared folder (it has no team.json). Check the drive or stick is connected.`,
      );
    const team = JSON.parse(readFileSync(teamPath, 'utf8')) as { teamId: string; check: string };
    if (team.teamId !== this.team.teamId || team.check !== keyCheck(this.team))
      throw new Error(
        `The shared folder ${this.root} belongs to another team, or this install has the wrong team key. Ask an administrator for a join code.`,
      );
    mkdirSync(this.changesDir(device.deviceId), { recursive: true });
    mkdirSync(join(this.root, 'blobs'), { recursive: true });
    this.writeSealed(
      `devices/${device.deviceId}/device.sealed`,
      Buffer.from(JSON.stringify(device)),
    );
  }

  async push(deviceId: string, changes: SyncChange[]): Promise<void> {
    if (changes.length === 0) return;
    const first = changes[0]!.seq;
    const last = changes[changes.length - 1]!.seq;
    const name = `${pad(first)}-${pad(last)}.sealed`;
    this.writeSealed(
      `devices/${deviceId}/changes/${name}`,
      deflateRawSync(JSON.stringify(changes), { level: 1 }),
    );
    this.compact(deviceId);
  }

  async pull(deviceId: string, cursor: string | null, limit: number): Promise<PullResult> {
    const seen: Record<string, number> = cursor
      ? (JSON.parse(cursor) as Record<string, number>)
      : {};
    const problems: TransportProblem[] = [];
    const out: SyncChange[] = [];
    let more = false;
    for (const device of this.devices()) {
      if (device === deviceId) continue;
      let at = seen[device] ?? 0;
      for (;;) {
        if (out.length >= limit) {
          more = true;
          break;
        }
        let queue = this.buffered.get(device) ?? [];
        queue = queue.filter((c) => c.seq > at);
        if (queue.length === 0 || queue[0]!.seq !== at + 1) {
          const read = this.readNext(device, at, problems);
          if (!read) break;
          queue = mergeQueue(
            queue,
            read.filter((c) => c.seq > at),
          );
          if (queue.length === 0 || queue[0]!.seq !== at + 1) {
            this.buffered.set(device, queue);
            break;
          }
        }
        while (queue.length && queue[0]!.seq === at + 1 && out.length < limit) {
          const c = queue.shift()!;
          out.push(c);
          at = c.seq;
        }
        this.buffered.set(device, queue);
      }
      seen[device] = at;
      if (more) break;
    }
    return { changes: out, cursor: JSON.stringify(seen), more, problems };
  }

  async acknowledge(deviceId: string, cursor: string): Promise<void> {
    this.writeSealed(`devices/${deviceId}/ack.sealed`, Buffer.from(cursor));
  }

  async putBlob(hash: string, bytes: Buffer): Promise<void> {
    const rel = `blobs/${checkHash(hash)}.sealed`;
    if (existsSync(join(this.root, rel))) return;
    this.writeSealed(rel, bytes);
  }

  async getBlob(hash: string): Promise<Buffer | null> {
    const rel = `blobs/${checkHash(hash)}.sealed`;
    const path = join(this.root, rel);
    if (!existsSync(path)) return null;
    let bytes: Buffer;
    try {
      bytes = open(this.team, rel, readFileSync(path));
    } catch {
      return null; // Cut short or altered: as if it had not arrived yet.
    }
    return createHash('sha256').update(bytes).digest('hex') === hash ? bytes : null;
  }

  async hasBlobs(hashes: string[]): Promise<Set<string>> {
    return new Set(
      hashes.filter((h) => existsSync(join(this.root, `blobs/${checkHash(h)}.sealed`))),
    );
  }

  async close(): Promise<void> {
    this.buffered.clear();
  }

  private changesDir(deviceId: string): string {
    return join(this.root, 'devices', deviceId, 'changes');
  }

  private devices(): string[] {
    const dir = join(this.root, 'devices');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((d) => /^[A-Za-z0-9-]+$/.test(d))
      .sort();
  }

  private files(deviceId: string): ChangeFile[] {
    const dir = this.changesDir(deviceId);
    if (!existsSync(dir)) return [];
    const files: ChangeFile[] = [];
    for (const name of readdirSync(dir)) {
      const m = FILE_RE.exec(name);
      if (m) files.push({ first: Number(m[1]), last: Number(m[2]), name });
    }
    return files.sort((a, b) => a.first - b.first || b.last - a.last);
  }

  /** The changes of the first readable file that covers the sequence after `at`. */
  private readNext(device: string, at: number, problems: TransportProblem[]): SyncChange[] | null {
    const candidates = this.files(device).filter((f) => f.first <= at + 1 && f.last > at);
    for (const file of candidates) {
      const rel = `devices/${device}/changes/${file.name}`;
      try {
        const plain = open(this.team, rel, readFileSync(join(this.root, rel)));
        const changes = (JSON.parse(inflateRawSync(plain).toString('utf8')) as unknown[]).map(
          parseChange,
        );
        if (changes.some((c) => c.device !== device || c.seq < file.first || c.seq > file.last))
          throw new Error(`${rel} holds changes that are not its install's or not in its range.`);
        return changes;
      } catch (error) {
        problems.push({
          kind: error instanceof AuthenticationError ? 'unauthenticated' : 'corrupt',
          device,
          message:
            error instanceof AuthenticationError
              ? `${error.message} It was refused; it is tried again at the next sync.`
              : `${rel} could not be read (${error instanceof Error ? error.message : String(error)}); it is tried again at the next sync.`,
        });
      }
    }
    const later = this.files(device).find((f) => f.first > at + 1);
    if (later && candidates.length === 0)
      problems.push({
        kind: 'gap',
        device,
        message: `Waiting for changes ${at + 1}–${later.first - 1} from install ${device}: they have not reached the shared folder yet.`,
      });
    return null;
  }

  /** Merges this install's files into one once every known install has applied them. */
  private compact(deviceId: string): void {
    const files = this.files(deviceId);
    if (files.length < COMPACT_AT) return;
    let everyone = Infinity;
    for (const device of this.devices()) {
      if (device === deviceId) continue;
      const rel = `devices/${device}/ack.sealed`;
      const path = join(this.root, rel);
      if (!existsSync(path)) return;
      try {
        const seen = JSON.parse(
          open(this.team, rel, readFileSync(path)).toString('utf8'),
        ) as Record<string, number>;
        everyone = Math.min(everyone, seen[deviceId] ?? 0);
      } catch {
        return;
      }
    }
    const done = files.filter((f) => f.last <= everyone);
    if (done.length < 2) return;
    const changes: SyncChange[] = [];
    for (const f of done) {
      const rel = `devices/${deviceId}/changes/${f.name}`;
      const plain = open(this.team, rel, readFileSync(join(this.root, rel)));
      changes.push(...(JSON.parse(inflateRawSync(plain).toString('utf8')) as SyncChange[]));
    }
    const merged = mergeQueue([], changes);
    const first = merged[0]!.seq;
    const last = merged[merged.length - 1]!.seq;
    if (last - first + 1 !== merged.length) return; // Never compact across a gap.
    const name = `${pad(first)}-${pad(last)}.sealed`;
    this.writeSealed(
      `devices/${deviceId}/changes/${name}`,
      deflateRawSync(JSON.stringify(merged), { level: 1 }),
    );
    for (const f of done)
      if (f.name !== name) rmSync(join(this.changesDir(deviceId), f.name), { force: true });
  }

  private writeSealed(rel: string, plain: Buffer): void {
    writeAtomically(join(this.root, rel), seal(this.team, rel, plain));
  }
}

function mergeQueue(a: SyncChange[], b: SyncChange[]): SyncChange[] {
  const bySeq = new Map<number, SyncChange>();
  for (const c of a) bySeq.set(c.seq, c);
  for (const c of b) bySeq.set(c.seq, c);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

function pad(n: number): string {
  return String(n).padStart(SEQ_WIDTH, '0');
}

function checkHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('Not a content hash.');
  return hash;
}

/** Temporary name, flushed to disk, then renamed: a reader sees all of the file or none. */
export function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
