import { isAppUrl } from './appOrigin';
import { openExternalSafely } from './externalLinks';

/** A navigation about to happen (`will-navigate`, `will-redirect`). */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The part of Electron's WebContents the navigation guards use. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Reports a link that could not be opened; the app keeps running either way. */
export type LinkErrorReporter = (url: string, error: unknown) => void;

/**
 * Keeps a web contents on the app's own origin: navigations and redirects elsewhere are
 * prevented, webviews are refused, and new windows are never opened — http(s) links go to
 * the system browser instead, any other scheme is dropped.
 */
export function guardNavigation(
  contents: GuardedContents,
  openExternal: (url: string) => Promise<void>,
  reportLinkError: LinkErrorReporter = () => undefined,
): void {
  const keepOnAppOrigin = (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnAppOrigin);
  contents.on('will-redirect', keepOnAppOrigin);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, openExternal).catch((error: unknown) => {
      reportLinkError(url, error);
    });
    return { action: 'deny' };
  });
}
