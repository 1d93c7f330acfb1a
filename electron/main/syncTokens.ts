import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { isMissing, syncFolder, writeDurably } from './durableFiles';

/** The part of Electron's `safeStorage` the token store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store encrypts ('basic_text' is a fixed key: no protection). */
  getSelectedStorageBackend?(): string;
}

const fileSchema = z.object({
  version: z.literal(1),
  /** Journal name → the token encrypted by safeStorage, in base64. */
  tokens: z.record(z.string(), z.string()),
});
type TokenFile = z.infer<typeof fileSchema>;

/**
 * Keeps each journal's sync token encrypted with the operating system's secret store
 * (Electron's safeStorage: the Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux), in one file in the app's data folder. Where the system offers no real
 * encryption (Linux without a keyring falls back to a fixed key), nothing is kept here and
 * `keep` says so: the renderer then keeps the token as before, in its local storage.
 */
export class SyncTokenStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  /** Whether tokens can be kept encrypted on this system. */
  canEncrypt(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    return this.safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  /** The journal's token, or null when none is kept (or it no longer decrypts). */
  async read(journalName: string): Promise<string | null> {
    const encrypted = (await this.readFile()).tokens[journalName];
    if (encrypted === undefined || !this.canEncrypt()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null;
    }
  }

  /**
   * Keeps (or, with null, removes) a journal's token; true when it is kept encrypted, false
   * when this system cannot encrypt it (nothing is kept then). Writes run one at a time.
   */
  keep(journalName: string, token: string | null): Promise<boolean> {
    const run = this.queue.then(async () => {
      const encrypt = token !== null && this.canEncrypt();
      const tokens = new Map(Object.entries((await this.readFile()).tokens));
      if (encrypt)
        tokens.set(journalName, this.safeStorage.encryptString(token).toString('base64'));
      else tokens.delete(journalName);
      await this.writeFile({ version: 1, tokens: Object.fromEntries(tokens) });
      return encrypt;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The file's contents; a missing or damaged file holds no tokens. */
  private async readFile(): Promise<TokenFile> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : { version: 1, tokens: {} };
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return { version: 1, tokens: {} };
      throw error;
    }
  }

  /** Replaces the file atomically: a temporary file, flushed, then renamed over it. */
  private async writeFile(contents: TokenFile): Promise<void> {
    const folder = path.dirname(this.file);
    await mkdir(folder, { recursive: true });
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeDurably(temporary, new TextEncoder().encode(JSON.stringify(contents)));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(folder);
  }
}
