import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installQuitFlow, QUIT_BACKUP_TIMEOUT_MS } from '../../../electron/main/quitFlow';
import { FakeEmitter, preventableEvent } from './fakes';

/** An app whose quit() fires before-quit, like Electron's, and records real quits. */
class FakeApp extends FakeEmitter {
  quits = 0;

  /** Fires before-quit; if nothing prevented it, the app really quits. */
  quit(): void {
    const event = preventableEvent({});
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quits += 1;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('quit flow', () => {
  it('holds the first quit back and asks the renderer for a backup', () => {
    const app = new FakeApp();
    const requestBackup = vi.fn(() => true);
    installQuitFlow(app, { requestBackup });
    app.quit();
    expect(requestBackup).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(0);
  });

  it('quits as soon as the backup arrives', () => {
    const app = new FakeApp();
    const flow = installQuitFlow(app, { requestBackup: () => true });
    app.quit();
    vi.advanceTimersByTime(500);
    expect(app.quits).toBe(0);
    flow.backupSaved();
    expect(app.quits).toBe(1);
    expect(flow.isQuitting).toBe(true);
    vi.advanceTimersByTime(QUIT_BACKUP_TIMEOUT_MS);
    expect(app.quits).toBe(1);
  });

  it('quits after 3 seconds when no backup arrives', () => {
    const app = new FakeApp();
    installQuitFlow(app, { requestBackup: () => true });
    app.quit();
    vi.advanceTimersByTime(QUIT_BACKUP_TIMEOUT_MS - 1);
    expect(app.quits).toBe(0);
    vi.advanceTimersByTime(1);
    expect(app.quits).toBe(1);
  });

  it('asks only once when quit is requested again while waiting', () => {
    const app = new FakeApp();
    const requestBackup = vi.fn(() => true);
    const flow = installQuitFlow(app, { requestBackup });
    app.quit();
    app.quit();
    expect(requestBackup).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(0);
    flow.backupSaved();
    expect(app.quits).toBe(1);
  });

  it('quits at once when there is no window to ask', () => {
    const app = new FakeApp();
    installQuitFlow(app, { requestBackup: () => false });
    app.quit();
    expect(app.quits).toBe(1);
  });

  it('ignores a quit backup that arrives when no quit is under way', () => {
    const app = new FakeApp();
    const flow = installQuitFlow(app, { requestBackup: () => true });
    flow.backupSaved();
    expect(app.quits).toBe(0);
    expect(flow.isQuitting).toBe(false);
  });

  it('turns closing the main window into the same quit flow', () => {
    const app = new FakeApp();
    const requestBackup = vi.fn(() => true);
    const flow = installQuitFlow(app, { requestBackup });
    const close = preventableEvent({});
    flow.interceptWindowClose(close);
    expect(close.defaultPrevented).toBe(true);
    expect(requestBackup).toHaveBeenCalledTimes(1);
    flow.backupSaved();
    expect(app.quits).toBe(1);
    const finalClose = preventableEvent({});
    flow.interceptWindowClose(finalClose);
    expect(finalClose.defaultPrevented).toBe(false);
  });
});
