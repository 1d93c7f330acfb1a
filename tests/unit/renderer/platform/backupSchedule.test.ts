import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeJournalFile, JournalDoc } from '../../../../shared/doc';
import type { BackupInfo } from '../../../../shared/ipc';
import {
  BACKUP_INTERVAL_MS,
  scheduleBackups,
} from '../../../../renderer/src/platform/backupSchedule';
import type { Platform } from '../../../../renderer/src/platform/platform';
import { aConference, anInteraction } from '../../../fixtures/interactions';

const INTERVAL = 60_000;

interface Saved {
  readonly titles: string[];
  readonly reason: string;
}

/** A platform whose backups are recorded; `close()` plays the app closing. */
function fakePlatform(kind: Platform['kind']) {
  const saved: Saved[] = [];
  let failNext = 0;
  let closing: (() => Promise<void>) | null = null;
  const save = vi.fn((update: Uint8Array, reason: string): Promise<BackupInfo> => {
    if (failNext > 0) {
      failNext--;
      return Promise.reject(new Error('The disk is full.'));
    }
    const copy = new JournalDoc();
    copy.applyUpdate(decodeJournalFile(update).journal);
    saved.push({ titles: copy.getSnapshot().interactions.map((i) => i.title), reason });
    return Promise.resolve({
      id: 'journal-20261125T183000123Z.ydoc',
      createdAt: '2026-11-25T18:30:00.123Z',
      sizeBytes: update.byteLength,
    });
  });
  const platform: Platform = {
    kind,
    backups: { save, list: () => Promise.resolve([]), read: vi.fn(), location: 'a test' },
    exports: { canSavePdf: false, savePdf: vi.fn(), saveFile: vi.fn() },
    syncTokens: null,
    reminders: {
      permission: () => 'unsupported',
      requestPermission: vi.fn(),
      show: vi.fn(),
      onClick: () => () => undefined,
    },
    openExternal: () => Promise.resolve(),
    onMenuCommand: () => () => undefined,
    onClosing(listener) {
      closing = listener;
      return () => {
        closing = null;
      };
    },
  };
  return {
    platform,
    saved,
    save,
    failNextSaves(count: number) {
      failNext = count;
    },
    get listensForClosing() {
      return closing !== null;
    },
    async close() {
      await closing?.();
    },
  };
}

let journal: JournalDoc;
let errors: Error[];
let stops: (() => void)[];

beforeEach(() => {
  vi.useFakeTimers();
  journal = new JournalDoc();
  journal.migrate();
  errors = [];
  stops = [];
});

afterEach(() => {
  for (const stop of stops) stop();
  journal.destroy();
  vi.useRealTimers();
});

function schedule(fake: ReturnType<typeof fakePlatform>, intervalMs = INTERVAL) {
  const stop = scheduleBackups(journal, fake.platform, (error) => errors.push(error), intervalMs);
  stops.push(stop);
  return stop;
}

describe('scheduleBackups at the interval', () => {
  it('backs up nothing while the journal does not change', async () => {
    journal.addInteraction(anInteraction());
    const fake = fakePlatform('web');
    schedule(fake);
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(fake.save).not.toHaveBeenCalled();
  });

  it('backs up a change at the next interval, once, with the journal as it is then', async () => {
    const fake = fakePlatform('web');
    schedule(fake);
    journal.addInteraction(anInteraction());
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(fake.saved).toEqual([]);

    journal.addInteraction(aConference());
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.saved).toEqual([
      {
        titles: ['Food Manufacturing Summit – day 1', 'Coffee with Ana Lopez'],
        reason: 'interval',
      },
    ]);

    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(fake.save).toHaveBeenCalledTimes(1);
  });

  it('backs up every interval in which something changed', async () => {
    const fake = fakePlatform('desktop');
    schedule(fake);
    journal.addInteraction(anInteraction());
    await vi.advanceTimersByTimeAsync(INTERVAL);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    journal.addInteraction(aConference());
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(fake.saved.map((s) => s.titles.length)).toEqual([1, 2]);
  });

  it('uses a five-minute interval by default', async () => {
    expect(BACKUP_INTERVAL_MS).toBe(5 * 60 * 1000);
    const fake = fakePlatform('web');
    stops.push(scheduleBackups(journal, fake.platform, (error) => errors.push(error)));
    journal.addInteraction(anInteraction());
    await vi.advanceTimersByTimeAsync(BACKUP_INTERVAL_MS - 1);
    expect(fake.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.save).toHaveBeenCalledTimes(1);
  });

  it('backs up a change made while the previous backup was being stored', async () => {
    const fake = fakePlatform('web');
    let finishFirst: () => void = () => undefined;
    const realSave = fake.save.getMockImplementation();
    fake.save.mockImplementationOnce(
      (update, reason) =>
        new Promise((resolve, reject) => {
          finishFirst = () => void realSave?.(update, reason).then(resolve, reject);
        }),
    );
    schedule(fake);
    journal.addInteraction(anInteraction());
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(fake.save).toHaveBeenCalledTimes(1);

    journal.addInteraction(aConference()); // while the first backup is still being written
    finishFirst();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(fake.save).toHaveBeenCalledTimes(2);
    expect(fake.saved.at(-1)?.titles).toHaveLength(2);
  });
});

describe('scheduleBackups when the app closes', () => {
  it('on the web, backs up only if something changed since the last backup', async () => {
    const fake = fakePlatform('web');
    journal.addInteraction(anInteraction());
    schedule(fake);
    await fake.close();
    expect(fake.save).not.toHaveBeenCalled();

    journal.addInteraction(aConference());
    await fake.close();
    expect(fake.saved).toEqual([
      { titles: ['Food Manufacturing Summit – day 1', 'Coffee with Ana Lopez'], reason: 'quit' },
    ]);
    await fake.close();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(fake.save).toHaveBeenCalledTimes(1);
  });

  it('on the desktop, always backs up on quit, changed or not', async () => {
    const fake = fakePlatform('desktop');
    journal.addInteraction(anInteraction());
    schedule(fake);
    await fake.close();
    expect(fake.saved).toEqual([{ titles: ['Coffee with Ana Lopez'], reason: 'quit' }]);
  });

  it.each(['web', 'desktop'] as const)(
    'never backs up an empty journal (%s), not even after it changed',
    async (kind) => {
      const fake = fakePlatform(kind);
      schedule(fake);
      const id = journal.addInteraction(anInteraction());
      journal.deleteInteraction(id);
      await vi.advanceTimersByTimeAsync(INTERVAL * 2);
      await fake.close();
      expect(fake.save).not.toHaveBeenCalled();
    },
  );
});

describe('scheduleBackups when a backup fails', () => {
  it('reports the failure and tries again at the next interval', async () => {
    const fake = fakePlatform('web');
    schedule(fake);
    journal.addInteraction(anInteraction());
    fake.failNextSaves(1);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(errors.map((e) => e.message)).toEqual(['The disk is full.']);
    expect(fake.saved).toEqual([]);

    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(fake.saved).toEqual([{ titles: ['Coffee with Ana Lopez'], reason: 'interval' }]);
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(fake.save).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(1);
  });

  it('reports a failed backup on quit without rejecting, so quitting goes on', async () => {
    const fake = fakePlatform('desktop');
    journal.addInteraction(anInteraction());
    schedule(fake);
    fake.failNextSaves(1);
    await expect(fake.close()).resolves.toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual(['The disk is full.']);
  });

  it('turns a rejection that is not an Error into one', async () => {
    const fake = fakePlatform('web');
    fake.save.mockRejectedValueOnce('storage went away');
    schedule(fake);
    journal.addInteraction(anInteraction());
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect(errors[0]?.message).toBe('storage went away');
  });
});

describe('scheduleBackups stopped', () => {
  it('backs up nothing more and stops listening for closing', async () => {
    const fake = fakePlatform('desktop');
    const stop = schedule(fake);
    expect(fake.listensForClosing).toBe(true);
    journal.addInteraction(anInteraction());
    stop();
    expect(fake.listensForClosing).toBe(false);
    journal.addInteraction(aConference());
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(fake.save).not.toHaveBeenCalled();
  });
});
