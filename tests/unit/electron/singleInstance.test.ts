import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type FocusableWindow } from '../../../electron/main/singleInstance';
import { FakeEmitter } from './fakes';

class FakeApp extends FakeEmitter {
  constructor(private readonly lockAvailable: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
}

function fakeWindow(minimized: boolean) {
  const calls = { restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
  const window: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: calls.restore,
    show: calls.show,
    focus: calls.focus,
  };
  return { window, calls };
}

describe('single instance', () => {
  it('tells a second launch to quit', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('focuses the existing window, restoring it when minimized', () => {
    const app = new FakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    app.emit('second-instance');
    expect(calls.restore).toHaveBeenCalled();
    expect(calls.show).toHaveBeenCalled();
    expect(calls.focus).toHaveBeenCalled();
  });

  it('does not restore a window that is not minimized', () => {
    const app = new FakeApp(true);
    const { window, calls } = fakeWindow(false);
    claimSingleInstance(app, () => window);
    app.emit('second-instance');
    expect(calls.restore).not.toHaveBeenCalled();
    expect(calls.focus).toHaveBeenCalled();
  });

  it('does nothing when there is no window yet', () => {
    const app = new FakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => {
      app.emit('second-instance');
    }).not.toThrow();
  });
});
