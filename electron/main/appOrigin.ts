/**
 * The app's own origin. The renderer is served from `app://relevant/`, a privileged custom
 * scheme, so that IPC senders and navigations can be checked against one exact origin.
 */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';

/** The one host of the app scheme. */
export const APP_HOST = 'relevant';

/** The renderer's origin, as seen in sender frames and navigations. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged`, to be registered before `ready`. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Parses a URL, or returns null when it is not one. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether `url` belongs to the app's own origin (`app://relevant/...`). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parseUrl(url);
  // Custom schemes have an opaque `origin` in WHATWG URLs, so compare scheme and host.
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
