import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  webExports,
  type BrowserSaving,
  type DownloadLink,
} from '../../../../renderer/src/platform/webExports';

/** A link that remembers what was done to it. */
interface FakeLink extends DownloadLink {
  clicked: boolean;
  removed: boolean;
}

/** A browser that records links, object URLs and print dialogs. */
function fakeBrowser() {
  const links: FakeLink[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const printedTitles: string[] = [];
  const browser: BrowserSaving = {
    createLink() {
      const link: FakeLink = {
        href: '',
        download: '',
        clicked: false,
        removed: false,
        click() {
          link.clicked = true;
        },
        remove() {
          link.removed = true;
        },
      };
      links.push(link);
      return link;
    },
    createObjectURL(blob) {
      const url = `blob:relevant/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL(url) {
      revoked.push(url);
    },
    print(title) {
      printedTitles.push(title);
    },
  };
  return { browser, links, blobs, revoked, printedTitles };
}

const bytesOf = async (blob: Blob | undefined) => [
  ...new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)),
];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('webExports', () => {
  it('downloads a CSV through a temporary link, with a byte order mark and its type', async () => {
    const fake = fakeBrowser();
    const result = await webExports(fake.browser).saveFile({
      kind: 'csv',
      suggestedName: 'november.csv',
      contents: 'Title\r\nCafé\r\n',
    });
    expect(result).toEqual({ saved: true, path: 'november.csv' });
    expect(fake.links).toEqual([
      expect.objectContaining({
        href: 'blob:relevant/1',
        download: 'november.csv',
        clicked: true,
        removed: true,
      }),
    ]);
    const blob = fake.blobs.get('blob:relevant/1');
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const expected = new TextEncoder().encode('\uFEFFTitle\r\nCafé\r\n');
    expect(await bytesOf(blob)).toEqual([...expected]);
  });

  it('downloads Markdown as it is', async () => {
    const fake = fakeBrowser();
    await webExports(fake.browser).saveFile({
      kind: 'markdown',
      suggestedName: 'november.md',
      contents: '# Novembre',
    });
    const blob = fake.blobs.get('blob:relevant/1');
    expect(blob?.type).toBe('text/markdown;charset=utf-8');
    expect(await bytesOf(blob)).toEqual([...new TextEncoder().encode('# Novembre')]);
  });

  it('lets the object URL go only after the browser had time to read it', async () => {
    const fake = fakeBrowser();
    await webExports(fake.browser).saveFile({
      kind: 'csv',
      suggestedName: 'a.csv',
      contents: 'a',
    });
    expect(fake.revoked).toEqual([]);
    vi.advanceTimersByTime(40_000);
    expect(fake.revoked).toEqual(['blob:relevant/1']);
  });

  it('opens the print dialog for a PDF, titled as the file, and says so', async () => {
    const fake = fakeBrowser();
    const exports = webExports(fake.browser);
    expect(exports.canSavePdf).toBe(false);
    await expect(
      exports.savePdf({ suggestedName: 'Relevant November.PDF', pageSize: 'A4', title: 'x' }),
    ).resolves.toEqual({ saved: false, printed: true });
    expect(fake.printedTitles).toEqual(['Relevant November']);
    expect(fake.links).toEqual([]);
  });
});
