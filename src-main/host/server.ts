import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Backend } from '../backend';
import { LOCAL_SESSION } from '../services/session/session';
import { contentSecurityPolicy } from '../security';

const MAX_BODY_BYTES = 60 * 1024 * 1024;
const COOKIE = 'involvement_desk_token';
/**
 * Each browser gets its own session, so two people using one host each have
 * their own signed-in profile. A caller with the bearer token may name its
 * session in this header (the browser tests share the page's); one that names
 * none acts in the install's local session, as the command line does.
 */
const SESSION_COOKIE = 'involvement_desk_session';
const SESSION_HEADER = 'x-involvement-session';
const SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Lets end-to-end tests move the clock (POST /__clock {"now": iso}). Never set in normal use. */
  clockControl?: { set(iso: string): void };
}

export interface Host {
  server: Server;
  /** Open this in a browser: it carries the run's token, which the host swaps for a cookie. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the same contract over HTTP, on 127.0.0.1
 * only, for end-to-end tests and for using the app from a browser. Every API
 * call must carry this run's random token (cookie or bearer header).
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Host request failed:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      if (!authorised(req))
        return sendJson(res, 401, {
          ok: false,
          error: {
            code: 'unauthenticated',
            message: 'This browser session has no valid token. Open the link the host printed.',
            fields: [],
          },
        });
      const session = clientSession(req);
      if (!session)
        return sendJson(res, 401, {
          ok: false,
          error: {
            code: 'unauthenticated',
            message:
              'This browser has no session of its own. Open the link the host printed again.',
            fields: [],
          },
        });
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const body = await readBody(req);
      if (body === null)
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'invalid', message: 'The request is too large.', fields: [] },
        });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid', message: 'The request body is not valid JSON.', fields: [] },
        });
      }
      const result = await options.backend.call(method, input, { session });
      return sendJson(res, 200, result);
    }

    if (url.pathname === '/__clock' && options.clockControl && req.method === 'POST') {
      if (!authorised(req)) return send(res, 401, 'text/plain; charset=utf-8', 'No valid token.');
      const body = await readBody(req);
      const now = (JSON.parse(body?.toString('utf8') || '{}') as { now?: string }).now;
      if (!now || Number.isNaN(Date.parse(now)))
        return send(res, 400, 'text/plain; charset=utf-8', 'Give {"now": "<ISO date-time>"}.');
      options.clockControl.set(now);
      return sendJson(res, 200, { ok: true, value: now });
    }

    // The printed link carries the token once; from then on a cookie does.
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!safeEqual(offered, token))
        return send(res, 401, 'text/plain; charset=utf-8', 'That link has an invalid token.');
      const session = cookieValue(req, SESSION_COOKIE);
      res.setHeader('Set-Cookie', [
        `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        `${SESSION_COOKIE}=${session && SESSION_PATTERN.test(session) ? session : randomBytes(18).toString('base64url')}; HttpOnly; SameSite=Strict; Path=/`,
      ]);
      res.statusCode = 303;
      res.setHeader('Location', '/');
      return void res.end();
    }
    serveStatic(url.pathname, res);
  }

  function authorised(req: IncomingMessage): boolean {
    const given = bearerToken(req) ?? cookieValue(req, COOKIE);
    return given !== undefined && safeEqual(given, token);
  }

  /** The calling browser's own session; a bearer caller's named one, or the local session. */
  function clientSession(req: IncomingMessage): string | null {
    const named = req.headers[SESSION_HEADER];
    const session =
      (typeof named === 'string' ? named : undefined) ?? cookieValue(req, SESSION_COOKIE);
    if (session && SESSION_PATTERN.test(session)) return `browser-${session}`;
    return bearerToken(req) !== undefined ? LOCAL_SESSION : null;
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, relative || 'index.html');
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir)
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html');
    if (!existsSync(file))
      return send(
        res,
        500,
        'text/plain; charset=utf-8',
        `The renderer has not been built: run "npm run build" first.`,
      );
    res.statusCode = 200;
    res.setHeader('Content-Type', mimeTypes[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function bearerToken(req: IncomingMessage): string | undefined {
  return req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  return req.headers.cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        done(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
