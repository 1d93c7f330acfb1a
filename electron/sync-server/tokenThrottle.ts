import { isIP } from 'node:net';
import type { Extension, onUpgradePayload } from '@hocuspocus/server';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import type { AccessDenial } from './journalRegistry';
import type { ThrottleSettings } from './serverConfig';

/** An address as one form: IPv4 clients on an IPv6 socket appear as ::ffff:1.2.3.4. */
export const plainAddress = (address: string | undefined) =>
  (address ?? 'unknown').trim().replace(/^::ffff:(?=\d+\.)/i, '');

/**
 * The client's address: the socket's, or, when the socket is one of the trusted proxies, the
 * nearest address in X-Forwarded-For that is not a trusted proxy (read from the right, as
 * each proxy appends the address it got the request from; what the client wrote itself is
 * further left and never believed past an untrusted hop).
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | readonly string[] | undefined,
  trusted: ReadonlySet<string>,
): string {
  let address = plainAddress(socketAddress);
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = [forwardedFor].flat().join(',').split(',').map(plainAddress).filter(Boolean);
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}

/** Refused attempts count for a minute. */
export const THROTTLE_WINDOW_MS = 60_000;
/** Addresses (with journals) followed at most; past that the oldest is forgotten. */
const MOST_FOLLOWED = 100_000;

/** A key's refused attempts within the window, and the end of its ban. */
interface Followed {
  failures: number[];
  bannedUntil: number;
}

/** What counting one more refused attempt under a key says. */
export type Counted =
  | { readonly throttled: false }
  | {
      readonly throttled: true;
      /** How long the ban lasts from now. */
      readonly leftMs: number;
      /** This attempt went past the limit: the ban starts now. */
      readonly started: boolean;
    };

/**
 * Counts refused attempts per key (an address, with a journal or not) within the last minute.
 * The attempt that goes past `failuresPerMinute` starts a ban of `banMinutes`: attempts
 * refused meanwhile are not counted, and the count starts again from nothing after it.
 */
export class FailureCount {
  private readonly followed = new Map<string, Followed>();
  private lastSweep: number;

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Counts a refused attempt under `key`. */
  fail(key: string): Counted {
    const now = this.now();
    this.sweep(now);
    const entry = this.followed.get(key) ?? this.follow(key);
    if (now < entry.bannedUntil) {
      return { throttled: true, leftMs: entry.bannedUntil - now, started: false };
    }
    entry.failures = entry.failures.filter((at) => now - at < THROTTLE_WINDOW_MS);
    entry.failures.push(now);
    if (entry.failures.length <= this.settings.failuresPerMinute) return { throttled: false };
    entry.failures = [];
    const banMs = this.settings.banMinutes * 60_000;
    entry.bannedUntil = now + banMs;
    return { throttled: true, leftMs: banMs, started: true };
  }

  /** How many keys are followed now (for tests). */
  get size(): number {
    return this.followed.size;
  }

  private follow(key: string): Followed {
    if (this.followed.size >= MOST_FOLLOWED) {
      this.sweep(this.now(), true);
      const oldest = this.followed.keys().next();
      if (this.followed.size >= MOST_FOLLOWED && !oldest.done) this.followed.delete(oldest.value);
    }
    const entry: Followed = { failures: [], bannedUntil: 0 };
    this.followed.set(key, entry);
    return entry;
  }

  /** Forgets keys with no attempt in the window and no ban, once a window (or when asked). */
  private sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < THROTTLE_WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.followed) {
      const recent = entry.failures.some((at) => now - at < THROTTLE_WINDOW_MS);
      if (!recent && now >= entry.bannedUntil) this.followed.delete(key);
    }
  }
}

/** "1 minute", "3 minutes": a ban's time left, rounded up. */
function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return `${count} minute${count === 1 ? '' : 's'}`;
}

export interface TokenThrottle {
  /** Puts the client's address on each upgrade request (see clientAddress). */
  readonly extension: Extension;
  /**
   * What to answer an attempt to open `documentName`, given its token's check: null lets it
   * in, and is never counted; a refusal is counted, and its reason is the check's own or, once
   * the client went past the limit, the throttle's.
   */
  judge(documentName: string, denial: AccessDenial | null, requestHeaders: Headers): string | null;
}

/**
 * Throttles refused attempts, never a right token. Wrong tokens are counted per client
 * address and journal: past `failuresPerMinute` in a minute, that address's wrong tokens for
 * that journal are refused with a reason saying when to try again, for `banMinutes`. Attempts
 * without a token or on journals that do not exist are counted per address alone, and a ban
 * refuses only those. A right token always opens its journal, from any address: a client
 * behind the same proxy or NAT as someone guessing tokens is never locked out.
 *
 * The token is checked in every case, so a ban does not make guessing slower: a token is 256
 * random bits, and guessing is hopeless anyway. What the ban does is say why, and keep the
 * log to one line per ban (`log`) instead of one per attempt.
 *
 * Hocuspocus' own throttle read the address from X-Real-IP / X-Forwarded-For, which a client
 * can set to anything; here each upgrade request's headers are replaced with the client's
 * address (clientAddress): the socket's own, or the one a trusted proxy forwarded.
 */
export function tokenThrottle(
  settings: ThrottleSettings,
  trustProxy: readonly string[] = [],
  log: (line: string) => void = () => undefined,
): TokenThrottle {
  const trusted = new Set(trustProxy.map(plainAddress));
  const failures = new FailureCount(settings);
  const extension: Extension = {
    extensionName: 'ClientAddress',
    onUpgrade({ request }: onUpgradePayload) {
      const address = clientAddress(
        request.socket.remoteAddress ?? 'unknown',
        request.headers['x-forwarded-for'],
        trusted,
      );
      delete request.headers['x-forwarded-for'];
      request.headers['x-real-ip'] = address;
      return Promise.resolve();
    },
  };
  return {
    extension,
    judge(documentName, denial, requestHeaders) {
      if (denial === null) return null;
      const address = requestHeaders.get('x-real-ip') ?? 'unknown';
      const journalId =
        denial === 'wrong token for this journal' ? journalDocumentOf(documentName)?.journalId : '';
      const counted = failures.fail(`${address} ${journalId ?? ''}`);
      if (!counted.throttled) return denial;
      const wait = minutes(counted.leftMs);
      if (counted.started) {
        const what = journalId
          ? `wrong tokens for journal ${journalId}`
          : 'attempts without a token or on journals that do not exist';
        log(
          `Throttling ${address}: over ${settings.failuresPerMinute} ${what} within a minute; refusing them for ${wait}`,
        );
      }
      return journalId
        ? `too many wrong tokens for this journal from this address: try again in ${wait}`
        : `too many refused attempts from this address: try again in ${wait}`;
    },
  };
}
