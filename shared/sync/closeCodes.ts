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

/**
 * The WebSocket close code (RFC 6455's "message too big") with which the sync server refuses
 * a message over its size limit: one change larger than `--max-update-bytes`, or more data
 * than `--max-unauthenticated-bytes` before the connection opened a journal. Like a refused
 * change, the device keeps what it sent as unsynced; it goes through once the server takes
 * larger messages.
 */
export const MESSAGE_TOO_BIG_CLOSE_CODE = 1009;

/** What the device says when the server closed with MESSAGE_TOO_BIG_CLOSE_CODE and no reason. */
export const MESSAGE_TOO_BIG_REASON =
  'A change from this device is larger than the sync server takes (its --max-update-bytes).';
