import type { SyncTarget } from '../../../../shared/sync';

/**
 * Where this device stands with the sync server, in the words the header shows:
 * - `local`: no sync set up; the journal lives on this device only.
 * - `paused`: set up, but disconnected by the person.
 * - `offline`: no network, or the server cannot be reached (retrying with backoff).
 * - `connecting`: the first attempt to reach the server.
 * - `syncing`: connected; changes are still going to or coming from the server.
 * - `synced`: the server has stored every change made here, in the journal and its reflections.
 * - `not-stored`: the server refused a change (it could not apply or store it); the change is
 *   kept here and offered again with growing pauses.
 * - `refused`: the server turned the journal's token down; no more retries until changed.
 */
export type SyncState =
  | { readonly state: 'local' }
  | { readonly state: 'paused'; readonly target: SyncTarget; readonly pending: number }
  | {
      readonly state: 'offline';
      readonly target: SyncTarget;
      readonly pending: number;
      readonly reason: 'no-network' | 'unreachable';
    }
  | { readonly state: 'connecting'; readonly target: SyncTarget; readonly pending: number }
  | { readonly state: 'syncing'; readonly target: SyncTarget; readonly pending: number }
  | { readonly state: 'synced'; readonly target: SyncTarget }
  | {
      readonly state: 'not-stored';
      readonly target: SyncTarget;
      readonly pending: number;
      readonly reason: string;
    }
  | { readonly state: 'refused'; readonly target: SyncTarget; readonly reason: string };

/** What the connection is doing, as the sync controller tracks it. */
export interface ConnectionFacts {
  readonly target: SyncTarget | null;
  readonly enabled: boolean;
  readonly online: boolean;
  readonly socket: 'connecting' | 'connected' | 'disconnected';
  /** Whether an attempt to reach the server has failed since the last connection. */
  readonly failedAttempt: boolean;
  /** The first exchange with the server is done on this connection (the journal's). */
  readonly handshakeDone: boolean;
  /** The reflections are open but their first exchange on this connection is not done. */
  readonly reflectionsBehind: boolean;
  /** Local changes the server has not yet confirmed. */
  readonly pending: number;
  readonly refusedReason: string | null;
  /** Why the server last refused a change of this device, until its changes are stored. */
  readonly changeRefused: string | null;
  /** The token is being read from the system's secret store (the desktop, at start). */
  readonly tokenPending: boolean;
}

/** The state the header shows for the connection's facts. */
export function syncStateOf(facts: ConnectionFacts): SyncState {
  const { target, pending } = facts;
  if (!target) return { state: 'local' };
  if (facts.refusedReason !== null) {
    return { state: 'refused', target, reason: facts.refusedReason };
  }
  if (!facts.enabled) return { state: 'paused', target, pending };
  if (facts.tokenPending) return { state: 'connecting', target, pending };
  if (!facts.online) return { state: 'offline', target, pending, reason: 'no-network' };
  if (facts.changeRefused !== null && pending > 0) {
    return { state: 'not-stored', target, pending, reason: facts.changeRefused };
  }
  if (facts.socket !== 'connected' || !facts.handshakeDone) {
    return facts.failedAttempt && facts.socket !== 'connected'
      ? { state: 'offline', target, pending, reason: 'unreachable' }
      : { state: 'connecting', target, pending };
  }
  // Synced means both documents of the journal are: the reflections may still be catching up.
  return pending > 0 || facts.reflectionsBehind
    ? { state: 'syncing', target, pending }
    : { state: 'synced', target };
}

/** "3 changes" / "1 change". */
export function changesLabel(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}
