import { ApiError } from '../../src-shared/errors';
import { backupCommand, restoreCommand } from './commands/backup';
import { boardPackCommand } from './commands/board-pack';
import { exportCommand, importCommand } from './commands/customer-transfer';
import { demoCommand } from './commands/demo';
import { fusesCommand } from './commands/fuses';
import { hostCommand } from './commands/host';
import { syncCommand } from './commands/sync';
import { UsageError, type Command } from './io';

/** Every command, by name: add a command here. */
const commands: Command[] = [
  demoCommand,
  hostCommand,
  backupCommand,
  restoreCommand,
  importCommand,
  exportCommand,
  boardPackCommand,
  fusesCommand,
  syncCommand,
];

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "The database is --db FILE, else $INVOLVEMENT_DESK_DB, else the app's own in your user data folder.",
    'Its key is --key-file FILE (readable by you only), else $INVOLVEMENT_DESK_KEY_FILE, else $INVOLVEMENT_DESK_KEY (64 hex characters).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof ApiError) {
      console.error(error.message);
      for (const field of error.fields)
        console.error(`  ${field.path || 'input'}: ${field.message}`);
      return 1;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
