import type { BackupInfo, MenuCommand } from '../../../shared/ipc';

/** Rotating snapshots of the encoded journal, kept apart from the journal's own storage. */
export interface BackupService {
  save(update: Uint8Array, reason: 'interval' | 'quit' | 'manual'): Promise<BackupInfo>;
  /** Newest first. */
  list(): Promise<BackupInfo[]>;
  read(id: string): Promise<Uint8Array>;
  /** Where the backups live, in words for the person. */
  readonly location: string;
}

/** Everything the app needs from where it runs: the desktop shell or a plain browser. */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  readonly backups: BackupService;
  openExternal(url: string): Promise<void>;
  /** Menu commands (desktop only); returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The app is closing: `listener` should store a last backup. Returns an unsubscribe. */
  onClosing(listener: () => Promise<void>): () => void;
}
