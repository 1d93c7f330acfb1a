import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUPS_KEPT } from '../../../../shared/ipc';
import type { BackupService } from '../../../../renderer/src/platform/platform';
import { webBackups } from '../../../../renderer/src/platform/webBackups';
import { injectStorageFaults } from './storageFaults';

const START = Date.UTC(2026, 10, 25, 18, 30, 0, 123);

/** Distinct contents per backup, so a mix-up of two backups shows. */
const bytes = (n: number) => new Uint8Array(n).fill(n);

let factory: IDBFactory;
let backups: BackupService;

beforeEach(() => {
  factory = new IDBFactory();
  backups = webBackups(factory);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Saves backups 1..count, each `stepMs` after the one before (0: all in one millisecond). */
async function saveMany(count: number, stepMs: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  const saved = [];
  for (let n = 1; n <= count; n++) {
    vi.setSystemTime(START + (n - 1) * stepMs);
    saved.push(await backups.save(bytes(n), 'interval'));
  }
  vi.useRealTimers();
  return saved;
}

describe('webBackups', () => {
  it('saves a backup named by its time and reads back the same bytes', async () => {
    const [info] = await saveMany(1, 0);
    expect(info).toEqual({
      id: 'journal-20261125T183000123Z.ydoc',
      createdAt: '2026-11-25T18:30:00.123Z',
      sizeBytes: 1,
    });
    const update = new Uint8Array([0, 1, 2, 250, 255]);
    const second = await backups.save(update, 'manual');
    update.fill(0); // the stored copy does not change with the caller's array
    expect(await backups.read(second.id)).toEqual(new Uint8Array([0, 1, 2, 250, 255]));
  });

  it('keeps its backups in a database of its own, apart from the journal', async () => {
    await backups.save(bytes(3), 'interval');
    expect((await factory.databases()).map((db) => db.name)).toEqual(['relevant-backups']);
  });

  it('lists backups newest first', async () => {
    const saved = await saveMany(3, 60_000);
    expect((await backups.list()).map((b) => b.id)).toEqual([
      'journal-20261125T183200123Z.ydoc',
      'journal-20261125T183100123Z.ydoc',
      'journal-20261125T183000123Z.ydoc',
    ]);
    expect(await backups.list()).toEqual([...saved].reverse());
  });

  it(`keeps exactly the newest ${BACKUPS_KEPT} after 12 saves`, async () => {
    const saved = await saveMany(12, 1_000);
    const listed = await backups.list();
    expect(listed).toHaveLength(BACKUPS_KEPT);
    expect(listed).toEqual(saved.slice(2).reverse());
    expect(listed.map((b) => b.sizeBytes)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(await backups.read(listed[0]?.id ?? '')).toEqual(bytes(12));
    await expect(backups.read(saved[0]?.id ?? '')).rejects.toThrow(/no longer exists/);
  });

  it('lists backups taken within one millisecond in the order they were taken', async () => {
    const saved = await saveMany(3, 0);
    expect(saved.map((b) => b.id)).toEqual([
      'journal-20261125T183000123Z.ydoc',
      'journal-20261125T183000123Z-1.ydoc',
      'journal-20261125T183000123Z-2.ydoc',
    ]);
    expect(await backups.list()).toEqual([...saved].reverse());
  });

  it('orders -10 after -9 among backups of one millisecond', async () => {
    const saved = await saveMany(BACKUPS_KEPT + 1, 0);
    const listed = await backups.list();
    expect(listed[0]?.id).toBe('journal-20261125T183000123Z-10.ydoc');
    expect(listed).toEqual(saved.slice(1).reverse());
  });

  it('never prunes the backup it has just saved, even when the clock was set back', async () => {
    await saveMany(BACKUPS_KEPT, 60_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START - 3_600_000); // the system clock was corrected by an hour
    const latest = await backups.save(bytes(99), 'quit');
    vi.useRealTimers();

    expect(await backups.read(latest.id)).toEqual(bytes(99));
    const listed = await backups.list();
    expect(listed).toHaveLength(BACKUPS_KEPT);
    expect(listed.map((b) => b.id)).toContain(latest.id);
    // The oldest of the earlier ones made room.
    expect(listed.map((b) => b.id)).not.toContain('journal-20261125T183000123Z.ydoc');
  });

  it('keeps the newest when saves come faster than the clock ticks', async () => {
    const saved = [];
    for (let n = 1; n <= 12; n++) saved.push(await backups.save(bytes(n), 'interval'));
    const listed = await backups.list();
    expect(listed.map((b) => b.sizeBytes)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(listed).toEqual(saved.slice(2).reverse());
  });

  it('says clearly when a backup to read no longer exists', async () => {
    await backups.save(bytes(1), 'interval');
    await expect(backups.read('journal-20200101T000000000Z.ydoc')).rejects.toThrow(
      'The backup journal-20200101T000000000Z.ydoc no longer exists.',
    );
  });

  it('fails a backup the disk refuses at commit, and lists only those really stored', async () => {
    const [kept] = await saveMany(1, 0);
    // Every write aborts with QuotaExceededError once its request has worked, as Chromium's do.
    injectStorageFaults(() => 0, 1);
    await expect(backups.save(bytes(7), 'manual')).rejects.toThrow(
      /storage for Relevant is full, so the backup was not stored/,
    );
    vi.restoreAllMocks();
    expect((await backups.list()).map((backup) => backup.id)).toEqual([kept?.id]);
  });

  it('lists nothing, rather than failing, before the first backup', async () => {
    expect(await backups.list()).toEqual([]);
  });
});
