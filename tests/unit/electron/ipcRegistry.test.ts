import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcHandlers } from '../../../electron/main/ipcRegistry';
import { IPC_CHANNELS, MAX_SAVED_TEXT_LENGTH } from '../../../shared/ipc';
import { FakeIpcMain } from './fakes';

const APP_PAGE = 'app://relevant/index.html';
const backup = {
  id: 'journal-20261125T183000123Z.ydoc',
  createdAt: '2026-11-25T18:30:00.123Z',
  sizeBytes: 3,
};

function handlersWith(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'backup:save': vi.fn(() => Promise.resolve(backup)),
    'backup:list': vi.fn(() => Promise.resolve([backup])),
    'backup:read': vi.fn(() => Promise.resolve(new Uint8Array([1, 2, 3]))),
    'shell:openExternal': vi.fn(() => Promise.resolve(true)),
    'app:info': vi.fn(() => ({ version: '0.1.0', platform: 'linux', backupFolder: '/data' })),
    'app:readyToQuit': vi.fn(() => null),
    'report:savePdf': vi.fn(() => Promise.resolve({ saved: false as const })),
    'report:saveFile': vi.fn(() => Promise.resolve({ saved: true as const, path: '/tmp/a.csv' })),
    'notify:show': vi.fn(() => true),
    'sync:readToken': vi.fn(() => Promise.resolve(null)),
    'sync:keepToken': vi.fn(() => Promise.resolve(true)),
    ...overrides,
  };
}

function registered(overrides: Partial<IpcHandlers> = {}) {
  const ipcMain = new FakeIpcMain();
  const handlers = handlersWith(overrides);
  registerIpcHandlers(ipcMain, handlers);
  return { ipcMain, handlers };
}

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract', () => {
    const { ipcMain } = registered();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('passes a valid request to its handler and returns the answer', async () => {
    const { ipcMain, handlers } = registered();
    const update = new Uint8Array([1, 2, 3]);
    await expect(
      ipcMain.invoke('backup:save', APP_PAGE, { update, reason: 'manual' }),
    ).resolves.toEqual(backup);
    expect(handlers['backup:save']).toHaveBeenCalledWith(
      { update, reason: 'manual' },
      { senderFrame: { url: APP_PAGE } },
    );
    await expect(ipcMain.invoke('backup:read', APP_PAGE, { id: backup.id })).resolves.toEqual(
      new Uint8Array([1, 2, 3]),
    );
    await expect(ipcMain.invoke('app:info', APP_PAGE, {})).resolves.toMatchObject({
      version: '0.1.0',
    });
  });

  it.each<[string | null, string]>([
    ['https://evil.example/', 'a web page'],
    ['file:///home/me/page.html', 'a file'],
    ['app://other/index.html', 'another app host'],
    [null, 'a destroyed frame'],
  ])('rejects a call from a foreign sender (%s, %s)', async (sender) => {
    const { ipcMain, handlers } = registered();
    await expect(ipcMain.invoke('backup:list', sender, {})).rejects.toThrow(
      /did not come from Relevant's own window/,
    );
    expect(handlers['backup:list']).not.toHaveBeenCalled();
  });

  it('rejects a wrong type with a message naming the field', async () => {
    const { ipcMain, handlers } = registered();
    const error = await ipcMain
      .invoke('shell:openExternal', APP_PAGE, { url: 42 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Invalid request on "shell:openExternal"/);
    expect((error as Error).message).toMatch(/expected string/);
    expect((error as Error).message).toMatch(/url/);
    expect(handlers['shell:openExternal']).not.toHaveBeenCalled();
  });

  it('rejects extra keys', async () => {
    const { ipcMain } = registered();
    await expect(ipcMain.invoke('backup:list', APP_PAGE, { all: true })).rejects.toThrow(
      /Unrecognized key.*"all"/,
    );
  });

  it.each(['../x', '../../etc/passwd', 'journal-20261125T183000123Z.ydoc/../../x', ''])(
    'rejects the backup id %j as not a backup name',
    async (id) => {
      const { ipcMain, handlers } = registered();
      await expect(ipcMain.invoke('backup:read', APP_PAGE, { id })).rejects.toThrow(
        /That is not a backup name/,
      );
      expect(handlers['backup:read']).not.toHaveBeenCalled();
    },
  );

  it('rejects a backup that is not bytes, or empty, and a wrong reason', async () => {
    const { ipcMain } = registered();
    await expect(
      ipcMain.invoke('backup:save', APP_PAGE, { update: 'text', reason: 'manual' }),
    ).rejects.toThrow(/must be the encoded journal/);
    await expect(
      ipcMain.invoke('backup:save', APP_PAGE, { update: new Uint8Array(), reason: 'manual' }),
    ).rejects.toThrow(/empty backup was refused/);
    await expect(
      ipcMain.invoke('backup:save', APP_PAGE, { update: new Uint8Array([1]), reason: 'later' }),
    ).rejects.toThrow(/reason/);
  });

  it.each([
    ['a folder', '../report.pdf'],
    ['an absolute path', '/tmp/report.pdf'],
    ['a Windows path', 'C:\\Users\\ana\\report.pdf'],
    ['another extension', 'report.exe'],
    ['no name before the extension', '.pdf'],
    ['a hidden file', '.report.pdf'],
    ['a device name', 'con.pdf'],
    ['a control character', 'report\n.pdf'],
  ])('refuses a PDF name with %s', async (_what, suggestedName) => {
    const { ipcMain, handlers } = registered();
    await expect(
      ipcMain.invoke('report:savePdf', APP_PAGE, { suggestedName, pageSize: 'A4', title: '' }),
    ).rejects.toThrow(/A file name ending \.pdf, without folders, was expected/);
    expect(handlers['report:savePdf']).not.toHaveBeenCalled();
  });

  it('accepts a PDF name with spaces, accents and an upper-case extension', async () => {
    const { ipcMain, handlers } = registered();
    const request = {
      suggestedName: 'Relevant – Novembre été.PDF',
      pageSize: 'Letter',
      title: 'x',
    };
    await expect(ipcMain.invoke('report:savePdf', APP_PAGE, request)).resolves.toEqual({
      saved: false,
    });
    expect(handlers['report:savePdf']).toHaveBeenCalledWith(request, expect.anything());
  });

  it('refuses a PDF of an unknown page size', async () => {
    const { ipcMain } = registered();
    await expect(
      ipcMain.invoke('report:savePdf', APP_PAGE, {
        suggestedName: 'a.pdf',
        pageSize: 'A3',
        title: '',
      }),
    ).rejects.toThrow(/pageSize/);
  });

  it('refuses a text file whose name does not match its kind, or that is too large', async () => {
    const { ipcMain, handlers } = registered();
    const save = (request: object) => ipcMain.invoke('report:saveFile', APP_PAGE, request);
    await expect(
      save({ kind: 'csv', suggestedName: 'november.md', contents: 'a' }),
    ).rejects.toThrow(/A file name ending \.csv/);
    await expect(
      save({ kind: 'markdown', suggestedName: 'november.csv', contents: 'a' }),
    ).rejects.toThrow(/A file name ending \.md/);
    await expect(save({ kind: 'html', suggestedName: 'a.html', contents: 'a' })).rejects.toThrow(
      /Invalid request on "report:saveFile"/,
    );
    await expect(
      save({
        kind: 'csv',
        suggestedName: 'a.csv',
        contents: 'x'.repeat(MAX_SAVED_TEXT_LENGTH + 1),
      }),
    ).rejects.toThrow(/too large to save/);
    await expect(
      save({ kind: 'csv', suggestedName: 'a.csv', contents: 'a', path: '/etc/passwd' }),
    ).rejects.toThrow(/Unrecognized key.*"path"/);
    expect(handlers['report:saveFile']).not.toHaveBeenCalled();
  });

  it('rejects a missing or additional argument', async () => {
    const { ipcMain } = registered();
    await expect(ipcMain.invoke('backup:list', APP_PAGE)).rejects.toThrow(/expected one argument/);
    await expect(ipcMain.invoke('backup:list', APP_PAGE, {}, {})).rejects.toThrow(
      /expected one argument, got 2/,
    );
  });

  it('turns a failing handler into a rejected call with its message', async () => {
    const { ipcMain } = registered({
      'backup:list': () => Promise.reject(new Error('The disk is full.')),
      'app:info': () => {
        throw new Error('No version.');
      },
    });
    await expect(ipcMain.invoke('backup:list', APP_PAGE, {})).rejects.toThrow('The disk is full.');
    await expect(ipcMain.invoke('app:info', APP_PAGE, {})).rejects.toThrow('No version.');
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const { ipcMain } = registered({
      'backup:list': () => Promise.resolve([{ id: '../x', createdAt: 'now', sizeBytes: -1 }]),
    });
    await expect(ipcMain.invoke('backup:list', APP_PAGE, {})).rejects.toThrow(
      /invalid answer on "backup:list"/,
    );
  });
});
