import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/*
 * The team's key: every file in the shared folder is sealed with it
 * (AES-256-GCM from Node's crypto), bound to its path inside the folder, so
 * a file that was altered, cut short, or moved from one install's folder to
 * another's fails authentication and is refused.
 */

const MAGIC = Buffer.from('IDSYNC1\n');
const NONCE = 12;
const TAG = 16;

export interface TeamKey {
  teamId: string;
  key: Buffer;
}

export class AuthenticationError extends Error {
  constructor(readonly path: string) {
    super(
      `${path} failed authentication with the team's key: it was altered, cut short or sealed with another team's key.`,
    );
    this.name = 'AuthenticationError';
  }
}

export function newTeamKey(): TeamKey {
  return { teamId: randomBytes(8).toString('hex'), key: randomBytes(32) };
}

/** A join code an administrator gives a new install: the team and its key, in one line. */
export function joinCode(team: TeamKey): string {
  return `IDJ1-${team.teamId}-${team.key.toString('base64url')}`;
}

export function parseJoinCode(code: string): TeamKey {
  const match = /^IDJ1-([0-9a-f]{16})-([A-Za-z0-9_-]{43})$/.exec(code.trim());
  if (!match)
    throw new Error('That is not a join code: it starts IDJ1- and is given by an administrator.');
  return { teamId: match[1]!, key: Buffer.from(match[2]!, 'base64url') };
}

/** What the folder's team.json holds: enough to tell a wrong key at once, nothing to find the key from. */
export function keyCheck(team: TeamKey): string {
  return createHmac('sha256', team.key)
    .update(`involvement-desk-team:${team.teamId}`)
    .digest('hex');
}

export function seal(team: TeamKey, path: string, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', team.key, nonce);
  cipher.setAAD(Buffer.from(`${team.teamId}/${path}`));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

export function open(team: TeamKey, path: string, sealed: Buffer): Buffer {
  if (sealed.length < MAGIC.length + NONCE + TAG || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
    throw new AuthenticationError(path);
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE);
  const tag = sealed.subarray(sealed.length - TAG);
  const body = sealed.subarray(MAGIC.length + NONCE, sealed.length - TAG);
  const decipher = createDecipheriv('aes-256-gcm', team.key, nonce);
  decipher.setAAD(Buffer.from(`${team.teamId}/${path}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AuthenticationError(path);
  }
}
