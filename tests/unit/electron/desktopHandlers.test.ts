import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupStore } from '../../../electron/main/backupStore';
import { createDesktopHandlers } from '../../../electron/main/desktopHandlers';
import { registerIpcHandlers } from '../../../electron/main/ipcRegistry';
import { FakeIpcMain } from './fakes';

const APP_PAGE = 'app://relevant/index.html';
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'relevant-handlers-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function wired() {
  const ipcMain = new FakeIpcMain();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const onQuitBackup = vi.fn();
  const backups = new BackupStore({ folder: path.join(folder, 'backups') });
  registerIpcHandlers(
    ipcMain,
    createDesktopHandlers({
      backups,
      openExternal,
      version: '0.1.0',
      platform: 'linux',
      onQuitBackup,
    }),
  );
  return { ipcMain, openExternal, onQuitBackup };
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

  it('answers app:info with version, platform and the backup folder', async () => {
    const { ipcMain } = wired();
    await expect(ipcMain.invoke('app:info', APP_PAGE, {})).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      backupFolder: path.join(folder, 'backups'),
    });
  });
});
