/**
 * The Content-Security-Policy of the app, the same on the desktop (set by the main process
 * on every response) and on the web build (a meta tag). Scripts only from the app itself;
 * inline styles are needed by the UI kit and the editor; connections only to the app and
 * to sync servers (ws/wss), which the person configures.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
