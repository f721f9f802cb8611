import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './security';

/**
 * The built app is served from its own scheme, `app://involvement-desk/`,
 * instead of file://. A file:// page may read any file the user can (and
 * every file:// page shares one origin); this scheme serves only the files of
 * the built renderer folder, each with its type and the app's
 * Content-Security-Policy as a header. Kept free of Electron imports so that
 * the tests can prove every refusal.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'involvement-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready: a standard scheme (so relative links
 * and origins work as on the web) that counts as secure, like https. Nothing
 * more: no CORS bypass, no service workers, no streaming.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The type a file is served as; one we do not know is served as bytes, never sniffed. */
export function mimeTypeFor(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFile = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file in the renderer folder that a URL names, or why there is none.
 * Refuses other hosts, `..` and encoded `..` (%2e%2e, %2f, %5c), NUL bytes,
 * folders, and symbolic links that lead outside the folder.
 */
export function resolveAppFile(rendererDir: string, url: string): AppFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  if (path.split('/').some((segment) => segment === '..')) return { ok: false, status: 403 };

  const root = resolve(rendererDir);
  const candidate = resolve(root, `.${path}`);
  if (!inside(root, candidate)) return { ok: false, status: 403 };
  try {
    // A link inside the folder must not lead out of it.
    const real = realpathSync(candidate);
    if (!inside(realpathSync(root), real)) return { ok: false, status: 403 };
    if (!statSync(real).isFile()) return { ok: false, status: 404 };
    return { ok: true, path: real };
  } catch {
    return { ok: false, status: 404 };
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

const statusText: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
};

/** Answers one request of the app scheme: a file of the renderer folder, or a plain refusal. */
export async function serveAppFile(
  rendererDir: string,
  request: Pick<Request, 'url' | 'method'>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return refusal(405, { Allow: 'GET, HEAD' });
  const file = resolveAppFile(rendererDir, request.url);
  if (!file.ok) return refusal(file.status);
  const body = request.method === 'HEAD' ? null : await readFile(file.path);
  return new Response(body, {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': mimeTypeFor(file.path) },
  });
}

function refusal(status: number, extra: Record<string, string> = {}): Response {
  return new Response(statusText[status] ?? 'Refused', {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
