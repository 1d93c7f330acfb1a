/** Why the journal's storage on this device could not be used. */
export type StorageProblem =
  'unavailable' | 'blocked' | 'timeout' | 'quota' | 'unreadable' | 'unwritable' | 'newer';

/** A storage failure with a message a person can act on. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

const MESSAGES: Record<Exclude<StorageProblem, 'newer'>, string> = {
  unavailable:
    'This browser does not let Relevant store data (private browsing, or storage turned off in its settings). Allow site data for this page, or use the desktop app.',
  blocked:
    'The journal is held open by an older Relevant window or tab. Close the other windows of Relevant and try again.',
  timeout:
    'The journal storage did not answer in time. The disk may be busy or the stored data damaged. Try again; if it keeps failing, restore a backup.',
  quota:
    'The disk or the browser storage for Relevant is full, so your journal cannot be saved. Free some space, then try again.',
  unreadable:
    'The journal stored on this device could not be read; it may be damaged. Nothing was changed or deleted. Try again, or restore a backup.',
  unwritable:
    'Your latest changes could not be written to this device’s storage. Relevant keeps trying; keep this window open until it says they are saved.',
};

/** Wraps any failure of the storage layer into a StorageError with a plain-language message. */
export function toStorageError(problem: Exclude<StorageProblem, 'newer'>, cause?: unknown) {
  const detail = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : '';
  return new StorageError(problem, MESSAGES[problem] + detail, { cause });
}

/** Whether an error is the browser saying its storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message))
  );
}
