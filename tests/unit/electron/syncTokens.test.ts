import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncTokenStore } from '../../../electron/main/syncTokens';
import { fakeSafeStorage } from './fakes';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'relevant-tokens-'));
  file = path.join(folder, 'data', 'sync-tokens.json');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ANA = 'ana_token_0123456789abcdef';
const WORK = 'work_token_0123456789abcdef';

describe('sync tokens kept by the system', () => {
  it('keeps each journal’s token encrypted, never as plain text, and reads it back after a restart', async () => {
    const store = new SyncTokenStore(file, fakeSafeStorage());
    expect(await store.keep('relevant-journal', ANA)).toBe(true);
    expect(await store.keep('work-journal', WORK)).toBe(true);
    const written = await readFile(file, 'utf8');
    expect(written).not.toContain(ANA);
    expect(written).not.toContain(WORK);

    const restarted = new SyncTokenStore(file, fakeSafeStorage());
    expect(await restarted.read('relevant-journal')).toBe(ANA);
    expect(await restarted.read('work-journal')).toBe(WORK);
    expect(await restarted.read('other-journal')).toBeNull();
    // Only the file is left in the folder: no temporary file stays behind.
    expect(await readdir(path.dirname(file))).toEqual(['sync-tokens.json']);
  });

  it('forgets one journal’s token and keeps the others', async () => {
    const store = new SyncTokenStore(file, fakeSafeStorage());
    await store.keep('relevant-journal', ANA);
    await store.keep('work-journal', WORK);
    expect(await store.keep('relevant-journal', null)).toBe(false);
    expect(await store.read('relevant-journal')).toBeNull();
    expect(await store.read('work-journal')).toBe(WORK);
  });

  it('keeps nothing where the system cannot really encrypt, and says so', async () => {
    for (const safeStorage of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const store = new SyncTokenStore(file, safeStorage);
      expect(await store.keep('relevant-journal', ANA)).toBe(false);
      expect(await store.read('relevant-journal')).toBeNull();
    }
  });

  it('runs concurrent writes one at a time, losing none', async () => {
    const store = new SyncTokenStore(file, fakeSafeStorage());
    const names = Array.from({ length: 20 }, (_, i) => `journal-${i}`);
    await Promise.all(names.map((name, i) => store.keep(name, `${ANA}${i}`)));
    for (const [i, name] of names.entries()) expect(await store.read(name)).toBe(`${ANA}${i}`);
  });

  it('reads a damaged file, or a token sealed elsewhere, as no token, and writes over it', async () => {
    const store = new SyncTokenStore(file, fakeSafeStorage());
    await store.keep('relevant-journal', ANA);
    await writeFile(file, '{"version":1,"tokens":{"relevant-journal":"bm90IHNlYWxlZA=="}}');
    expect(await store.read('relevant-journal')).toBeNull();
    await writeFile(file, '{"version":1,"tok');
    expect(await store.read('relevant-journal')).toBeNull();
    expect(await store.keep('work-journal', WORK)).toBe(true);
    expect(await store.read('work-journal')).toBe(WORK);
  });
});
