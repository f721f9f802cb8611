import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/errors';
import { getState, setState } from '../state';
import { FolderTransport } from './folder-transport';
import { joinCode, newTeamKey, parseJoinCode, type TeamKey } from './team-key';

interface SavedFolder {
  root: string;
  teamId: string;
  key: string;
}

/** The folder this install syncs with, and the team's key it holds (kept in its own database). */
export function savedFolder(raw: Database.Database): { root: string; team: TeamKey } | null {
  const saved = getState<SavedFolder>(raw, 'folder');
  return saved
    ? { root: saved.root, team: { teamId: saved.teamId, key: Buffer.from(saved.key, 'base64') } }
    : null;
}

function save(raw: Database.Database, root: string, team: TeamKey): void {
  setState(raw, 'folder', {
    root,
    teamId: team.teamId,
    key: team.key.toString('base64'),
  } satisfies SavedFolder);
}

/** An administrator makes a team's shared folder; the join code is what every other install is given. */
export function createTeamFolder(raw: Database.Database, path: string): string {
  const root = resolve(path);
  if (existsSync(`${root}/team.json`))
    throw ApiError.invalid(
      `${root} is already a team's shared folder: join it with its join code.`,
      [{ path: 'path', message: 'Already a shared folder.' }],
    );
  const team = newTeamKey();
  FolderTransport.create(root, team);
  save(raw, root, team);
  return joinCode(team);
}

/** Joins a team's folder with the code an administrator gave. */
export function joinTeamFolder(raw: Database.Database, path: string, code: string): void {
  let team: TeamKey;
  try {
    team = parseJoinCode(code);
  } catch (error) {
    throw ApiError.invalid((error as Error).message, [
      { path: 'joinCode', message: 'Not a join code.' },
    ]);
  }
  save(raw, resolve(path), team);
}

export function folderTransport(raw: Database.Database, path?: string): FolderTransport {
  const saved = savedFolder(raw);
  if (!saved)
    throw new ApiError(
      'unavailable',
      'This install has not joined a shared folder yet: join one with the code an administrator gives you.',
    );
  if (path && resolve(path) !== saved.root) save(raw, resolve(path), saved.team);
  return new FolderTransport({ root: path ? resolve(path) : saved.root, team: saved.team });
}
