import type { BackupInfo } from '../../shared/ipc';
import { openExternalSafely } from './externalLinks';
import type { IpcHandlers, IpcInvokeEvent } from './ipcRegistry';
import type { Notifier } from './notifications';
import type { ReportFiles } from './reportFiles';
import type { SyncTokenStore } from './syncTokens';

/** The backups as the IPC handlers see them (a BackupStore). */
export interface BackupKeeper {
  readonly folder: string;
  save(bytes: Uint8Array): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(id: string): Promise<Uint8Array<ArrayBuffer>>;
}

/** What the desktop handlers need from the app; `E` is the IPC event of a call. */
export interface DesktopHandlerDeps<E extends IpcInvokeEvent = IpcInvokeEvent> {
  readonly backups: BackupKeeper;
  /** Saves the report's files for the window that asked. */
  readonly reportFiles: ReportFiles<E>;
  /** Keeps the journals' sync tokens encrypted by the system. */
  readonly syncTokens: Pick<SyncTokenStore, 'read' | 'keep'>;
  /** Shows follow-up reminders as system notifications. */
  readonly notifier: Notifier;
  /** Electron's shell.openExternal. */
  readonly openExternal: (url: string) => Promise<void>;
  /** The app's version (app.getVersion()). */
  readonly version: string;
  /** The operating system (process.platform). */
  readonly platform: string;
  /** Called once the renderer is ready to quit: its last backup was handled, saved or not. */
  readonly onQuitBackup?: () => void;
}

/** The main process's implementation of every IPC channel. */
export function createDesktopHandlers<E extends IpcInvokeEvent>(
  deps: DesktopHandlerDeps<E>,
): IpcHandlers<E> {
  const { backups, reportFiles } = deps;
  return {
    'backup:save': async ({ update, reason }) => {
      try {
        return await backups.save(update);
      } finally {
        if (reason === 'quit') deps.onQuitBackup?.();
      }
    },
    'backup:list': () => backups.list(),
    'backup:read': ({ id }) => backups.read(id),
    'shell:openExternal': ({ url }) => openExternalSafely(url, deps.openExternal),
    'app:info': () => ({
      version: deps.version,
      platform: deps.platform,
      backupFolder: backups.folder,
    }),
    'app:readyToQuit': () => {
      deps.onQuitBackup?.();
      return null;
    },
    'report:savePdf': (request, event) => reportFiles.savePdf(event, request),
    'report:saveFile': (request, event) => reportFiles.saveFile(event, request),
    'notify:show': (request) => deps.notifier.show(request),
    'sync:readToken': ({ journalName }) => deps.syncTokens.read(journalName),
    'sync:keepToken': ({ journalName, token }) => deps.syncTokens.keep(journalName, token),
  };
}
