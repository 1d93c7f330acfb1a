/** How long quitting waits for the renderer's last backup. */
export const QUIT_BACKUP_TIMEOUT_MS = 3000;

/** A quit or close that may be held back. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's app the quit flow uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

/** What the quit flow needs besides the app. */
export interface QuitFlowOptions {
  /** Asks the renderer for a last backup; false when there is no window to ask. */
  readonly requestBackup: () => boolean;
  readonly timeoutMs?: number;
}

/** Controls of an installed quit flow. */
export interface QuitFlow {
  /** The renderer's last backup arrived (or failed): quit now. */
  backupSaved(): void;
  /** For the main window's `close` event: closing it quits the app, through this flow. */
  interceptWindowClose(event: PreventableEvent): void;
  /** Whether the app has finished its quit flow and is really quitting. */
  readonly isQuitting: boolean;
}

/**
 * Holds the first quit back until the renderer has sent a last backup (`backup:save` with
 * reason 'quit') or `timeoutMs` has passed, then quits for real.
 */
export function installQuitFlow(
  app: QuittingApp,
  { requestBackup, timeoutMs = QUIT_BACKUP_TIMEOUT_MS }: QuitFlowOptions,
): QuitFlow {
  let state: 'running' | 'waiting' | 'quitting' = 'running';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const quitNow = () => {
    if (state !== 'waiting') return;
    state = 'quitting';
    clearTimeout(timer);
    app.quit();
  };

  app.on('before-quit', (event) => {
    if (state === 'quitting') return;
    if (state === 'running' && !requestBackup()) {
      state = 'quitting'; // no renderer to wait for
      return;
    }
    event.preventDefault();
    if (state === 'running') {
      state = 'waiting';
      timer = setTimeout(quitNow, timeoutMs);
    }
  });

  return {
    backupSaved: quitNow,
    interceptWindowClose(event) {
      if (state === 'quitting') return;
      event.preventDefault();
      app.quit();
    },
    get isQuitting() {
      return state === 'quitting';
    },
  };
}
