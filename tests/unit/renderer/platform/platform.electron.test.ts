import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  BackupInfo,
  DesktopBridge,
  IpcChannel,
  MainEvent,
  MainEvents,
  MenuCommand,
} from '../../../../shared/ipc';
import { desktopPlatform } from '../../../../renderer/src/platform/platform.electron';

const INFO: BackupInfo = {
  id: 'journal-20261125T183000123Z.ydoc',
  createdAt: '2026-11-25T18:30:00.123Z',
  sizeBytes: 3,
};

type Call = readonly [IpcChannel, unknown];

/** A preload bridge that records what the renderer invokes and lets tests send main's events. */
function fakeBridge(answers: Partial<Record<IpcChannel, () => Promise<unknown>>> = {}) {
  const calls: Call[] = [];
  const listeners = new Map<MainEvent, Set<(payload: never) => void>>();
  const bridge = {
    invoke(channel: IpcChannel, request: unknown) {
      calls.push([channel, request]);
      return answers[channel]?.() ?? Promise.resolve(null);
    },
    on(event: MainEvent, listener: (payload: never) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as DesktopBridge;
  return {
    bridge,
    calls,
    emit<E extends MainEvent>(event: E, payload: MainEvents[E]) {
      for (const listener of listeners.get(event) ?? []) {
        (listener as (payload: MainEvents[E]) => void)(payload);
      }
    },
    listenerCount: (event: MainEvent) => listeners.get(event)?.size ?? 0,
  };
}

/** Lets pending promise callbacks and timers of zero delay run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

let unhandled: unknown[];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', recordUnhandled);
});

afterEach(() => {
  process.off('unhandledRejection', recordUnhandled);
  vi.restoreAllMocks();
});

describe('desktopPlatform backups', () => {
  it('saves, lists and reads through the matching channels, returning main’s answers', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const fake = fakeBridge({
      'backup:save': () => Promise.resolve(INFO),
      'backup:list': () => Promise.resolve([INFO]),
      'backup:read': () => Promise.resolve(bytes),
    });
    const platform = desktopPlatform(fake.bridge);
    const update = new Uint8Array([9, 9, 9]);

    expect(platform.kind).toBe('desktop');
    expect(await platform.backups.save(update, 'quit')).toEqual(INFO);
    expect(await platform.backups.list()).toEqual([INFO]);
    expect(await platform.backups.read(INFO.id)).toBe(bytes);
    expect(fake.calls).toEqual([
      ['backup:save', { update, reason: 'quit' }],
      ['backup:list', {}],
      ['backup:read', { id: INFO.id }],
    ]);
  });

  it('passes main’s refusal on to the caller', async () => {
    const refused = new Error('An empty backup was refused.');
    const fake = fakeBridge({ 'backup:save': () => Promise.reject(refused) });
    await expect(
      desktopPlatform(fake.bridge).backups.save(new Uint8Array(), 'manual'),
    ).rejects.toBe(refused);
  });

  it('names where the backups live', () => {
    expect(desktopPlatform(fakeBridge().bridge).backups.location).toBe('the app data folder');
    expect(
      desktopPlatform(fakeBridge().bridge, '/home/ana/.config/Relevant/backups').backups.location,
    ).toBe('/home/ana/.config/Relevant/backups');
  });
});

describe('desktopPlatform links and menu', () => {
  it('opens links through shell:openExternal, whatever main answers', async () => {
    const fake = fakeBridge({ 'shell:openExternal': () => Promise.resolve(false) });
    await expect(
      desktopPlatform(fake.bridge).openExternal('https://example.org/a?b=1'),
    ).resolves.toBeUndefined();
    expect(fake.calls).toEqual([['shell:openExternal', { url: 'https://example.org/a?b=1' }]]);
  });

  it('delivers menu commands until unsubscribed', () => {
    const fake = fakeBridge();
    const received: MenuCommand[] = [];
    const stop = desktopPlatform(fake.bridge).onMenuCommand((command) => received.push(command));
    fake.emit('menu:command', 'new-interaction');
    fake.emit('menu:command', 'backup-now');
    stop();
    fake.emit('menu:command', 'undo');
    expect(received).toEqual(['new-interaction', 'backup-now']);
    expect(fake.listenerCount('menu:command')).toBe(0);
  });
});

describe('desktopPlatform exports', () => {
  const pdf = { suggestedName: 'november.pdf', pageSize: 'A4', title: 'Save the report' } as const;

  it('saves a PDF through report:savePdf and says where', async () => {
    const fake = fakeBridge({
      'report:savePdf': () => Promise.resolve({ saved: true, path: '/home/ana/november.pdf' }),
    });
    const { exports } = desktopPlatform(fake.bridge);
    expect(exports.canSavePdf).toBe(true);
    await expect(exports.savePdf(pdf)).resolves.toEqual({
      saved: true,
      path: '/home/ana/november.pdf',
    });
    expect(fake.calls).toEqual([['report:savePdf', pdf]]);
  });

  it('reads a cancelled PDF save as not saved and not printed', async () => {
    const fake = fakeBridge({ 'report:savePdf': () => Promise.resolve({ saved: false }) });
    await expect(desktopPlatform(fake.bridge).exports.savePdf(pdf)).resolves.toEqual({
      saved: false,
      printed: false,
    });
  });

  it('saves Markdown and CSV through report:saveFile, passing main’s answer and errors on', async () => {
    const failure = new Error('Could not write the CSV file to /x.csv: the disk is full.');
    const fake = fakeBridge({ 'report:saveFile': () => Promise.reject(failure) });
    const request = { kind: 'csv', suggestedName: 'x.csv', contents: 'a,b\r\n' } as const;
    await expect(desktopPlatform(fake.bridge).exports.saveFile(request)).rejects.toBe(failure);
    expect(fake.calls).toEqual([['report:saveFile', request]]);
  });
});

describe('desktopPlatform onClosing', () => {
  it('runs the listener on backup:request and says app:readyToQuit only after it finished', async () => {
    const fake = fakeBridge();
    let finish: () => void = () => undefined;
    const listener = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    desktopPlatform(fake.bridge).onClosing(listener);

    fake.emit('backup:request', 'quit');
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.calls).toEqual([]);

    finish();
    await settle();
    expect(fake.calls).toEqual([['app:readyToQuit', {}]]);
  });

  it('still says app:readyToQuit when the listener rejects, without an unhandled rejection', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = fakeBridge();
    const failure = new Error('backup failed');
    desktopPlatform(fake.bridge).onClosing(() => Promise.reject(failure));
    fake.emit('backup:request', 'quit');
    await settle();
    expect(fake.calls).toEqual([['app:readyToQuit', {}]]);
    expect(unhandled).toEqual([]);
    expect(logged).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it('still says app:readyToQuit when the listener throws before returning a promise', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = fakeBridge();
    desktopPlatform(fake.bridge).onClosing(() => {
      throw new Error('no journal open');
    });
    expect(() => fake.emit('backup:request', 'quit')).not.toThrow();
    await settle();
    expect(fake.calls).toEqual([['app:readyToQuit', {}]]);
    expect(unhandled).toEqual([]);
  });

  it('leaves no unhandled rejection when main is gone and app:readyToQuit fails', async () => {
    const fake = fakeBridge({
      'app:readyToQuit': () => Promise.reject(new Error('the window is closing')),
    });
    desktopPlatform(fake.bridge).onClosing(() => Promise.resolve());
    fake.emit('backup:request', 'quit');
    await settle();
    expect(fake.calls).toEqual([['app:readyToQuit', {}]]);
    expect(unhandled).toEqual([]);
  });

  it('stops listening when unsubscribed', async () => {
    const fake = fakeBridge();
    const listener = vi.fn(() => Promise.resolve());
    const stop = desktopPlatform(fake.bridge).onClosing(listener);
    stop();
    fake.emit('backup:request', 'quit');
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(fake.listenerCount('backup:request')).toBe(0);
  });
});
