import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixedClock } from '../../../src-shared/clock';
import { createBackend } from '../../backend';
import { startHost } from '../../host/server';
import { keyFromEnvironment } from '../../db/database-key';
import { resolveDbPath } from '../../paths';
import { isoInstant, parse, positiveInt, UsageError, type Command } from '../io';

export const hostCommand: Command = {
  name: 'host',
  usage: 'host [--port N] [--db FILE] [--renderer DIR] [--clock ISO]',
  summary: 'Serve the app to a browser on 127.0.0.1 and print its link (Ctrl+C to stop).',
  async run(argv) {
    const { values } = parse(argv, {
      port: { type: 'string' },
      renderer: { type: 'string' },
      clock: { type: 'string' },
    });
    // Every flag is checked before the database opens, so a bad one stops the start, not a save.
    // A fixed, movable clock is for end-to-end tests of deadlines.
    const clock = values.clock ? fixedClock(isoInstant(values.clock, 'clock')) : undefined;
    const port = positiveInt(values.port, 'port', 0, 65_535);
    const rendererDir = resolve(values.renderer ?? 'out/renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new UsageError(
        `There is no built app in ${rendererDir}: run "npx electron-vite build" first, or name the folder with --renderer.`,
      );
    }
    const dbPath = resolveDbPath(values.db);
    const backend = await createBackend({
      dbPath,
      key: keyFromEnvironment(process.env, values['key-file']),
      keyProtection: 'given to the command line (a key file or $INVOLVEMENT_DESK_KEY)',
      // A host run with a fixed clock is a test: its backups are taken when asked.
      autoBackups: clock ? false : {},
      ...(clock ? { clock } : {}),
    });
    const host = await startHost({
      backend,
      rendererDir,
      port,
      ...(clock ? { clockControl: clock } : {}),
    });
    console.log(`Involvement Desk is serving ${dbPath}`);
    console.log(`Open ${host.url}`);
    await new Promise<void>((stop) => {
      process.once('SIGINT', () => stop());
      process.once('SIGTERM', () => stop());
    });
    await host.close();
    await backend.close();
  },
};
