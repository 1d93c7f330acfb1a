import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  FailureCount,
  THROTTLE_WINDOW_MS,
  tokenThrottle,
} from '../../../../electron/sync-server/tokenThrottle';

const PROXY = '10.0.0.2';
const trusted = new Set([PROXY, '10.0.0.3']);

describe('the address the throttle counts', () => {
  it('is the socket’s own when it is not a trusted proxy, whatever the headers say', () => {
    expect(clientAddress('198.51.100.2', '203.0.113.7', trusted)).toBe('198.51.100.2');
    expect(clientAddress('::ffff:198.51.100.2', undefined, new Set())).toBe('198.51.100.2');
  });

  it('is the address a trusted proxy forwarded, read from the right', () => {
    expect(clientAddress(PROXY, '198.51.100.2', trusted)).toBe('198.51.100.2');
    // The client wrote "1.2.3.4" itself; the proxy appended the address it really came from.
    expect(clientAddress(PROXY, '1.2.3.4, 198.51.100.2', trusted)).toBe('198.51.100.2');
    // Two trusted proxies in a row: the first untrusted hop is the client.
    expect(clientAddress(`::ffff:${PROXY}`, '198.51.100.2, 10.0.0.3', trusted)).toBe(
      '198.51.100.2',
    );
    // Several headers count as one list.
    expect(clientAddress(PROXY, ['1.2.3.4', '198.51.100.2'], trusted)).toBe('198.51.100.2');
  });

  it('stops at a hop that is not an address, and keeps the proxy’s without a header', () => {
    expect(clientAddress(PROXY, 'not-an-address, 198.51.100.2', trusted)).toBe('198.51.100.2');
    expect(clientAddress(PROXY, '198.51.100.2, garbage', trusted)).toBe(PROXY);
    expect(clientAddress(PROXY, undefined, trusted)).toBe(PROXY);
    expect(clientAddress(PROXY, '', trusted)).toBe(PROXY);
  });
});

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** `count` refused attempts under `key` (`advance` after each): whether each was throttled. */
function failures(counter: FailureCount, key: string, count: number, advance?: () => void) {
  return Array.from({ length: count }, () => {
    const counted = counter.fail(key);
    advance?.();
    return counted.throttled;
  });
}

describe('the count of refused attempts', () => {
  it('lets N through in a minute and throttles the one after, N−1 and N never', () => {
    for (const limit of [1, 3, 60]) {
      const time = clock();
      const counter = new FailureCount({ failuresPerMinute: limit, banMinutes: 2 }, time.now);
      expect(failures(counter, 'a', limit - 1)).toEqual(Array(limit - 1).fill(false));
      expect(counter.fail('a')).toEqual({ throttled: false }); // the N-th
      expect(counter.fail('a')).toEqual({ throttled: true, leftMs: 120_000, started: true });
      time.advance(30_000);
      expect(counter.fail('a')).toEqual({ throttled: true, leftMs: 90_000, started: false });
    }
  });

  it('forgets an attempt exactly a minute after it, not a moment before', () => {
    const fourthAt = (ms: number) => {
      const time = clock();
      const counter = new FailureCount({ failuresPerMinute: 3, banMinutes: 1 }, time.now);
      // The first at t, the second and third 1 ms apart after it.
      expect(failures(counter, 'a', 3, () => time.advance(1))).toEqual([false, false, false]);
      time.advance(ms - 3);
      return counter.fail('a').throttled;
    };
    expect(fourthAt(THROTTLE_WINDOW_MS - 1)).toBe(true); // all three still within the minute
    expect(fourthAt(THROTTLE_WINDOW_MS)).toBe(false); // the first one just left it
  });

  it('counts from nothing once a ban is over, and counts nothing during it', () => {
    const time = clock();
    const counter = new FailureCount({ failuresPerMinute: 2, banMinutes: 1 }, time.now);
    expect(failures(counter, 'a', 3)).toEqual([false, false, true]);
    // Forty more during the ban: throttled, not counted towards the next one.
    expect(failures(counter, 'a', 40).every(Boolean)).toBe(true);
    time.advance(60_000 - 1);
    expect(counter.fail('a')).toMatchObject({ throttled: true, leftMs: 1 });
    time.advance(1);
    expect(failures(counter, 'a', 3)).toEqual([false, false, true]);
  });

  it('keeps each key apart', () => {
    const time = clock();
    const counter = new FailureCount({ failuresPerMinute: 2, banMinutes: 1 }, time.now);
    expect(failures(counter, 'a', 3)).toEqual([false, false, true]);
    expect(failures(counter, 'b', 2)).toEqual([false, false]);
    expect(counter.fail('a').throttled).toBe(true);
  });

  it('forgets keys with nothing recent once a minute, and keeps banned ones', () => {
    const time = clock();
    const counter = new FailureCount({ failuresPerMinute: 1, banMinutes: 5 }, time.now);
    failures(counter, 'banned', 2);
    failures(counter, 'once', 1);
    expect(counter.size).toBe(2);
    time.advance(THROTTLE_WINDOW_MS);
    counter.fail('new');
    expect(counter.size).toBe(2); // "once" is forgotten
    expect(counter.fail('banned').throttled).toBe(true);
    expect(counter.fail('once').throttled).toBe(false);
  });
});

describe('the token throttle', () => {
  const journal = 'Jb5Tq0xV3cN8wYk2LmR4aQ';
  const other = 'Zz9Tq0xV3cN8wYk2LmR4aQ';
  const from = (address: string) => new Headers({ 'x-real-ip': address });
  const wrong = 'wrong token for this journal';

  it('never counts a right token, and never refuses one', () => {
    const throttle = tokenThrottle({ failuresPerMinute: 2, banMinutes: 1 });
    for (let i = 0; i < 5; i++) expect(throttle.judge(journal, null, from('10.0.0.9'))).toBeNull();
    expect(throttle.judge(journal, wrong, from('10.0.0.9'))).toBe(wrong);
    expect(throttle.judge(journal, wrong, from('10.0.0.9'))).toBe(wrong);
    expect(throttle.judge(journal, wrong, from('10.0.0.9'))).toMatch(/^too many wrong tokens/);
    expect(throttle.judge(journal, null, from('10.0.0.9'))).toBeNull();
  });

  it('counts wrong tokens per address and journal, the reflections with their journal', () => {
    const lines: string[] = [];
    const throttle = tokenThrottle({ failuresPerMinute: 2, banMinutes: 3 }, [], (line) =>
      lines.push(line),
    );
    const attacker = from('203.0.113.7');
    expect(throttle.judge(journal, wrong, attacker)).toBe(wrong);
    expect(throttle.judge(`${journal}/reflections`, wrong, attacker)).toBe(wrong);
    expect(throttle.judge(journal, wrong, attacker)).toBe(
      'too many wrong tokens for this journal from this address: try again in 3 minutes',
    );
    expect(lines).toEqual([
      `Throttling 203.0.113.7: over 2 wrong tokens for journal ${journal} within a minute; refusing them for 3 minutes`,
    ]);
    expect(throttle.judge(`${journal}/reflections`, wrong, attacker)).toMatch(/^too many/);
    // Another journal from the same address, and the same journal from another address.
    expect(throttle.judge(other, wrong, attacker)).toBe(wrong);
    expect(throttle.judge(journal, wrong, from('198.51.100.2'))).toBe(wrong);
    expect(lines).toHaveLength(1);
  });

  it('counts attempts on unknown journals and without a token per address, apart from wrong tokens', () => {
    const throttle = tokenThrottle({ failuresPerMinute: 2, banMinutes: 1 });
    const attacker = from('203.0.113.7');
    expect(throttle.judge('no-such-1', 'no such journal', attacker)).toBe('no such journal');
    expect(throttle.judge('no-such-2', 'no such journal', attacker)).toBe('no such journal');
    expect(throttle.judge(journal, 'no token given', attacker)).toBe(
      'too many refused attempts from this address: try again in 1 minute',
    );
    expect(throttle.judge('no-such-3', 'no such journal', attacker)).toMatch(/^too many refused/);
    // A wrong token for a journal that exists is counted on its own, and a right one goes in.
    expect(throttle.judge(journal, wrong, attacker)).toBe(wrong);
    expect(throttle.judge(journal, null, attacker)).toBeNull();
  });
});
