import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { HUB_INSTALL_ROLE } from '../../src-main/sync/hub/hub-schema';
import type { HubSettings } from '../../src-main/sync/hub/settings';

/**
 * A real, throwaway PostgreSQL cluster for the hub's tests and bench:
 * initdb into a temporary folder, a server on a free loopback port (and a
 * socket in the same folder), stopped and deleted afterwards. When run as root
 * (CI is), the server runs as the `postgres` user the Debian package creates,
 * or `nobody`, since PostgreSQL refuses to run as root.
 */
export interface TestPostgres {
  host: string;
  port: number;
  /** The hub's database, owned by `hub_owner`. */
  database: string;
  owner: HubSettings;
  superuser: HubSettings;
  /** A new install login, member of the install role. */
  addInstall(user: string): Promise<HubSettings>;
  /** Runs SQL as the superuser in the hub's database. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

export const OWNER_PASSWORD = 'owner pass phrase';
const SUPERUSER_PASSWORD = 'superuser pass phrase';

/** The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = found.stdout.trim();
  if (found.status === 0 && onPath) {
    const real = execFileSync('readlink', ['-f', onPath], { encoding: 'utf8' }).trim();
    return real.replace(/\/initdb$/, '');
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0)
      return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error(
    'PostgreSQL will not run as root, and there is no postgres or nobody user to run it as.',
  );
}

export interface StartOptions {
  /** Keep fsync and synchronous commit on (for figures); off by default for speed. */
  durable?: boolean;
  /** pg_hba.conf lines put before the defaults, e.g. to demand TLS of one user. */
  hbaFirst?: string[];
  /** Serve TLS with a self-signed certificate for localhost (made with openssl). */
  tls?: boolean;
}

export async function startPostgres(options: StartOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin): apt-get install postgresql.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'hub-pg-'));
  const data = join(dir, 'data');
  const runAs = unprivilegedUser();
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n');
  if (runAs) {
    chownSync(dir, runAs.uid, runAs.gid);
    chownSync(pwfile, runAs.uid, runAs.gid);
  }
  chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = runAs
      ? ['runuser', ['-u', runAs.name, '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (result.status !== 0)
      throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  // Synchronous, so it also runs from the exit hook when a test run is cut short.
  const kill = () => {
    if (existsSync(join(data, 'postmaster.pid')))
      spawnSync(
        runAs ? 'runuser' : join(bin, 'pg_ctl'),
        [
          ...(runAs ? ['-u', runAs.name, '--', join(bin, 'pg_ctl')] : []),
          '-D',
          data,
          '-m',
          'immediate',
          '-w',
          'stop',
        ],
        { stdio: 'ignore', timeout: 30_000 },
      );
    cleanup();
  };
  process.once('exit', kill);
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    if (options.hbaFirst?.length) {
      const hba = join(data, 'pg_hba.conf');
      const lines = readFileSync(hba, 'utf8');
      writeFileSync(hba, options.hbaFirst.join('\n') + '\n' + lines);
    }
    const tlsConf: string[] = [];
    if (options.tls) {
      const key = join(data, 'server.key');
      const crt = join(data, 'server.crt');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '3650',
          '-subj',
          '/CN=localhost',
          '-keyout',
          key,
          '-out',
          crt,
        ],
        { stdio: 'ignore' },
      );
      chmodSync(key, 0o600);
      if (runAs) {
        chownSync(key, runAs.uid, runAs.gid);
        chownSync(crt, runAs.uid, runAs.gid);
      }
      tlsConf.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
    }
    const conf = [
      ...tlsConf,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'max_connections = 60',
      'shared_buffers = 64MB',
      "log_min_messages = 'warning'",
      ...(options.durable
        ? []
        : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
    ];
    appendFileSync(join(data, 'postgresql.conf'), conf.join('\n') + '\n');
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', [
          '-D',
          data,
          '-o',
          `-p ${port}`,
          '-l',
          join(dir, 'server.log'),
          '-w',
          '-t',
          '30',
          'start',
        ]);
        break;
      } catch (e) {
        if (attempt >= 2) {
          const log = join(dir, 'server.log');
          const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
          throw new Error(`${(e as Error).message}\nServer log:\n${tail}`, { cause: e });
        }
      }
    }
    const host = '127.0.0.1';
    const superuser: HubSettings = {
      host,
      port,
      database: 'postgres',
      user: 'postgres',
      password: SUPERUSER_PASSWORD,
      tls: 'off',
    };
    const admin = new pg.Client(superuser);
    await admin.connect();
    await admin.query(`CREATE ROLE hub_owner LOGIN PASSWORD '${OWNER_PASSWORD}'`);
    await admin.query(`CREATE ROLE ${HUB_INSTALL_ROLE} NOLOGIN`);
    // FILE_COPY: much quicker than logging the template's every page (PostgreSQL 15's default).
    await admin
      .query('CREATE DATABASE hub OWNER hub_owner STRATEGY FILE_COPY')
      .catch(() => admin.query('CREATE DATABASE hub OWNER hub_owner'));
    await admin.end();
    const hubAdmin = new pg.Pool({ ...superuser, database: 'hub', max: 2 });
    hubAdmin.on('error', () => undefined);
    const owner: HubSettings = {
      host,
      port,
      database: 'hub',
      user: 'hub_owner',
      password: OWNER_PASSWORD,
    };
    return {
      host,
      port,
      database: 'hub',
      owner,
      superuser: { ...superuser, database: 'hub' },
      async addInstall(user) {
        const password = `${user} pass phrase`;
        await hubAdmin.query(
          `CREATE ROLE "${user}" LOGIN PASSWORD '${password}' IN ROLE ${HUB_INSTALL_ROLE}`,
        );
        return { host, port, database: 'hub', user, password };
      },
      query: (text, values) => hubAdmin.query(text, values),
      async stop() {
        await hubAdmin.end().catch(() => undefined);
        process.off('exit', kill);
        kill();
      },
    };
  } catch (e) {
    // A half-started server must not outlive the test run.
    process.off('exit', kill);
    kill();
    throw e;
  }
}
