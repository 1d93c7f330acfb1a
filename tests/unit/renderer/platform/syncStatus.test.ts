import { describe, expect, it } from 'vitest';
import {
  changesLabel,
  syncStateOf,
  type ConnectionFacts,
} from '../../../../renderer/src/platform/sync/syncStatus';
import { readStoredSync, writeStoredSync } from '../../../../renderer/src/platform/sync/syncStore';

const target = {
  serverUrl: 'ws://127.0.0.1:1234/',
  journalId: 'journal-one',
  token: 'a-token-of-twenty-chars',
};

const connected: ConnectionFacts = {
  target,
  enabled: true,
  online: true,
  socket: 'connected',
  failedAttempt: false,
  handshakeDone: true,
  reflectionsBehind: false,
  pending: 0,
  refusedReason: null,
  changeRefused: null,
  tokenPending: false,
};

describe('sync state', () => {
  it('is local only without a target, whatever the socket does', () => {
    expect(syncStateOf({ ...connected, target: null, pending: 4 })).toEqual({ state: 'local' });
  });

  it('is synced only when connected, past the handshake and with nothing pending', () => {
    expect(syncStateOf(connected)).toEqual({ state: 'synced', target });
    expect(syncStateOf({ ...connected, pending: 3 })).toEqual({
      state: 'syncing',
      target,
      pending: 3,
    });
    expect(syncStateOf({ ...connected, handshakeDone: false })).toMatchObject({
      state: 'connecting',
    });
  });

  it('is still syncing while the reflections catch up after the journal', () => {
    expect(syncStateOf({ ...connected, reflectionsBehind: true })).toEqual({
      state: 'syncing',
      target,
      pending: 0,
    });
    expect(
      syncStateOf({ ...connected, handshakeDone: false, reflectionsBehind: true }),
    ).toMatchObject({ state: 'connecting' });
  });

  it('tells no network apart from a server that cannot be reached', () => {
    expect(syncStateOf({ ...connected, online: false, pending: 2 })).toEqual({
      state: 'offline',
      target,
      pending: 2,
      reason: 'no-network',
    });
    expect(
      syncStateOf({
        ...connected,
        socket: 'connecting',
        handshakeDone: false,
        failedAttempt: true,
      }),
    ).toMatchObject({ state: 'offline', reason: 'unreachable' });
    expect(syncStateOf({ ...connected, socket: 'connecting', handshakeDone: false })).toMatchObject(
      { state: 'connecting' },
    );
  });

  it('puts a refused token before everything else but a missing target, and pause before offline', () => {
    expect(
      syncStateOf({ ...connected, online: false, enabled: false, refusedReason: 'wrong token' }),
    ).toEqual({ state: 'refused', target, reason: 'wrong token' });
    expect(syncStateOf({ ...connected, online: false, enabled: false, pending: 1 })).toEqual({
      state: 'paused',
      target,
      pending: 1,
    });
  });

  it('says a refused change is not stored while it is pending, whatever the socket does', () => {
    const refused = { ...connected, changeRefused: 'The disk is full.', pending: 2 };
    const notStored = { state: 'not-stored', target, pending: 2, reason: 'The disk is full.' };
    expect(syncStateOf(refused)).toEqual(notStored);
    // Waiting to offer it again: the socket is down, and that is not "offline".
    expect(
      syncStateOf({
        ...refused,
        socket: 'disconnected',
        handshakeDone: false,
        failedAttempt: true,
      }),
    ).toEqual(notStored);
    // Once nothing of this device is pending, the refusal no longer says anything.
    expect(syncStateOf({ ...refused, pending: 0 })).toEqual({ state: 'synced', target });
    // No network and a pause still say so first.
    expect(syncStateOf({ ...refused, online: false })).toMatchObject({ state: 'offline' });
    expect(syncStateOf({ ...refused, enabled: false })).toMatchObject({ state: 'paused' });
  });

  it('counts changes in words', () => {
    expect(changesLabel(1)).toBe('1 change');
    expect(changesLabel(0)).toBe('0 changes');
    expect(changesLabel(12)).toBe('12 changes');
  });
});

describe('stored sync settings', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
      removeItem: (key: string) => void map.delete(key),
    };
  };

  it('keeps each journal’s settings apart and reads back what was written', () => {
    const store = memory();
    writeStoredSync(store, 'journal-a', { target, enabled: false, pending: 5 });
    expect(readStoredSync(store, 'journal-a')).toEqual({ target, enabled: false, pending: 5 });
    expect(readStoredSync(store, 'journal-b')).toBeNull();
    writeStoredSync(store, 'journal-a', null);
    expect(store.map.size).toBe(0);
  });

  it('treats damaged or tampered settings as none, never as a half-read target', () => {
    const store = memory();
    store.setItem('j:sync', '{not json');
    expect(readStoredSync(store, 'j')).toBeNull();
    store.setItem('j:sync', JSON.stringify({ target: { ...target, token: 'x' }, enabled: true }));
    expect(readStoredSync(store, 'j')).toBeNull();
    store.setItem('j:sync', JSON.stringify({ target, enabled: true, pending: -3 }));
    expect(readStoredSync(store, 'j')).toEqual({ target, enabled: true, pending: 0 });
  });
});
