import type { WebSocketLike } from '@hocuspocus/server';
import { CHANGE_REFUSED_CLOSE_CODE } from '../../shared/sync/closeCodes';

/**
 * A refused connection. Hocuspocus sends an error's `reason` to the client (its provider emits
 * `authenticationFailed` with it) and prints the `message` of any error a hook throws; the
 * message stays empty so the server's own log, at its level, is the only report.
 */
export class Refusal extends Error {
  constructor(readonly reason: string) {
    super('');
    this.name = 'Refusal';
  }
}

/**
 * A change from a device that the server did not apply or did not store. Thrown from a hook
 * while the message is handled, it keeps Hocuspocus from applying or acknowledging it; the
 * stack is one line, since Hocuspocus prints the error and the server's log says more.
 */
export class ChangeRefusal extends Error {
  readonly code = CHANGE_REFUSED_CLOSE_CODE;
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ChangeRefusal';
    this.stack = `ChangeRefusal: ${reason}`;
  }
}

/**
 * Refuses a change: closes the device's whole connection with the reason (its provider then
 * reconnects and sends the change again, where closing one document would leave it waiting),
 * and throws so that the change is neither applied nor acknowledged.
 */
export function refuseChange(socket: WebSocketLike, reason: string): never {
  socket.close(CHANGE_REFUSED_CLOSE_CODE, reason);
  throw new ChangeRefusal(reason);
}
