import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writing, type CallContext } from '../../../src-main/services/context';
import { FolderTransport } from '../../../src-main/sync/folder/folder-transport';
import { newTeamKey, type TeamKey } from '../../../src-main/sync/folder/team-key';
import { syncWith, type SyncOptions } from '../../../src-main/sync/engine';
import { openTestApp, type TestApp } from '../../support/temp-db';

export interface Replica {
  app: TestApp;
  ctx: CallContext;
  sync(options?: SyncOptions): ReturnType<typeof syncWith>;
}

export function sharedFolder(): { root: string; team: TeamKey } {
  const root = join(mkdtempSync(join(tmpdir(), 'involvement-desk-share-')), 'team');
  const team = newTeamKey();
  FolderTransport.create(root, team);
  return { root, team };
}

export async function replica(
  folder: { root: string; team: TeamKey },
  clock = '2026-11-23T10:00:00.000Z',
): Promise<Replica> {
  const app = await openTestApp({ clock });
  const ctx = await app.ctx();
  return {
    app,
    ctx,
    async sync(options) {
      const transport = new FolderTransport(folder);
      try {
        return await syncWith(ctx, transport, options);
      } finally {
        await transport.close();
      }
    },
  };
}

export function newCustomer(
  r: Replica,
  first: string,
  last: string,
  extra: Record<string, unknown> = {},
) {
  return writing(r.ctx, (w) =>
    w.create('customers', { first_name: first, last_name: last, ...extra } as never),
  );
}

export function edit(r: Replica, table: string, id: string, patch: Record<string, unknown>) {
  return writing(r.ctx, (w) => w.update(table as 'customers', id, patch as never));
}
