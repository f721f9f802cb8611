import { resolve } from 'node:path';
import { electronBinaryPath, electronPackageDir } from '../check-electron';
import { flipAppFuses } from '../flip-fuses';
import { parse, UsageError, type Command } from '../io';

export const fusesCommand: Command = {
  name: 'fuses',
  usage: 'fuses [PROGRAM] [--packaged]',
  summary:
    "Switch off the Electron features the app never uses in Electron's program (default: the downloaded one); --packaged also turns on the ASAR checks.",
  async run(argv) {
    const { values, positionals } = parse(argv, { packaged: { type: 'boolean' } });
    const binary =
      positionals[0] ??
      electronBinaryPath(electronPackageDir(resolve(import.meta.dirname, '../../..')), process.env);
    if (!binary) throw new UsageError("Electron's program was not found: name it.");
    const outcome = await flipAppFuses(binary, values.packaged === true);
    console.log(`Electron's fuses ${outcome === 'flipped' ? 'set' : 'already set'} on ${binary}.`);
  },
};
