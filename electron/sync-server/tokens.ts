import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Journal ids and their secret tokens. A token is 32 random bytes (base64url, 43 characters);
 * only its SHA-256 is stored. A slow hash adds nothing for a random 256-bit secret: there is
 * no dictionary to try. Comparison is constant-time.
 */
export function newJournalId(): string {
  // Never starting with "-": on a command line (remove-journal <id>) it would read as a flag.
  let id: string;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  return id;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const given = hashToken(token);
  return given.length === storedHash.length && timingSafeEqual(given, storedHash);
}
