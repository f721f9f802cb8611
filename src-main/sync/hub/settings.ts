import { z } from 'zod';
import { ApiError, type FieldIssue } from '../../../src-shared/errors';

/** How an install reaches the team's PostgreSQL hub. */
export interface HubSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  /** Unset: on (verify-full) for any host but this computer, off for this computer. */
  tls?: 'require' | 'verify-full' | 'off';
}

export const hubTlsModes = ['require', 'verify-full', 'off'] as const;

export const hubSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the hub server’s name or address.')
    .max(255, 'The server name is too long.'),
  port: z
    .number({ message: 'The port must be a number.' })
    .int('The port must be a whole number.')
    .min(1, 'The port must be between 1 and 65535.')
    .max(65535, 'The port must be between 1 and 65535.'),
  database: z
    .string()
    .trim()
    .min(1, 'Enter the name of the hub’s database.')
    .max(63, 'PostgreSQL database names are at most 63 characters.'),
  user: z
    .string()
    .trim()
    .min(1, 'Enter the hub user name this install signs in as.')
    .max(63, 'PostgreSQL user names are at most 63 characters.'),
  password: z.string().max(1000, 'The password is too long.').optional(),
  tls: z
    .enum(hubTlsModes, { message: 'TLS must be "require", "verify-full" or "off".' })
    .optional(),
}) satisfies z.ZodType<HubSettings>;

/** This computer: a loopback address, `localhost`, or a Unix socket folder. */
export function isLocalHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(h) ||
    h.startsWith('/')
  );
}

/**
 * The TLS mode actually used. Certificates are checked (verify-full) unless
 * someone chose otherwise, because hub traffic carries tenants' personal data
 * across the organisation's network; only a hub on this very computer may go
 * without.
 */
export function effectiveTls(settings: HubSettings): 'require' | 'verify-full' | 'off' {
  return settings.tls ?? (isLocalHost(settings.host) ? 'off' : 'verify-full');
}

function fieldsOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Checks settings typed into the app or read back from storage. */
export function parseHubSettings(input: unknown): HubSettings {
  const parsed = hubSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldsOf(parsed.error);
    throw ApiError.invalid(
      `The hub settings are not complete: ${fields.map((f) => f.message).join(' ')}`,
      fields,
    );
  }
  return parsed.data;
}

const SSLMODES: Record<string, HubSettings['tls']> = {
  disable: 'off',
  require: 'require',
  'verify-ca': 'verify-full',
  'verify-full': 'verify-full',
};

/**
 * Reads `postgres://user:password@host:port/database?sslmode=…`, as given to
 * `sync --hub`. `prefer` and `allow` are refused rather than guessed at: they
 * quietly fall back to an unencrypted connection, which is exactly what a hub
 * holding tenants' data must not do without someone choosing it.
 */
export function parseHubUrl(text: string): HubSettings {
  const bad = (message: string, path = 'url') => ApiError.invalid(message, [{ path, message }]);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw bad(
      'The hub address is not a valid URL: write it as postgres://user:password@host:5432/database.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw bad(
      `The hub address must start with postgres://, not ${url.protocol}//: write it as postgres://user:password@host:5432/database.`,
    );
  const decode = (part: string, path: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw bad(`The ${path} in the hub address has a broken %-escape.`, path);
    }
  };
  const params = url.searchParams;
  for (const key of params.keys())
    if (key !== 'sslmode')
      throw bad(`The hub address has a setting this app does not use: "${key}".`, key);
  let tls: HubSettings['tls'];
  const sslmode = params.get('sslmode');
  if (sslmode !== null) {
    tls = SSLMODES[sslmode];
    if (!tls)
      throw bad(
        `sslmode=${sslmode} is not supported: use sslmode=verify-full (check the server’s certificate), sslmode=require (encrypt only) or sslmode=disable (no TLS, for a hub on this computer).`,
        'tls',
      );
  }
  const portText = url.port || '5432';
  const settings: Record<string, unknown> = {
    host: decode(url.hostname, 'host').replace(/^\[|\]$/g, ''),
    port: Number(portText),
    database: decode(url.pathname.replace(/^\//, ''), 'database'),
    user: decode(url.username, 'user'),
  };
  if (url.password) settings.password = decode(url.password, 'password');
  if (tls) settings.tls = tls;
  return parseHubSettings(settings);
}

/** The address without its password, for messages and logs. */
export function describeHub(settings: HubSettings): string {
  return `${settings.host}:${settings.port}/${settings.database}`;
}
