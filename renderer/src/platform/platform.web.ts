import type { Platform } from './platform';
import { webBackups } from './webBackups';
import { webExports } from './webExports';
import { webReminders } from './webReminders';

/**
 * The platform in a plain browser: backups in IndexedDB, files as downloads, PDFs through
 * the print dialog, links in a new tab, no menu.
 */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    backups: webBackups(),
    exports: webExports(),
    reminders: webReminders(),
    syncTokens: null,
    openExternal: (url) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
        window.open(parsed.href, '_blank', 'noopener,noreferrer');
      }
      return Promise.resolve();
    },
    onMenuCommand: () => () => undefined,
    onClosing: (listener) => {
      const onHide = () => {
        if (document.visibilityState === 'hidden') void listener();
      };
      document.addEventListener('visibilitychange', onHide);
      return () => document.removeEventListener('visibilitychange', onHide);
    },
  };
}
