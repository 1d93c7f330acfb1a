/**
 * The WebSocket close code with which the sync server refuses a change a device sent: one it
 * cannot read, or one it cannot store (its disk is full). The close reason says which, in a
 * sentence for people. The change was neither applied nor acknowledged: the device keeps it
 * as unsynced and sends it again when it reconnects.
 */
export const CHANGE_REFUSED_CLOSE_CODE = 4422;

/** A close reason is at most 123 bytes of UTF-8 (RFC 6455). */
export const CHANGE_REFUSED_REASONS = {
  unreadable: 'The server could not read a change from this device.',
  unstored: 'The server could not store a change: its disk is full or its database out of reach.',
  journalFull:
    'This journal has reached the size the server allows; the change stays on this device.',
} as const;
