import { describe, expect, it, vi } from 'vitest';
import {
  createNotifier,
  type NotificationClass,
  type NotificationLike,
} from '../../../electron/main/notifications';
import { createDesktopHandlers } from '../../../electron/main/desktopHandlers';
import { registerIpcHandlers } from '../../../electron/main/ipcRegistry';
import type { BackupKeeper, DesktopHandlerDeps } from '../../../electron/main/desktopHandlers';
import type { IpcInvokeEvent } from '../../../electron/main/ipcRegistry';
import type { ReportFiles } from '../../../electron/main/reportFiles';
import { FakeIpcMain } from './fakes';

/** A fake of Electron's Notification: records what was shown and lets a test click it. */
function fakeNotifications(supported = true) {
  const shown: FakeNotification[] = [];
  class FakeNotification implements NotificationLike {
    readonly listeners = new Map<string, () => void>();
    constructor(readonly options: { title: string; body: string }) {}
    static isSupported() {
      return supported;
    }
    on(event: 'click' | 'close', listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    show() {
      shown.push(this);
    }
    click() {
      this.listeners.get('click')?.();
    }
  }
  return { Notification: FakeNotification satisfies NotificationClass, shown };
}

describe('desktop notifications', () => {
  it('shows a notification with the title and body, and a click calls back', () => {
    const { Notification, shown } = fakeNotifications();
    const onClick = vi.fn();
    const notifier = createNotifier(Notification, onClick);
    expect(notifier.show({ title: '2 follow-ups due', body: 'Send Ana the dates' })).toBe(true);
    expect(shown.map((n) => n.options)).toEqual([
      { title: '2 follow-ups due', body: 'Send Ana the dates' },
    ]);
    expect(onClick).not.toHaveBeenCalled();
    shown[0]?.click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('shows nothing, and says so, where the system has no notifications', () => {
    const { Notification, shown } = fakeNotifications(false);
    expect(createNotifier(Notification, vi.fn()).show({ title: 'Due', body: '' })).toBe(false);
    expect(shown).toEqual([]);
  });

  it('is reached through IPC, which refuses a request without a title', async () => {
    const { Notification, shown } = fakeNotifications();
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createDesktopHandlers({
        backups: {} as BackupKeeper,
        syncTokens: {} as DesktopHandlerDeps['syncTokens'],
        reportFiles: {} as ReportFiles<IpcInvokeEvent>,
        notifier: createNotifier(Notification, vi.fn()),
        openExternal: () => Promise.resolve(),
        version: '0.1.0',
        platform: 'linux',
      }),
    );
    const page = 'app://relevant/index.html';
    await expect(
      ipcMain.invoke('notify:show', page, { title: 'Follow-up due', body: 'Call Tom' }),
    ).resolves.toBe(true);
    await expect(ipcMain.invoke('notify:show', page, { title: '  ', body: 'x' })).rejects.toThrow(
      /needs a title/,
    );
    await expect(
      ipcMain.invoke('notify:show', page, { title: 'x', body: 'y', icon: '/etc/passwd' }),
    ).rejects.toThrow();
    expect(shown).toHaveLength(1);
  });
});
