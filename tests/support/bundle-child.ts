import { KEY_ENV } from '../../src-main/db/database-key';
import { TEST_KEY_HEX } from './temp-db';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(join(root, 'package.json'));

/**
 * The environment to start a bundled child with: V8's compiled code for the
 * bundle is kept beside it after the first start, so the others skip most of
 * the compiling.
 */
export function childEnv(bundle: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    [KEY_ENV]: TEST_KEY_HEX,
    NODE_COMPILE_CACHE: join(dirname(bundle), 'compile-cache'),
  };
}

/**
 * Bundles a child process's script into one file, so that a test can start
 * it a hundred times at about 80 ms each (through tsx, each start would
 * transpile the app again and load whole packages such as date-fns: 2 to 3
 * seconds). The SQLite drivers stay outside the bundle, loaded from the
 * app's own node_modules, since they carry native code.
 */
export async function bundleChild(entry: string, outFile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Less to parse at each of a hundred starts.
    minify: true,
    absWorkingDir: root,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'native-drivers-outside',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3(-multiple-ciphers)?$/ }, (args) => ({
            path: require.resolve(args.path),
            external: true,
          }));
        },
      },
    ],
  });
  return outFile;
}
