import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_ID_PATTERN,
  BACKUPS_KEPT,
  backupDate,
  backupIdFor,
  type BackupInfo,
} from '../../shared/ipc';
import { isMissing, syncFolder, writeDurably } from './durableFiles';

/** Where and how a BackupStore keeps its backups. */
export interface BackupStoreOptions {
  /** The folder of the backups (userData/backups); created on the first save. */
  readonly folder: string;
  /** How many backups are kept; older ones are deleted after each save. */
  readonly keep?: number;
  /** The clock that names backups (tests pass their own). */
  readonly now?: () => Date;
}

/** Temporary files of an unfinished save: ".journal-….ydoc.<random>.tmp". */
const TEMP_FILE_PATTERN = /^\.journal-.*\.tmp$/;

/** The "-2" of "journal-…Z-2.ydoc" as a number; 0 without a suffix. */
function suffixOf(id: string): number {
  return Number(/-(\d+)\.ydoc$/.exec(id)?.[1] ?? 0);
}

/** Orders backup names newest first: by the time in the name, then by suffix. */
export function compareNewestFirst(a: string, b: string): number {
  const byTime = (backupDate(b)?.getTime() ?? 0) - (backupDate(a)?.getTime() ?? 0);
  return byTime !== 0 ? byTime : suffixOf(b) - suffixOf(a);
}

/** The checksum file beside a backup: the SHA-256 of its bytes, in hex. */
const checksumFile = (id: string) => `${id}.sha256`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Rotating snapshots of the encoded journal in one folder. Saves are atomic (temp file,
 * then rename, then the folder synced) and run one at a time; only the newest `keep` backups
 * are kept. Each has a SHA-256 checksum beside it, checked when listed and when read.
 */
export class BackupStore {
  /** The folder holding the backups. */
  readonly folder: string;
  private readonly keep: number;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor({ folder, keep = BACKUPS_KEPT, now = () => new Date() }: BackupStoreOptions) {
    this.folder = folder;
    this.keep = keep;
    this.now = now;
  }

  /** Stores a backup named by the current UTC time and removes the oldest beyond `keep`. */
  save(bytes: Uint8Array): Promise<BackupInfo> {
    const saved = this.queue.then(() => this.write(bytes));
    this.queue = saved.catch(() => undefined);
    return saved;
  }

  /** The stored backups, newest first. */
  async list(): Promise<BackupInfo[]> {
    const ids = (await this.backupIds()).sort(compareNewestFirst);
    const infos = await Promise.all(ids.map((id) => this.info(id)));
    return infos.filter((info): info is BackupInfo => info !== null);
  }

  /**
   * The bytes of one backup; the id must be a backup name, never a path. A backup whose bytes
   * no longer match its checksum is refused (one taken before checksums has none to check).
   */
  async read(id: string): Promise<Uint8Array<ArrayBuffer>> {
    if (!BACKUP_ID_PATTERN.test(id)) {
      throw new Error(`"${id}" is not the name of a backup.`);
    }
    let bytes: Buffer<ArrayBuffer>;
    try {
      bytes = await readFile(path.join(this.folder, id));
    } catch (error) {
      if (isMissing(error)) {
        throw new Error(`There is no backup named ${id} in ${this.folder}.`, { cause: error });
      }
      throw error;
    }
    const checksum = await this.checksumOf(id);
    if (checksum !== null && checksum !== sha256(bytes)) {
      throw new Error(
        `The backup ${id} is damaged: its bytes no longer match the checksum taken with it. Choose another backup.`,
      );
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private async write(bytes: Uint8Array): Promise<BackupInfo> {
    await mkdir(this.folder, { recursive: true });
    const id = backupIdFor(this.now(), new Set(await this.backupIds()));
    const random = randomBytes(6).toString('hex');
    const temp = path.join(this.folder, `.${id}.${random}.tmp`);
    const checksumTemp = path.join(this.folder, `.${checksumFile(id)}.${random}.tmp`);
    try {
      // The checksum first, so that every backup in the folder has one.
      await writeDurably(checksumTemp, new TextEncoder().encode(sha256(bytes)));
      await writeDurably(temp, bytes);
      await rename(checksumTemp, path.join(this.folder, checksumFile(id)));
      await rename(temp, path.join(this.folder, id));
      await syncFolder(this.folder);
    } catch (error) {
      await rm(temp, { force: true });
      await rm(checksumTemp, { force: true });
      await rm(path.join(this.folder, checksumFile(id)), { force: true });
      throw new Error(`The backup could not be written to ${this.folder}: ${String(error)}`, {
        cause: error,
      });
    }
    await this.prune(id);
    const createdAt = (backupDate(id) ?? this.now()).toISOString();
    return { id, createdAt, sizeBytes: bytes.byteLength };
  }

  /**
   * Deletes backups beyond the newest `keep`, and leftovers of interrupted saves. The backup
   * just saved always stays, even when the clock was set back and its name sorts oldest.
   */
  private async prune(saved: string): Promise<void> {
    const names = await readdir(this.folder);
    const others = (await this.backupIds()).filter((id) => id !== saved);
    const stale = others.sort(compareNewestFirst).slice(this.keep - 1);
    const leftovers = names.filter((name) => TEMP_FILE_PATTERN.test(name));
    await Promise.all(
      [...stale, ...stale.map(checksumFile), ...leftovers].map((name) =>
        rm(path.join(this.folder, name), { force: true }),
      ),
    );
  }

  private async backupIds(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter((name) => BACKUP_ID_PATTERN.test(name));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  /** The checksum stored with a backup, or null for one taken before checksums. */
  private async checksumOf(id: string): Promise<string | null> {
    try {
      return (await readFile(path.join(this.folder, checksumFile(id)), 'utf8')).trim();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** A backup's size and date, and whether its bytes still match its checksum. */
  private async info(id: string): Promise<BackupInfo | null> {
    try {
      const bytes = await readFile(path.join(this.folder, id));
      const createdAt = backupDate(id)?.toISOString() ?? new Date(0).toISOString();
      const checksum = await this.checksumOf(id);
      const info: BackupInfo = { id, createdAt, sizeBytes: bytes.byteLength };
      return checksum !== null && checksum !== sha256(bytes) ? { ...info, damaged: true } : info;
    } catch (error) {
      if (isMissing(error)) return null; // removed while listing
      throw error;
    }
  }
}
