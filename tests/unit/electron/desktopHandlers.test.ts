import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupStore } from '../../../electron/main/backupStore';
import { createDesktopHandlers } from '../../../electron/main/desktopHandlers';
import { registerIpcHandlers, type IpcInvokeEvent } from '../../../electron/main/ipcRegistry';
import { createReportFiles } from '../../../electron/main/reportFiles';
import { SyncTokenStore } from '../../../electron/main/syncTokens';
import { fakeSafeStorage, FakeIpcMain } from './fakes';

const APP_PAGE = 'app://relevant/index.html';
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'relevant-handlers-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The report files over a fake printer and a save dialog that picks `folder`/`name`. */
function reportFilesIn(folder: string) {
  const printToPdf = vi.fn((_event: IpcInvokeEvent) => Promise.resolve(new Uint8Array([37, 80])));
  return {
    printToPdf,
    reportFiles: createReportFiles<IpcInvokeEvent>({
      printToPdf,
      showSaveDialog: (_event, { defaultPath }) =>
        Promise.resolve({
          canceled: false,
          filePath: path.join(folder, path.basename(defaultPath)),
        }),
      writeFile: (file, bytes) => writeFile(file, bytes),
      documentsPath: '/home/ana/Documents',
    }),
  };
}

function wired() {
  const ipcMain = new FakeIpcMain();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const onQuitBackup = vi.fn();
  const backups = new BackupStore({ folder: path.join(folder, 'backups') });
  const { reportFiles, printToPdf } = reportFilesIn(folder);
  registerIpcHandlers(
    ipcMain,
    createDesktopHandlers({
      backups,
      syncTokens: new SyncTokenStore(path.join(folder, 'sync-tokens.json'), fakeSafeStorage()),
      reportFiles,
      notifier: { show: () => false },
      openExternal,
      version: '0.1.0',
      platform: 'linux',
      onQuitBackup,
    }),
  );
  return { ipcMain, openExternal, onQuitBackup, printToPdf };
}

describe('desktop IPC handlers', () => {
  it('saves, lists and reads back a backup through IPC', async () => {
    const { ipcMain, onQuitBackup } = wired();
    const saved = (await ipcMain.invoke('backup:save', APP_PAGE, {
      update: new Uint8Array([4, 5, 6]),
      reason: 'interval',
    })) as { id: string };
    expect(await ipcMain.invoke('backup:list', APP_PAGE, {})).toEqual([
      expect.objectContaining({ id: saved.id, sizeBytes: 3 }),
    ]);
    const bytes = await ipcMain.invoke('backup:read', APP_PAGE, { id: saved.id });
    expect(bytes).toEqual(new Uint8Array([4, 5, 6]));
    expect(onQuitBackup).not.toHaveBeenCalled();
  });

  it('tells the quit flow when the last backup on quit is stored', async () => {
    const { ipcMain, onQuitBackup } = wired();
    await ipcMain.invoke('backup:save', APP_PAGE, { update: new Uint8Array([1]), reason: 'quit' });
    expect(onQuitBackup).toHaveBeenCalledTimes(1);
  });

  it('lets the app quit when the renderer has nothing to back up', async () => {
    const { ipcMain, onQuitBackup } = wired();
    await expect(ipcMain.invoke('app:readyToQuit', APP_PAGE, {})).resolves.toBeNull();
    expect(onQuitBackup).toHaveBeenCalledTimes(1);
  });

  it('reads a missing backup as a clear error', async () => {
    const { ipcMain } = wired();
    await expect(
      ipcMain.invoke('backup:read', APP_PAGE, { id: 'journal-20200101T000000000Z.ydoc' }),
    ).rejects.toThrow(/There is no backup named journal-20200101T000000000Z\.ydoc/);
  });

  it('opens only http(s) links in the system browser', async () => {
    const { ipcMain, openExternal } = wired();
    await expect(
      ipcMain.invoke('shell:openExternal', APP_PAGE, { url: 'https://example.com/' }),
    ).resolves.toBe(true);
    await expect(
      ipcMain.invoke('shell:openExternal', APP_PAGE, { url: 'file:///etc/passwd' }),
    ).resolves.toBe(false);
    await expect(
      ipcMain.invoke('shell:openExternal', APP_PAGE, { url: 'javascript:alert(1)' }),
    ).resolves.toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('keeps a sync token encrypted, reads it back and forgets it, refusing anything but a token', async () => {
    const { ipcMain } = wired();
    const token = 'tok_0123456789abcdefghij';
    const journalName = 'relevant-journal';
    await expect(ipcMain.invoke('sync:readToken', APP_PAGE, { journalName })).resolves.toBeNull();
    await expect(ipcMain.invoke('sync:keepToken', APP_PAGE, { journalName, token })).resolves.toBe(
      true,
    );
    await expect(ipcMain.invoke('sync:readToken', APP_PAGE, { journalName })).resolves.toBe(token);
    expect(await readFile(path.join(folder, 'sync-tokens.json'), 'utf8')).not.toContain(token);

    await expect(
      ipcMain.invoke('sync:keepToken', APP_PAGE, { journalName, token: 'short' }),
    ).rejects.toThrow(/A token is 20 to 128/);
    await expect(
      ipcMain.invoke('sync:readToken', APP_PAGE, { journalName: '../backups' }),
    ).rejects.toThrow(/not a journal’s name/);
    await expect(
      ipcMain.invoke('sync:keepToken', APP_PAGE, { journalName, token: null }),
    ).resolves.toBe(false);
    await expect(ipcMain.invoke('sync:readToken', APP_PAGE, { journalName })).resolves.toBeNull();
  });

  it('answers app:info with version, platform and the backup folder', async () => {
    const { ipcMain } = wired();
    await expect(ipcMain.invoke('app:info', APP_PAGE, {})).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      backupFolder: path.join(folder, 'backups'),
    });
  });

  it('prints the asking window to a PDF and saves it where the dialog says', async () => {
    const { ipcMain, printToPdf } = wired();
    const answer = await ipcMain.invoke('report:savePdf', APP_PAGE, {
      suggestedName: 'november.pdf',
      pageSize: 'A4',
      title: 'Save the report',
    });
    expect(answer).toEqual({ saved: true, path: path.join(folder, 'november.pdf') });
    expect(printToPdf).toHaveBeenCalledWith({ senderFrame: { url: APP_PAGE } }, expect.anything());
    expect([...(await readFile(path.join(folder, 'november.pdf')))]).toEqual([37, 80]);
  });

  it('saves a CSV file with a byte order mark', async () => {
    const { ipcMain } = wired();
    await ipcMain.invoke('report:saveFile', APP_PAGE, {
      kind: 'csv',
      suggestedName: 'november.csv',
      contents: 'Title\r\nCafé\r\n',
    });
    expect(await readFile(path.join(folder, 'november.csv'), 'utf8')).toBe(
      '\uFEFFTitle\r\nCafé\r\n',
    );
  });

  it('reports a failed write with the file and the reason', async () => {
    const { ipcMain } = wired();
    const taken = path.join(folder, 'taken.pdf');
    await mkdir(taken);
    await expect(
      ipcMain.invoke('report:savePdf', APP_PAGE, {
        suggestedName: 'taken.pdf',
        pageSize: 'A4',
        title: '',
      }),
    ).rejects.toThrow(`Could not write the PDF to ${taken}: a folder has that name.`);
  });
});
