/**
 * The files the report is saved as (PDF, Markdown, CSV): their names, and the exact text a
 * Markdown or CSV file holds. Shared by the desktop's save dialog and the web's download.
 */

/** Each kind of file: its extension, what a save dialog calls it, and its MIME type. */
export const EXPORT_FILE_TYPES = {
  pdf: { extension: 'pdf', label: 'PDF', mimeType: 'application/pdf' },
  markdown: { extension: 'md', label: 'Markdown', mimeType: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', label: 'CSV', mimeType: 'text/csv;charset=utf-8' },
} as const;
export type ExportFileKind = keyof typeof EXPORT_FILE_TYPES;

/** The kinds saved from text the renderer writes. */
export type TextFileKind = Exclude<ExportFileKind, 'pdf'>;

/** The longest text file the app saves, in characters. */
export const MAX_SAVED_TEXT_LENGTH = 20_000_000;

/** The longest suggested file name. */
export const MAX_FILE_NAME_LENGTH = 200;

/** Characters no file name may hold on some system: separators, wildcards, controls. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FORBIDDEN_IN_NAMES = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/** Names Windows reserves for devices, whatever their extension. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * Whether `name` is a plain file name of that kind: no folders, no characters some system
 * refuses, not hidden, a non-empty base, and the kind's extension (in any case).
 */
export function isPlainFileName(name: string, kind: ExportFileKind): boolean {
  const extension = `.${EXPORT_FILE_TYPES[kind].extension}`;
  const base = name.slice(0, -extension.length);
  return (
    name.length <= MAX_FILE_NAME_LENGTH &&
    name.toLowerCase().endsWith(extension) &&
    base.trim() !== '' &&
    !FORBIDDEN_IN_NAMES.test(name) &&
    !WINDOWS_DEVICE_NAMES.test(name) &&
    !name.startsWith('.') &&
    !name.startsWith(' ') &&
    !/[. ]$/.test(base)
  );
}

/**
 * The text a saved file holds. A CSV file starts with a byte order mark: without it Excel
 * reads UTF-8 as the system's legacy code page and garbles accents (José → JosÃ©).
 */
export function savedFileText(kind: TextFileKind, contents: string): string {
  return kind === 'csv' ? `\uFEFF${contents}` : contents;
}
