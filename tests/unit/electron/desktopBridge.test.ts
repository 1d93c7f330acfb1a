import { describe, expect, it, vi } from 'vitest';
import { createDesktopBridge, type IpcRendererLike } from '../../../electron/preload/desktopBridge';
import { FakeEmitter } from './fakes';

/** ipcRenderer: records invocations and lets the test emit main-process events. */
class FakeIpcRenderer extends FakeEmitter implements IpcRendererLike {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> =>
    Promise.resolve('answer'),
  );
}

/** The bridge as untyped renderer code could call it. */
interface UntypedBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: () => void): () => void;
}

describe('desktop bridge (preload)', () => {
  it('invokes the contract channels with the request', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    await expect(bridge.invoke('backup:list', {})).resolves.toBe('answer');
    expect(ipc.invoke).toHaveBeenCalledWith('backup:list', {});
  });

  it('invokes the report channels', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const pdf = { suggestedName: 'a.pdf', pageSize: 'A4', title: '' } as const;
    const csv = { kind: 'csv', suggestedName: 'a.csv', contents: 'a' } as const;
    await bridge.invoke('report:savePdf', pdf);
    await bridge.invoke('report:saveFile', csv);
    expect(ipc.invoke.mock.calls).toEqual([
      ['report:savePdf', pdf],
      ['report:saveFile', csv],
    ]);
  });

  it('refuses channels outside the contract without calling ipcRenderer', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const untyped = bridge as unknown as UntypedBridge;
    await expect(untyped.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(
      'Relevant has no desktop channel named "fs:readFile".',
    );
    await expect(untyped.invoke('__proto__', {})).rejects.toThrow(/no desktop channel/);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it("strips Electron's remote-method prefix from main-process errors", async () => {
    const ipc = new FakeIpcRenderer();
    ipc.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'backup:read': Error: There is no backup named x."),
    );
    const bridge = createDesktopBridge(ipc);
    await expect(bridge.invoke('backup:read', { id: 'x' })).rejects.toThrow(
      /^There is no backup named x\.$/,
    );
  });

  it('hands listeners the payload only, never the raw event', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const listener = vi.fn();
    bridge.on('menu:command', listener);
    const rawEvent = { sender: 'ipcRenderer', ports: [] };
    ipc.emit('menu:command', rawEvent, 'new-interaction');
    expect(listener).toHaveBeenCalledWith('new-interaction');
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('returns an unsubscribe that removes the listener', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const listener = vi.fn();
    const off = bridge.on('backup:request', listener);
    expect(ipc.listenerCount('backup:request')).toBe(1);
    off();
    expect(ipc.listenerCount('backup:request')).toBe(0);
    ipc.emit('backup:request', {}, 'quit');
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses to listen to events outside the contract', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createDesktopBridge(ipc);
    const untyped = bridge as unknown as UntypedBridge;
    expect(() => untyped.on('backup:save', () => undefined)).toThrow(/no desktop event/);
    expect(ipc.listenerCount('backup:save')).toBe(0);
  });

  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createDesktopBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
