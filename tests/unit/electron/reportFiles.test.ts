import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createReportFiles,
  type PdfPrintOptions,
  type SaveDialogAnswer,
  type SaveDialogOptions,
} from '../../../electron/main/reportFiles';

const DOCUMENTS = path.join(path.sep, 'home', 'ana', 'Documents');
const CHOSEN = path.join(DOCUMENTS, 'November.pdf');
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7

/** The window that asked, as the IPC event names it. */
interface Sender {
  readonly window: string;
}
const SENDER: Sender = { window: 'main' };

/** Report files over fakes: the dialog answers `answer`, writes are recorded. */
function fakeReportFiles(answer: SaveDialogAnswer = { canceled: false, filePath: CHOSEN }) {
  const written = new Map<string, Uint8Array>();
  const printToPdf = vi.fn((_sender: Sender, _options: PdfPrintOptions) => Promise.resolve(PDF));
  const showSaveDialog = vi.fn((_sender: Sender, _options: SaveDialogOptions) =>
    Promise.resolve(answer),
  );
  const writeFile = vi.fn((file: string, bytes: Uint8Array) => {
    written.set(file, bytes);
    return Promise.resolve();
  });
  const files = createReportFiles<Sender>({
    printToPdf,
    showSaveDialog,
    writeFile,
    documentsPath: DOCUMENTS,
  });
  return { files, printToPdf, showSaveDialog, writeFile, written };
}

/** An error as Node's fs rejects with. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

const pdfRequest = {
  suggestedName: 'Relevant report November 2026.pdf',
  pageSize: 'A4',
  title: 'Save the November report',
} as const;

describe('report PDF', () => {
  it('prints the sender’s page, asks where to save it, and writes exactly the PDF’s bytes', async () => {
    const fake = fakeReportFiles();
    await expect(fake.files.savePdf(SENDER, pdfRequest)).resolves.toEqual({
      saved: true,
      path: CHOSEN,
    });
    expect(fake.printToPdf).toHaveBeenCalledWith(SENDER, {
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: false,
      margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
      generateTaggedPDF: true,
    });
    expect(fake.showSaveDialog).toHaveBeenCalledWith(SENDER, {
      title: 'Save the November report',
      defaultPath: path.join(DOCUMENTS, 'Relevant report November 2026.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect([...fake.written]).toEqual([[CHOSEN, PDF]]);
  });

  it('asks for the page size the person picked', async () => {
    const fake = fakeReportFiles();
    await fake.files.savePdf(SENDER, { ...pdfRequest, pageSize: 'Letter' });
    expect(fake.printToPdf.mock.calls[0]?.[1].pageSize).toBe('Letter');
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const fake = fakeReportFiles({ canceled: true, filePath: '' });
    await expect(fake.files.savePdf(SENDER, pdfRequest)).resolves.toEqual({ saved: false });
    expect(fake.writeFile).not.toHaveBeenCalled();
  });

  it('treats a dialog that answers without a path as cancelled', async () => {
    const fake = fakeReportFiles({ canceled: false, filePath: '' });
    await expect(fake.files.savePdf(SENDER, pdfRequest)).resolves.toEqual({ saved: false });
    expect(fake.writeFile).not.toHaveBeenCalled();
  });

  it('says where and why a write failed, in words', async () => {
    const fake = fakeReportFiles();
    fake.writeFile.mockRejectedValueOnce(fsError('ENOSPC', 'ENOSPC: no space left on device'));
    await expect(fake.files.savePdf(SENDER, pdfRequest)).rejects.toThrow(
      `Could not write the PDF to ${CHOSEN}: the disk is full.`,
    );
  });

  it('keeps the message of a failure it has no words for', async () => {
    const fake = fakeReportFiles();
    fake.writeFile.mockRejectedValueOnce(fsError('EIO', 'EIO: i/o error, write'));
    await expect(fake.files.savePdf(SENDER, pdfRequest)).rejects.toThrow(
      `Could not write the PDF to ${CHOSEN}: EIO: i/o error, write.`,
    );
  });

  it('says so when the page cannot be printed, before asking where to save', async () => {
    const fake = fakeReportFiles();
    fake.printToPdf.mockRejectedValueOnce(new Error('Printing failed.'));
    await expect(fake.files.savePdf(SENDER, pdfRequest)).rejects.toThrow(
      /^Could not make the PDF: Printing failed\.$/,
    );
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('report Markdown and CSV files', () => {
  const decode = (bytes: Uint8Array | undefined) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('saves Markdown as UTF-8 without a byte order mark', async () => {
    const chosen = path.join(DOCUMENTS, 'november.md');
    const fake = fakeReportFiles({ canceled: false, filePath: chosen });
    const contents = '# November\n\nCafé with José — 45 min\n';
    await expect(
      fake.files.saveFile(SENDER, { kind: 'markdown', suggestedName: 'november.md', contents }),
    ).resolves.toEqual({ saved: true, path: chosen });
    expect(fake.showSaveDialog).toHaveBeenCalledWith(SENDER, {
      defaultPath: path.join(DOCUMENTS, 'november.md'),
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    expect(decode(fake.written.get(chosen))).toBe(contents);
  });

  it('saves CSV as UTF-8 after a byte order mark, so Excel reads accents', async () => {
    const chosen = path.join(DOCUMENTS, 'november.csv');
    const fake = fakeReportFiles({ canceled: false, filePath: chosen });
    const contents = 'Title\r\nCafé with José\r\n';
    await fake.files.saveFile(SENDER, { kind: 'csv', suggestedName: 'november.csv', contents });
    expect(fake.showSaveDialog.mock.calls[0]?.[1].filters).toEqual([
      { name: 'CSV', extensions: ['csv'] },
    ]);
    const bytes = fake.written.get(chosen);
    expect([...(bytes ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes?.slice(3))).toBe(contents);
  });

  it('writes nothing when the person cancels', async () => {
    const fake = fakeReportFiles({ canceled: true, filePath: '' });
    await expect(
      fake.files.saveFile(SENDER, { kind: 'csv', suggestedName: 'a.csv', contents: 'x' }),
    ).resolves.toEqual({ saved: false });
    expect(fake.writeFile).not.toHaveBeenCalled();
  });

  it('names the file and the reason when a write fails', async () => {
    const chosen = path.join(DOCUMENTS, 'november.csv');
    const fake = fakeReportFiles({ canceled: false, filePath: chosen });
    fake.writeFile.mockRejectedValueOnce(fsError('EACCES', 'EACCES: permission denied, open'));
    await expect(
      fake.files.saveFile(SENDER, { kind: 'csv', suggestedName: 'november.csv', contents: 'x' }),
    ).rejects.toThrow(`Could not write the CSV file to ${chosen}: permission denied.`);
  });
});
