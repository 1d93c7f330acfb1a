import type { MainEvent, MainEvents } from '../../shared/ipc';

/** Something that can receive main-process events: a window's web contents. */
export interface RendererWindow {
  readonly webContents: {
    send(channel: string, payload: unknown): void;
    isDestroyed?(): boolean;
  };
  isDestroyed?(): boolean;
}

/**
 * Sends a typed main-process event to a window's renderer; returns false when there is no
 * live window to send it to.
 */
export function sendMainEvent<E extends MainEvent>(
  target: RendererWindow | null | undefined,
  event: E,
  payload: MainEvents[E],
): boolean {
  if (!target || target.isDestroyed?.() || target.webContents.isDestroyed?.()) return false;
  target.webContents.send(event, payload);
  return true;
}
