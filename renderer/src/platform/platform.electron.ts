import type { DesktopBridge } from '../../../shared/ipc';
import type { Platform } from './platform';

/** The platform inside the desktop app: everything goes through the preload's typed bridge. */
export function desktopPlatform(
  bridge: DesktopBridge,
  backupFolder = 'the app data folder',
): Platform {
  return {
    kind: 'desktop',
    backups: {
      save: (update, reason) => bridge.invoke('backup:save', { update, reason }),
      list: () => bridge.invoke('backup:list', {}),
      read: (id) => bridge.invoke('backup:read', { id }),
      location: backupFolder,
    },
    exports: {
      canSavePdf: true,
      savePdf: async (request) => {
        const result = await bridge.invoke('report:savePdf', request);
        return result.saved ? result : { saved: false, printed: false };
      },
      saveFile: (request) => bridge.invoke('report:saveFile', request),
    },
    reminders: {
      permission: () => 'granted',
      requestPermission: () => Promise.resolve('granted'),
      show: (title, body) => bridge.invoke('notify:show', { title, body }),
      onClick: (listener) => bridge.on('notify:clicked', () => listener()),
    },
    syncTokens: {
      read: (journalName) => bridge.invoke('sync:readToken', { journalName }),
      keep: (journalName, token) => bridge.invoke('sync:keepToken', { journalName, token }),
    },
    openExternal: async (url) => {
      await bridge.invoke('shell:openExternal', { url });
    },
    onMenuCommand: (listener) => bridge.on('menu:command', listener),
    // Main holds the quit back until the renderer says it is ready (or a timeout passes).
    // Say so however the listener ends, even if it throws, and leave no rejection unhandled.
    onClosing: (listener) =>
      bridge.on('backup:request', () => {
        void (async () => {
          try {
            await listener();
          } catch (error) {
            console.error('The last backup before quitting failed:', error);
          }
          // If this fails, main is gone or quits at its timeout anyway.
          await bridge.invoke('app:readyToQuit', {}).catch(() => undefined);
        })();
      }),
  };
}
