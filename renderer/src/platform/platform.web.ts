import type { Platform } from './platform';
import { webBackups } from './webBackups';

/** The platform in a plain browser: backups in IndexedDB, links in a new tab, no menu. */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    backups: webBackups(),
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
