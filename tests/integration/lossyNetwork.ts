// A bad network between a sync client and the sync server: a WebSocket proxy on loopback that
// forwards every frame both ways and, while faults are on, delays (and so reorders), duplicates
// or drops frames, decided per frame by a seeded PRNG. It can also cut every connection at
// once, as a network that goes away does.
//
// Any frame may be lost, the first ones of a connection included: a lost authentication or
// first sync step leaves that connection stalled (connected, never synced), as it would be
// behind a broken middlebox. Only a new connection recovers from that, which is what the
// random cuts and a final clean reconnect are for.
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Random } from '../fixtures/random';

export interface Faults {
  /** Probability that a frame is dropped. */
  readonly drop: number;
  /** Probability that a frame is sent twice. */
  readonly duplicate: number;
  /** Probability that a frame is held back, which lets later frames overtake it. */
  readonly delay: number;
  /** The longest a frame is held back, in milliseconds. */
  readonly maxDelayMs: number;
}

export interface FaultCounts {
  frames: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  cuts: number;
}

export interface LossyProxy {
  /** ws://127.0.0.1:<port>: connect clients here instead of to the server. */
  readonly url: string;
  /** What happened to frames so far, for failure messages. */
  readonly counts: Readonly<FaultCounts>;
  /** Faults for frames from now on; null forwards every frame at once, in order. */
  setFaults(faults: Faults | null): void;
  /** Closes every open connection (both sides), like a network that drops. */
  cut(): void;
  close(): Promise<void>;
}

type Frame = { readonly data: RawData; readonly binary: boolean };

/** One direction of one connection: frames go through the faults, then to `target`. */
function makeLink(
  target: WebSocket,
  random: Random,
  proxy: { faults: Faults | null; counts: FaultCounts },
) {
  const waiting: Frame[] = [];
  const send = (frame: Frame) => {
    if (target.readyState === WebSocket.OPEN) target.send(frame.data, { binary: frame.binary });
    else if (target.readyState === WebSocket.CONNECTING) waiting.push(frame);
  };
  target.once('open', () => {
    for (const frame of waiting.splice(0)) send(frame);
  });
  return (frame: Frame) => {
    proxy.counts.frames += 1;
    const faults = proxy.faults;
    if (!faults) {
      send(frame);
      return;
    }
    if (random.chance(faults.drop)) {
      proxy.counts.dropped += 1;
      return;
    }
    const copies = random.chance(faults.duplicate) ? 2 : 1;
    if (copies === 2) proxy.counts.duplicated += 1;
    for (let copy = 0; copy < copies; copy += 1) {
      if (random.chance(faults.delay)) {
        proxy.counts.delayed += 1;
        setTimeout(() => send(frame), 1 + random.int(faults.maxDelayMs));
      } else {
        send(frame);
      }
    }
  };
}

/** Starts a proxy in front of `serverUrl` (ws://host:port); `random` decides every fault. */
export async function startLossyProxy(serverUrl: string, random: Random): Promise<LossyProxy> {
  const state = {
    faults: null as Faults | null,
    counts: { frames: 0, dropped: 0, duplicated: 0, delayed: 0, cuts: 0 },
  };
  const pairs = new Set<readonly [WebSocket, WebSocket]>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (client, request) => {
    const server = new WebSocket(new URL(request.url ?? '/', serverUrl));
    const pair = [client, server] as const;
    pairs.add(pair);
    const toServer = makeLink(server, random, state);
    const toClient = makeLink(client, random, state);
    client.on('message', (data, binary) => toServer({ data, binary }));
    server.on('message', (data, binary) => toClient({ data, binary }));
    const closeBoth = () => {
      pairs.delete(pair);
      client.terminate();
      server.terminate();
    };
    for (const socket of pair) {
      socket.on('close', closeBoth);
      socket.on('error', closeBoth);
    }
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const address = wss.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no port');
  return {
    url: `ws://127.0.0.1:${address.port}`,
    counts: state.counts,
    setFaults(faults) {
      state.faults = faults;
    },
    cut() {
      state.counts.cuts += 1;
      for (const [client, server] of [...pairs]) {
        client.terminate();
        server.terminate();
      }
      pairs.clear();
    },
    close() {
      for (const [client, server] of pairs) {
        client.terminate();
        server.terminate();
      }
      return new Promise((resolve, reject) => {
        wss.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}
