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
