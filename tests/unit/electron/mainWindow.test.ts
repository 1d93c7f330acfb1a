import { describe, expect, it, vi } from 'vitest';
import {
  mainWindowOptions,
  openMainWindow,
  type MainWindowOptions,
} from '../../../electron/main/mainWindow';
import { FakeEmitter } from './fakes';

class FakeWindow extends FakeEmitter {
  readonly show = vi.fn();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  constructor(readonly options: MainWindowOptions) {
    super();
  }
}

describe('main window', () => {
  it('is sandboxed and context-isolated, with the preload and no Node', () => {
    const { webPreferences, title } = mainWindowOptions('/app/out/electron/preload.cjs');
    expect(title).toBe('Relevant');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the app from app://relevant and shows itself when ready', () => {
    const window = openMainWindow((options) => new FakeWindow(options), '/preload.cjs');
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://relevant/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load instead of throwing', async () => {
    const report = vi.fn();
    openMainWindow(
      (options) => {
        const window = new FakeWindow(options);
        window.loadURL.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
        return window;
      },
      '/preload.cjs',
      report,
    );
    await vi.waitFor(() => {
      expect(report).toHaveBeenCalledWith(expect.any(Error));
    });
  });
});
