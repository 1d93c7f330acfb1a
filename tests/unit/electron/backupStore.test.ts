import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupStore, compareNewestFirst } from '../../../electron/main/backupStore';

let folder: string;

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'relevant-backups-')), 'backups');
});

afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

/** A clock that moves one second forward at every call, from a fixed start. */
function tickingClock(start = Date.UTC(2026, 10, 25, 18, 30, 0, 123)): () => Date {
  let calls = 0;
  return () => new Date(start + 1000 * calls++);
}

const bytes = (n: number) => new Uint8Array(n).fill(n);

describe('BackupStore', () => {
  it('saves a backup named by its UTC time, creating the folder', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    const info = await store.save(bytes(5));
    expect(info).toEqual({
      id: 'journal-20261125T183000123Z.ydoc',
      createdAt: '2026-11-25T18:30:00.123Z',
      sizeBytes: 5,
    });
    expect((await readdir(folder)).sort()).toEqual([
      'journal-20261125T183000123Z.ydoc',
      'journal-20261125T183000123Z.ydoc.sha256',
    ]);
  });

  it('keeps exactly the newest 10 after 12 saves, listed newest first', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    const saved = [];
    for (let n = 1; n <= 12; n++) saved.push(await store.save(bytes(n)));
    const listed = await store.list();
    expect(listed).toHaveLength(10);
    expect(listed.map((b) => b.id)).toEqual(
      saved
        .slice(2)
        .reverse()
        .map((b) => b.id),
    );
    expect(listed.map((b) => b.sizeBytes)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(listed[0]?.createdAt).toBe('2026-11-25T18:30:11.123Z');
    expect((await readdir(folder)).sort()).toEqual(
      listed.flatMap((b) => [b.id, `${b.id}.sha256`]).sort(),
    );
  });

  it('never prunes the backup it just saved, even after the clock was set back', async () => {
    let now = Date.UTC(2026, 10, 25, 18, 30, 0, 0);
    const store = new BackupStore({ folder, now: () => new Date((now += 1000)) });
    for (let n = 1; n <= 10; n++) await store.save(bytes(n));
    now = Date.UTC(2026, 0, 1); // the clock jumps back ten months
    const info = await store.save(bytes(42));
    const listed = await store.list();
    expect(listed).toHaveLength(10);
    expect(listed.map((b) => b.id)).toContain(info.id);
    await expect(store.read(info.id)).resolves.toEqual(bytes(42));
    expect(listed.map((b) => b.sizeBytes)).not.toContain(1); // the oldest real one went
  });

  it('adds -1, -2 when a name is taken, and orders those newest first', async () => {
    const sameInstant = () => new Date(Date.UTC(2026, 10, 25, 18, 30, 0, 123));
    const store = new BackupStore({ folder, now: sameInstant });
    const ids = [];
    for (let n = 1; n <= 3; n++) ids.push((await store.save(bytes(n))).id);
    expect(ids).toEqual([
      'journal-20261125T183000123Z.ydoc',
      'journal-20261125T183000123Z-1.ydoc',
      'journal-20261125T183000123Z-2.ydoc',
    ]);
    expect((await store.list()).map((b) => b.id)).toEqual([...ids].reverse());
  });

  it('runs concurrent saves one after another without losing any', async () => {
    const store = new BackupStore({ folder, now: () => new Date(Date.UTC(2026, 0, 1)) });
    const infos = await Promise.all([1, 2, 3, 4].map((n) => store.save(bytes(n))));
    expect(new Set(infos.map((i) => i.id)).size).toBe(4);
    expect(await store.list()).toHaveLength(4);
  });

  it('reads a backup back as a Uint8Array', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    const { id } = await store.save(new Uint8Array([7, 8, 9]));
    const read = await store.read(id);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(read)).toBe(false);
    expect([...read]).toEqual([7, 8, 9]);
  });

  it('gives a clear error for a missing backup', async () => {
    const store = new BackupStore({ folder });
    await expect(store.read('journal-20200101T000000000Z.ydoc')).rejects.toThrow(
      /There is no backup named journal-20200101T000000000Z\.ydoc/,
    );
  });

  it('refuses ids that are paths or other files', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    await store.save(bytes(1));
    await writeFile(path.join(path.dirname(folder), 'secret.ydoc'), 'x');
    for (const id of ['../secret.ydoc', '/etc/passwd', 'journal-x.ydoc', '']) {
      await expect(store.read(id)).rejects.toThrow(/is not the name of a backup/);
    }
  });

  it('lists nothing before the first save and ignores foreign files', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    expect(await store.list()).toEqual([]);
    await store.save(bytes(2));
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await writeFile(path.join(folder, '.journal-20261125T183000123Z.ydoc.abc.tmp'), 'half');
    expect((await store.list()).map((b) => b.sizeBytes)).toEqual([2]);
    await store.save(bytes(3));
    expect((await readdir(folder)).sort()).toEqual([
      'journal-20261125T183000123Z.ydoc',
      'journal-20261125T183000123Z.ydoc.sha256',
      'journal-20261125T183001123Z.ydoc',
      'journal-20261125T183001123Z.ydoc.sha256',
      'notes.txt',
    ]);
  });

  it('lists a backup whose bytes changed since as damaged, and refuses to read it', async () => {
    const store = new BackupStore({ folder, now: tickingClock() });
    const damaged = await store.save(bytes(4));
    const intact = await store.save(bytes(6));
    // One byte flipped on disk, as a failing drive or a sync tool can do.
    await writeFile(path.join(folder, damaged.id), new Uint8Array([4, 4, 5, 4]));
    expect(await store.list()).toEqual([intact, { ...damaged, damaged: true }]);
    await expect(store.read(damaged.id)).rejects.toThrow(/is damaged: its bytes no longer match/);
    expect(await store.read(intact.id)).toEqual(bytes(6));
  });

  it('reads a backup taken before checksums, which has none to check', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'journal-20261101T090000000Z.ydoc'), bytes(3));
    const store = new BackupStore({ folder, now: tickingClock() });
    expect(await store.list()).toEqual([
      {
        id: 'journal-20261101T090000000Z.ydoc',
        createdAt: '2026-11-01T09:00:00.000Z',
        sizeBytes: 3,
      },
    ]);
    expect(await store.read('journal-20261101T090000000Z.ydoc')).toEqual(bytes(3));
  });
});

describe('compareNewestFirst', () => {
  it('orders by time, then by suffix', () => {
    const ids = [
      'journal-20261125T183000123Z.ydoc',
      'journal-20261125T183000123Z-10.ydoc',
      'journal-20261126T000000000Z.ydoc',
      'journal-20261125T183000123Z-2.ydoc',
    ];
    expect([...ids].sort(compareNewestFirst)).toEqual([
      'journal-20261126T000000000Z.ydoc',
      'journal-20261125T183000123Z-10.ydoc',
      'journal-20261125T183000123Z-2.ydoc',
      'journal-20261125T183000123Z.ydoc',
    ]);
  });
});
