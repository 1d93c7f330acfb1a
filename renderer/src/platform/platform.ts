import type { BackupInfo, IpcRequest, MenuCommand, SaveResult } from '../../../shared/ipc';
import type { SyncSecrets } from './sync/syncStore';

/** Rotating snapshots of the encoded journal, kept apart from the journal's own storage. */
export interface BackupService {
  save(update: Uint8Array, reason: 'interval' | 'quit' | 'manual'): Promise<BackupInfo>;
  /** Newest first. */
  list(): Promise<BackupInfo[]>;
  read(id: string): Promise<Uint8Array>;
  /** Where the backups live, in words for the person. */
  readonly location: string;
}

/** A PDF of the page on show: its file name, page size, and the save dialog's title. */
export type PdfRequest = IpcRequest<'report:savePdf'>;

/** A Markdown or CSV file: its kind, file name and text. */
export type TextFileRequest = IpcRequest<'report:saveFile'>;

export type { SaveResult };

/**
 * What came of a PDF: saved at `path`; or not saved, because the person cancelled, or
 * because the browser's print dialog was shown instead (`printed`), where the person may
 * have chosen "Save as PDF".
 */
export type PdfResult =
  | { readonly saved: true; readonly path: string }
  | { readonly saved: false; readonly printed: boolean };

/** Saving the report as files. */
export interface ReportExports {
  /** Whether savePdf writes a PDF file itself (desktop), rather than opening the print dialog. */
  readonly canSavePdf: boolean;
  savePdf(request: PdfRequest): Promise<PdfResult>;
  /** Saves (desktop) or downloads (web) a file; a CSV gets a byte order mark. */
  saveFile(request: TextFileRequest): Promise<SaveResult>;
}

/** Whether reminders may be shown: the browser's answer, or 'unsupported' where there are none. */
export type ReminderPermission = 'granted' | 'denied' | 'default' | 'unsupported';

/** System notifications for follow-up reminders. */
export interface ReminderNotifications {
  /** On the desktop always 'granted'; in a browser, what the person answered so far. */
  permission(): ReminderPermission;
  /** Asks the person (a browser asks only from a click); resolves with the answer. */
  requestPermission(): Promise<ReminderPermission>;
  /** Shows a notification; resolves false when it could not be shown. */
  show(title: string, body: string): Promise<boolean>;
  /** The person clicked a notification (the window is brought forward). Returns an unsubscribe. */
  onClick(listener: () => void): () => void;
}

/** Everything the app needs from where it runs: the desktop shell or a plain browser. */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  readonly backups: BackupService;
  readonly exports: ReportExports;
  readonly reminders: ReminderNotifications;
  /** Where sync tokens are kept encrypted by the system (desktop); null in a browser. */
  readonly syncTokens: SyncSecrets | null;
  openExternal(url: string): Promise<void>;
  /** Menu commands (desktop only); returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The app is closing: `listener` should store a last backup. Returns an unsubscribe. */
  onClosing(listener: () => Promise<void>): () => void;
}
