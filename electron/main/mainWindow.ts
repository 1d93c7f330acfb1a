import { APP_ENTRY_URL } from './appOrigin';

/** Options for the main window: a sandboxed, context-isolated renderer with the preload. */
export interface MainWindowOptions {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly backgroundColor: string;
  readonly webPreferences: {
    readonly preload: string;
    readonly contextIsolation: true;
    readonly sandbox: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly nodeIntegrationInSubFrames: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly webviewTag: false;
    readonly navigateOnDragDrop: false;
    readonly spellcheck: boolean;
  };
}

/** The part of Electron's BrowserWindow the app uses when opening it. */
export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

/** The secure options of the main window. */
export function mainWindowOptions(preloadPath: string): MainWindowOptions {
  return {
    title: 'Relevant',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    // Shown on ready-to-show, so the window never flashes empty.
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/**
 * Creates the main window with `create`, shows it once its first paint is ready, and loads
 * the app from the app scheme. Load failures are reported, not thrown.
 */
export function openMainWindow<W extends MainWindowLike>(
  create: (options: MainWindowOptions) => W,
  preloadPath: string,
  reportLoadError: (error: unknown) => void = () => undefined,
): W {
  const window = create(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch(reportLoadError);
  return window;
}
