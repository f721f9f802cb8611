import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { syncWith } from '../../sync/engine';
import {
  createTeamFolder,
  folderTransport,
  joinTeamFolder,
  savedFolder,
} from '../../sync/folder/folder-settings';
import { connectHub } from '../../sync/hub-transport';
import { parseHubUrl } from '../../sync/hub/settings';
import type { SyncTransport } from '../../sync/transport';
import { openSession, parse, UsageError, type CliSession, type Command } from '../io';

/** Syncs through the transport and prints what was sent, received and left to a person. */
async function report(session: CliSession, transport: SyncTransport): Promise<void> {
  const started = performance.now();
  let report;
  try {
    report = await syncWith({ ...session.backend.context }, transport, {
      deviceName: 'Command line',
    });
  } finally {
    await transport.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Sent ${report.sent} changes and received ${report.received} (${report.alreadyHad} already here) in ${seconds} s.`,
  );
  if (report.blobsSent || report.blobsReceived)
    console.log(`Attachments: ${report.blobsSent} sent, ${report.blobsReceived} received.`);
  if (report.blobsWaiting) console.log(`${report.blobsWaiting} attachments are waiting to arrive.`);
  if (report.pending)
    console.log(
      `${report.pending} changes come from a newer version of the app and wait until this one is updated.`,
    );
  console.log(
    `Left in conflict: ${report.conflicts}. Possible duplicate people to review: ${report.duplicatePeople}.`,
  );
  for (const r of report.refused) console.log(`Refused: ${r.message}`);
  for (const p of report.problems) console.log(`Problem: ${p.message}`);
}

export const syncCommand: Command = {
  name: 'sync',
  usage:
    'sync --folder PATH [--join CODE | --new-team] | --hub postgres://USER:PASS@HOST:PORT/DB [--db FILE]',
  summary:
    "Send this install's changes to the team's shared folder or PostgreSQL hub and apply everyone else's; --new-team makes a folder and prints its join code, --join joins one.",
  async run(argv) {
    const { values } = parse(argv, {
      folder: { type: 'string' },
      hub: { type: 'string' },
      join: { type: 'string' },
      'new-team': { type: 'boolean' },
    });
    if (!values.folder === !values.hub)
      throw new UsageError(
        'Name the shared folder with --folder PATH, or the hub with --hub postgres://…, not both.',
      );
    const session = await openSession(values.db);
    try {
      const raw = session.backend.context.raw;
      if (values.hub) {
        await report(session, await connectHub(parseHubUrl(values.hub)));
        return;
      }
      const folder = values.folder!;
      if (values['new-team']) {
        const code = createTeamFolder(raw, folder);
        console.log(
          `Made the team's shared folder at ${folder}. Join code for other installs:\n  ${code}`,
        );
      } else if (values.join) {
        joinTeamFolder(raw, folder, values.join);
      } else if (!savedFolder(raw)) {
        throw new UsageError(
          existsSync(join(folder, 'team.json'))
            ? 'This install has not joined that folder: add --join CODE with the code an administrator gave you.'
            : 'That folder is not a team folder yet: an administrator makes it with --new-team.',
        );
      }
      await report(session, folderTransport(raw, folder));
    } finally {
      await session.close();
    }
  },
};
