import { resolve } from 'node:path';
import { fixedClock } from '../../../src-shared/clock';
import { createBackend } from '../../backend';
import { startHost } from '../../host/server';
import { resolveDbPath } from '../../paths';
import { parse, positiveInt, type Command } from '../io';

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
    const dbPath = resolveDbPath(values.db);
    // A fixed, movable clock is for end-to-end tests of deadlines.
    const clock = values.clock ? fixedClock(values.clock) : undefined;
    const backend = await createBackend({ dbPath, ...(clock ? { clock } : {}) });
    const host = await startHost({
      backend,
      rendererDir: resolve(values.renderer ?? 'out/renderer'),
      port: positiveInt(values.port, 'port', 0),
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
