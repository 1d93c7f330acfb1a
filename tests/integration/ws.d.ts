// The part of the `ws` package (8.x) that the sync tests and benchmarks use: the class handed
// to the Hocuspocus provider, and the client and server of the lossy proxy (@types/ws is not a
// dependency). Remove this file if it is added.
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export type RawData = Buffer | ArrayBuffer | Buffer[];

  export class WebSocket {
    static readonly CONNECTING: 0;
    static readonly OPEN: 1;
    static readonly CLOSING: 2;
    static readonly CLOSED: 3;
    constructor(address: string | URL, options?: { headers?: Record<string, string> });
    readonly readyState: 0 | 1 | 2 | 3;
    binaryType: 'nodebuffer' | 'arraybuffer' | 'fragments';
    send(data: RawData | Uint8Array | string, options?: { binary?: boolean }): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    on(event: 'message', listener: (data: RawData, isBinary: boolean) => void): this;
    on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    on(event: 'open', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    once(event: 'open' | 'close', listener: () => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
  }

  export class WebSocketServer {
    constructor(options: { host?: string; port?: number });
    on(event: 'connection', listener: (socket: WebSocket, request: IncomingMessage) => void): this;
    once(event: 'listening', listener: () => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    address(): AddressInfo | string | null;
    close(callback?: (error?: Error) => void): void;
  }

  export default WebSocket;
}
