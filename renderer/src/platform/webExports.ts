import { EXPORT_FILE_TYPES, savedFileText } from '../../../shared/ipc';
import type { ReportExports } from './platform';

/** A temporary `<a download>` link, already in the page. */
export interface DownloadLink {
  href: string;
  download: string;
  click(): void;
  remove(): void;
}

/** The browser features saving needs (tests pass fakes). */
export interface BrowserSaving {
  createLink(): DownloadLink;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Opens the print dialog with the page titled `title`: browsers name the PDF after it. */
  print(title: string): void;
}

/** How long a download's object URL lives: some browsers read it after click() returns. */
const OBJECT_URL_LIFETIME_MS = 40_000;

function browserSaving(): BrowserSaving {
  return {
    createLink: () => document.body.appendChild(document.createElement('a')),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => {
      URL.revokeObjectURL(url);
    },
    print: (title) => {
      const pageTitle = document.title;
      document.title = title;
      try {
        window.print(); // returns once the dialog closes
      } finally {
        document.title = pageTitle;
      }
    },
  };
}

/**
 * Saving the report in a browser: files are downloaded, and a PDF is left to the print
 * dialog's "Save as PDF" (the report's print style sheet lays out the page).
 */
export function webExports(browser: BrowserSaving = browserSaving()): ReportExports {
  return {
    canSavePdf: false,
    savePdf: ({ suggestedName }) => {
      browser.print(suggestedName.replace(/\.pdf$/i, ''));
      return Promise.resolve({ saved: false, printed: true });
    },
    saveFile: ({ kind, suggestedName, contents }) => {
      const type = EXPORT_FILE_TYPES[kind].mimeType;
      const url = browser.createObjectURL(new Blob([savedFileText(kind, contents)], { type }));
      const link = browser.createLink();
      link.href = url;
      link.download = suggestedName;
      link.click();
      link.remove();
      setTimeout(() => {
        browser.revokeObjectURL(url);
      }, OBJECT_URL_LIFETIME_MS);
      return Promise.resolve({ saved: true, path: suggestedName });
    },
  };
}
