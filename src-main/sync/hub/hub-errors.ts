import { ApiError, type ApiErrorCode, type FieldIssue } from '../../../src-shared/errors';
import { describeHub, type HubSettings } from './settings';

/**
 * Why the hub could not be used, for the sync job to act on (retry later when
 * unreachable, ask for new settings on authentication or TLS, tell the person
 * to update when too old) without reading the message.
 */
export type HubProblem =
  | 'unreachable'
  | 'authentication'
  | 'tls_required'
  | 'tls_unavailable'
  | 'certificate'
  | 'not_allowed'
  | 'database_missing'
  | 'schema_missing'
  | 'schema_newer'
  | 'install_too_old'
  | 'not_registered'
  | 'device_taken'
  | 'sequence_clash'
  | 'blob_damaged'
  | 'invalid';

export class HubError extends ApiError {
  readonly problem: HubProblem;

  constructor(problem: HubProblem, code: ApiErrorCode, message: string, fields: FieldIssue[] = []) {
    super(code, message, fields);
    this.name = 'HubError';
    this.problem = problem;
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  constraint?: string;
  hint?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOENT', // a Unix socket folder with no server in it
]);

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Turns what pg or the server threw into a sentence an officer or the hub's
 * administrator can act on. Anything not recognised keeps the server's own
 * words, prefixed with where it came from, rather than a bare "internal".
 */
export function hubError(error: unknown, settings: HubSettings): Error {
  if (error instanceof ApiError) return error;
  const e = (error ?? {}) as PgLikeError;
  const text = e.message ?? String(error);
  const where = `${settings.host} port ${settings.port}`;
  const code = e.code ?? '';

  if (
    NETWORK_CODES.has(code) ||
    /timeout expired|connection timeout|Connection terminated unexpectedly/i.test(text)
  )
    return new HubError(
      'unreachable',
      'unavailable',
      `Cannot reach the hub at ${where}. Check the server name and port, and that this computer is on the organisation’s network; changes made here are kept and go up at the next sync.`,
      [
        { path: 'host', message: `No answer from ${where}.` },
        { path: 'port', message: `No answer from ${where}.` },
      ],
    );
  if (CERTIFICATE_CODES.has(code))
    return new HubError(
      'certificate',
      'unavailable',
      `The hub at ${where} offered a TLS certificate this computer cannot verify (${text}). Ask the hub’s administrator for a certificate from an authority this computer trusts, or set TLS to "require" to encrypt without checking the server’s identity.`,
      [{ path: 'tls', message: 'The server’s certificate could not be verified.' }],
    );
  if (/does not support SSL/i.test(text))
    return new HubError(
      'tls_unavailable',
      'unavailable',
      `The hub at ${where} does not accept TLS connections, and these settings require TLS. Ask the hub’s administrator to switch TLS on; set TLS off only for a hub on this computer.`,
      [{ path: 'tls', message: 'The server does not offer TLS.' }],
    );
  if (code === '28P01' || /password authentication failed|no password was provided/i.test(text))
    return new HubError(
      'authentication',
      'unavailable',
      `The hub at ${where} refused the user name or password for "${settings.user}". Check them with the hub’s administrator.`,
      [
        { path: 'user', message: 'The user name or password was refused.' },
        { path: 'password', message: 'The user name or password was refused.' },
      ],
    );
  if (code === '28000' && /no encryption/i.test(text))
    return new HubError(
      'tls_required',
      'unavailable',
      `The hub at ${where} accepts only TLS connections from this computer. Set TLS to "verify-full" (or "require") in the hub settings.`,
      [{ path: 'tls', message: 'The server requires TLS.' }],
    );
  if (code === '28000')
    return new HubError(
      'not_allowed',
      'unavailable',
      `The hub at ${where} does not accept connections from this computer as "${settings.user}" (${text}). Ask the hub’s administrator to allow it.`,
      [{ path: 'user', message: 'The server does not allow this user from this computer.' }],
    );
  if (code === '3D000')
    return new HubError(
      'database_missing',
      'unavailable',
      `The hub server at ${where} has no database called "${settings.database}". Check the database name with the hub’s administrator.`,
      [{ path: 'database', message: `No database called "${settings.database}".` }],
    );
  if (code === '42P01' || code === '3F000')
    return new HubError(
      'schema_missing',
      'unavailable',
      `The hub database ${describeHub(settings)} has not been set up for Involvement Desk yet. Ask the hub’s administrator to run the hub migration as the hub’s owner.`,
    );
  if (code === '42501')
    return new HubError(
      'not_allowed',
      'forbidden',
      `The hub user "${settings.user}" is not allowed to do this at ${describeHub(settings)} (${text}). Installs sign in as members of the role involvement_hub_install; ask the hub’s administrator.`,
      [{ path: 'user', message: 'This hub user lacks the needed permission.' }],
    );
  if (code === '42704' && e.hint)
    return new HubError('schema_missing', 'unavailable', `${text} ${e.hint}`);
  return new HubError(
    'invalid',
    'internal',
    `The hub at ${describeHub(settings)} reported: ${text}`,
  );
}
