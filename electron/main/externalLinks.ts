import { parseUrl } from './appOrigin';

/** Longest link handed to the system browser (the IPC contract allows no more either). */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether a link may be opened in the system browser: an absolute http: or https: URL
 * without credentials. Every other scheme (file:, javascript:, custom ones) is refused.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/** Opens `url` in the system browser when it is safe; resolves to whether it was opened. */
export async function openExternalSafely(
  url: unknown,
  openExternal: (url: string) => Promise<void>,
): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await openExternal(url);
  return true;
}
