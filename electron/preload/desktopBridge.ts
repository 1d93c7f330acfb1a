import {
  IPC_CHANNELS,
  MAIN_EVENTS,
  type IpcChannel,
  type MainEvent,
  type MainEvents,
} from '../../shared/ipc/channels';
import type { DesktopBridge, IpcResponse } from '../../shared/ipc/contract';

/** A listener as ipcRenderer calls it: the raw event first, then the payload. */
type RawListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: RawListener): unknown;
  removeListener(channel: string, listener: RawListener): unknown;
}

const channels: ReadonlySet<string> = new Set(IPC_CHANNELS);
const events: ReadonlySet<string> = new Set(MAIN_EVENTS);

/** Electron prefixes main-process errors with "Error invoking remote method '…': Error: ". */
function withoutIpcPrefix(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (Error: )?/, ''));
}

/**
 * The object the preload exposes as `window.relevantDesktop`: invokes only the contract's
 * channels and listens only to its main events, handing listeners the payload alone —
 * never ipcRenderer or its event object.
 */
export function createDesktopBridge(ipc: IpcRendererLike): DesktopBridge {
  return Object.freeze({
    async invoke<C extends IpcChannel>(channel: C, request: unknown): Promise<IpcResponse<C>> {
      if (!channels.has(channel)) {
        throw new Error(`Relevant has no desktop channel named "${channel}".`);
      }
      try {
        // The main process validates the answer against the contract before sending it.
        return (await ipc.invoke(channel, request)) as IpcResponse<C>;
      } catch (error) {
        throw withoutIpcPrefix(error);
      }
    },
    on<E extends MainEvent>(event: E, listener: (payload: MainEvents[E]) => void): () => void {
      if (!events.has(event)) throw new Error(`Relevant has no desktop event named "${event}".`);
      if (typeof listener !== 'function') throw new Error('A listener must be a function.');
      const forward: RawListener = (_event, payload) => {
        listener(payload as MainEvents[E]);
      };
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  });
}
