/** Fakes of the small Electron surfaces the main-process modules take as parameters. */
import type { NavigationEvent } from '../../../electron/main/navigationGuards';
import type { IpcInvokeEvent } from '../../../electron/main/ipcRegistry';
import type { PreventableEvent } from '../../../electron/main/quitFlow';

type Listener = (...args: never[]) => unknown;

/** A minimal event emitter: records listeners by name and calls them on emit. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...args: unknown[]) => unknown)(...args);
    }
  }
}

/** An event whose default can be prevented; remembers whether it was. */
export function preventableEvent<T extends object>(
  fields: T,
): T &
  PreventableEvent & {
    defaultPrevented: boolean;
  } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A web contents with navigation events and a window-open handler. */
export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `will-navigate` (or another navigation event); returns whether it was prevented. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const navigation: NavigationEvent & { defaultPrevented: boolean } = preventableEvent({ url });
    this.emit(event, navigation);
    return navigation.defaultPrevented;
  }

  /** Calls the window-open handler as `window.open(url)` would. */
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('No window-open handler was set.');
    return this.windowOpenHandler({ url });
  }
}

/** ipcMain: records handlers and invokes them as a renderer frame at `senderUrl` would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler for '${channel}'`));
    const senderFrame = senderUrl === null ? null : { url: senderUrl };
    return Promise.resolve().then(() => handler({ senderFrame }, ...args));
  }
}

/**
 * Electron's safeStorage as a test sees it: "encryption" that is reversible and visibly not
 * the plain text (the bytes reversed, behind a marker), on a system whose secret store is
 * `backend` ('basic_text' is Linux without a keyring).
 */
export function fakeSafeStorage(available = true, backend = 'gnome_libsecret') {
  const marker = Buffer.from('sealed:');
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.concat([marker, Buffer.from(text, 'utf8').reverse()]),
    decryptString: (encrypted: Buffer) => {
      if (!encrypted.subarray(0, marker.length).equals(marker)) throw new Error('not sealed here');
      return Buffer.from(encrypted.subarray(marker.length)).reverse().toString('utf8');
    },
  };
}
