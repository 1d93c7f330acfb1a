/**
 * The one contract between the desktop main process and the renderer. Main implements each
 * channel (validating the request with its schema), the preload exposes exactly these
 * channels, and the renderer calls them through the platform seam.
 */
import * as z from 'zod';
import type { IpcChannel, MainEvent, MainEvents } from './channels';
import {
  EXPORT_FILE_TYPES,
  isPlainFileName,
  MAX_SAVED_TEXT_LENGTH,
  type ExportFileKind,
} from './exportFiles';
import { syncTokenSchema } from '../sync/syncLink';

export * from './channels';

/** Backups are named by their UTC time: journal-20261125T183000123Z.ydoc */
export const BACKUP_ID_PATTERN = /^journal-\d{8}T\d{9}Z(-\d{1,3})?\.ydoc$/;

/** Largest journal the main process accepts in one message (a 100k-interaction journal is ~60 MB). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

const backupId = z.string().regex(BACKUP_ID_PATTERN, { error: 'That is not a backup name.' });

export const backupInfoSchema = z.object({
  id: backupId,
  /** When it was taken, ISO 8601. */
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Its bytes no longer match the checksum taken with it (desktop): it cannot be restored. */
  damaged: z.boolean().optional(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** Bytes of any buffer kind (zod's instanceof would narrow to ArrayBuffer-backed arrays only). */
const bytes = (error: string) =>
  z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error });

const update = bytes('A backup must be the encoded journal (bytes).')
  .refine((bytes) => bytes.byteLength > 0, { error: 'An empty backup was refused.' })
  .refine((bytes) => bytes.byteLength <= MAX_BACKUP_BYTES, { error: 'The backup is too large.' });

/** A suggested name for a saved file: a plain file name with the kind's extension. */
const suggestedName = (kind: ExportFileKind) =>
  z.string().refine((name) => isPlainFileName(name, kind), {
    error: `A file name ending .${EXPORT_FILE_TYPES[kind].extension}, without folders, was expected.`,
  });

const savedText = z.string().max(MAX_SAVED_TEXT_LENGTH, {
  error: 'The file is too large to save (over 20 million characters).',
});

/** A text file to save; its name's extension must match its kind. */
const textFile = <K extends 'markdown' | 'csv'>(kind: K) =>
  z
    .object({ kind: z.literal(kind), suggestedName: suggestedName(kind), contents: savedText })
    .strict();

/** Where a file was saved, or that the person cancelled the save dialog. */
export const saveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string() }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

/** A journal's local name (its database's), as the renderer keeps journals apart. */
const journalName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'That is not a journal’s name.' });

export const ipcContract = {
  /** Stores a snapshot of the encoded journal; the main process keeps the newest 10. */
  'backup:save': {
    request: z.object({ update, reason: z.enum(['interval', 'quit', 'manual']) }).strict(),
    response: backupInfoSchema,
  },
  /** Lists stored backups, newest first. */
  'backup:list': {
    request: z.object({}).strict(),
    response: z.array(backupInfoSchema),
  },
  /** Reads one backup's bytes, for restoring it. */
  'backup:read': {
    request: z.object({ id: backupId }).strict(),
    response: bytes('A backup is read back as bytes.'),
  },
  /** Opens an http(s) link in the system browser, after checking it. */
  'shell:openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.boolean(),
  },
  /** Version and platform, for the About box and bug reports. */
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({ version: z.string(), platform: z.string(), backupFolder: z.string() }),
  },
  /** The renderer has done what it does before quitting (a last backup, or nothing to back up). */
  'app:readyToQuit': {
    request: z.object({}).strict(),
    response: z.null(),
  },
  /**
   * Prints the sending page to a PDF and saves it where the person chooses; `title` heads
   * the save dialog.
   */
  'report:savePdf': {
    request: z
      .object({
        suggestedName: suggestedName('pdf'),
        pageSize: z.enum(['A4', 'Letter']),
        title: z.string().max(200),
      })
      .strict(),
    response: saveResultSchema,
  },
  /** Saves a Markdown or CSV file (UTF-8; a CSV starts with a byte order mark). */
  'report:saveFile': {
    request: z.discriminatedUnion('kind', [textFile('markdown'), textFile('csv')]),
    response: saveResultSchema,
  },
  /** Shows a desktop notification (a follow-up reminder); false when the system has none. */
  'notify:show': {
    request: z
      .object({
        title: z.string().trim().min(1, { error: 'A notification needs a title.' }).max(200),
        body: z.string().max(1000),
      })
      .strict(),
    response: z.boolean(),
  },
  /** The journal's sync token, kept encrypted by the system (null when none is kept). */
  'sync:readToken': {
    request: z.object({ journalName }).strict(),
    response: z.string().nullable(),
  },
  /**
   * Keeps a journal's sync token encrypted by the system, or removes it (null); answers
   * whether it is kept so (false: this system cannot encrypt it, and nothing is kept).
   */
  'sync:keepToken': {
    request: z.object({ journalName, token: syncTokenSchema.nullable() }).strict(),
    response: z.boolean(),
  },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;

export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** What the preload script exposes to the renderer as `window.relevantDesktop`. */
export interface DesktopBridge {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  on<E extends MainEvent>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
}
