import { readFile as readFileFromDisk } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME, parseUrl } from './appOrigin';
import { mimeTypeFor } from './mimeTypes';

/** The part of a protocol request the handler reads. */
export interface AppProtocolRequest {
  readonly url: string;
  readonly method: string;
}

/** Reads a file's bytes (node's readFile; Electron's also reads inside app.asar). */
export type ReadFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

/** Headers on every response of the app scheme, the CSP first of all. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Maps an `app://relevant/...` URL to a file inside `rendererRoot`, or null when the URL
 * is for another host or would leave the folder (`..`, encoded `%2e%2e%2f`, backslashes,
 * NUL bytes, absolute or drive paths).
 */
export function resolveRendererFile(rendererRoot: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  const escapes =
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${path.sep}`) ||
    path.isAbsolute(fromRoot);
  return escapes ? null : file;
}

/** A response carrying the security headers. */
function respond(
  body: Uint8Array<ArrayBuffer> | string | null,
  status: number,
  contentType: string,
): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentType },
  });
}

/** Whether a path looks like an in-app route (no file extension), served by index.html. */
function isRoute(url: string): boolean {
  const pathname = parseUrl(url)?.pathname ?? '';
  return path.posix.extname(pathname) === '';
}

/**
 * The handler for `protocol.handle('app', ...)`: serves the built renderer from
 * `rendererRoot` with the right Content-Type and the app's CSP on every response.
 */
export function createAppProtocolHandler(
  rendererRoot: string,
  readFile: ReadFile = readFileFromDisk,
): (request: AppProtocolRequest) => Promise<Response> {
  const load = async (file: string): Promise<Response | null> => {
    try {
      return respond(await readFile(file), 200, mimeTypeFor(file));
    } catch {
      return null;
    }
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond('Method not allowed', 405, 'text/plain; charset=utf-8');
    }
    const file = resolveRendererFile(rendererRoot, request.url);
    if (!file) return respond('Forbidden', 403, 'text/plain; charset=utf-8');
    const found = await load(file);
    if (found) return found;
    // A reload on an in-app route gets the app itself; a missing asset stays missing.
    const app = isRoute(request.url) ? await load(path.join(rendererRoot, 'index.html')) : null;
    return app ?? respond('Not found', 404, 'text/plain; charset=utf-8');
  };
}
