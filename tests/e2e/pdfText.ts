import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF file, laid out as on the page, from poppler's pdftotext. */
export async function pdfText(path: string): Promise<string> {
  try {
    const { stdout } = await run('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    throw new Error(
      `pdftotext could not read ${path} (it comes with Debian's poppler-utils, which .ci/run installs): ${String(error)}`,
      { cause: error },
    );
  }
}

/** The number of pages of a PDF file, from poppler's pdfinfo. */
export async function pdfPages(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}
