import path from 'node:path';
import {
  EXPORT_FILE_TYPES,
  savedFileText,
  type ExportFileKind,
  type SaveResult,
} from '../../shared/ipc';
import type { IpcParsedRequest } from './ipcRegistry';

/** What webContents.printToPDF is asked for (a subset of Electron's PrintToPDFOptions). */
export interface PdfPrintOptions {
  readonly pageSize: 'A4' | 'Letter';
  readonly printBackground: boolean;
  readonly preferCSSPageSize: boolean;
  /** In inches. */
  readonly margins: { top: number; bottom: number; left: number; right: number };
  readonly generateTaggedPDF: boolean;
}

/** What dialog.showSaveDialog is asked for (a subset of Electron's SaveDialogOptions). */
export interface SaveDialogOptions {
  readonly title?: string;
  readonly defaultPath: string;
  readonly filters: { name: string; extensions: string[] }[];
}

/** What dialog.showSaveDialog answers. */
export interface SaveDialogAnswer {
  readonly canceled: boolean;
  readonly filePath?: string;
}

/**
 * The Electron and file-system calls the report files need. `S` is whatever names the
 * window that asked (the IPC event): it picks the page to print and the dialog's parent.
 */
export interface ReportFilesDeps<S> {
  /** The sender's webContents.printToPDF. */
  readonly printToPdf: (sender: S, options: PdfPrintOptions) => Promise<Uint8Array>;
  /** dialog.showSaveDialog, attached to the sender's window. */
  readonly showSaveDialog: (sender: S, options: SaveDialogOptions) => Promise<SaveDialogAnswer>;
  readonly writeFile: (file: string, bytes: Uint8Array) => Promise<void>;
  /** Where the save dialog starts: app.getPath('documents'). */
  readonly documentsPath: string;
}

/** Saving the report as files, for the 'report:*' channels. */
export interface ReportFiles<S> {
  savePdf(sender: S, request: IpcParsedRequest<'report:savePdf'>): Promise<SaveResult>;
  saveFile(sender: S, request: IpcParsedRequest<'report:saveFile'>): Promise<SaveResult>;
}

/** About 1 cm on every side; the report's print CSS lays out the page within it. */
const PDF_MARGIN_INCHES = 0.4;

/** File-system failures in the person's words; anything else keeps its own message. */
const REASONS: ReadonlyMap<string, string> = new Map([
  ['ENOSPC', 'the disk is full'],
  ['EDQUOT', 'the disk quota is used up'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'the disk is read-only'],
  ['ENOENT', 'the folder does not exist'],
  ['EISDIR', 'a folder has that name'],
  ['EBUSY', 'the file is open in another program'],
]);

/** Why something failed, without a final full stop (the caller's sentence ends it). */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (REASONS.get(code ?? '') ?? message).replace(/\.$/, '');
}

/** Saves the report's PDF, Markdown and CSV files through the save dialog. */
export function createReportFiles<S>(deps: ReportFilesDeps<S>): ReportFiles<S> {
  /** Asks where to save, then writes the bytes there; not saved when the person cancels. */
  async function saveAs(
    sender: S,
    kind: ExportFileKind,
    suggestedName: string,
    bytes: Uint8Array,
    title?: string,
  ): Promise<SaveResult> {
    const { extension, label } = EXPORT_FILE_TYPES[kind];
    const answer = await deps.showSaveDialog(sender, {
      ...(title ? { title } : {}),
      defaultPath: path.join(deps.documentsPath, suggestedName),
      filters: [{ name: label, extensions: [extension] }],
    });
    if (answer.canceled || !answer.filePath) return { saved: false };
    try {
      await deps.writeFile(answer.filePath, bytes);
    } catch (error) {
      const what = kind === 'pdf' ? 'the PDF' : `the ${label} file`;
      throw new Error(`Could not write ${what} to ${answer.filePath}: ${reasonOf(error)}.`, {
        cause: error,
      });
    }
    return { saved: true, path: answer.filePath };
  }

  return {
    async savePdf(sender, { suggestedName, pageSize, title }) {
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf(sender, {
          pageSize,
          printBackground: true,
          preferCSSPageSize: false,
          margins: {
            top: PDF_MARGIN_INCHES,
            bottom: PDF_MARGIN_INCHES,
            left: PDF_MARGIN_INCHES,
            right: PDF_MARGIN_INCHES,
          },
          generateTaggedPDF: true,
        });
      } catch (error) {
        throw new Error(`Could not make the PDF: ${reasonOf(error)}.`, { cause: error });
      }
      return saveAs(sender, 'pdf', suggestedName, pdf, title);
    },
    saveFile(sender, { kind, suggestedName, contents }) {
      const bytes = new TextEncoder().encode(savedFileText(kind, contents));
      return saveAs(sender, kind, suggestedName, bytes);
    },
  };
}
