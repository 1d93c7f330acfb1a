// Clients that hold a sync server up without a token, run as a child process of the bench
// (syncAttack.ts) so that their work does not slow the measured devices' process:
//
//   node --import tsx tests/bench/attackers.ts <port> <senders> <frame bytes> <half-open>
//
// - each sender upgrades to a WebSocket and sends one frame of <frame bytes> (masked with a
//   zero key, built once), without a token; as soon as the server sends its close frame (or
//   the connection ends), it starts again;
// - <half-open> connections send part of a request line and nothing more; each one the server
//   closes is opened again.
//
// It prints "ready", then one JSON line of counts a second, and exits on SIGTERM.
import { connect, type Socket } from 'node:net';

const [port = 0, senders = 4, frameBytes = 32_000_000, halfOpen = 300] = process.argv
  .slice(2)
  .map(Number);

const counts = {
  /** Frames sent and answered with close code 1009 (message too big). */
  framesRefused: 0,
  /** Frames whose connection ended otherwise (no upgrade, another code). */
  framesOtherwise: 0,
  /** Half-open connections the server closed (and that were opened again). */
  halfOpenClosed: 0,
  /** Half-open connections open now. */
  halfOpenHeld: 0,
};
let stopping = false;

/** A binary frame of `length` bytes, masked with a zero key, as a client sends it. */
function maskedFrame(length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x82; // FIN, binary
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(length), 2);
  // Bytes 10–13: the mask key, zero.
  return Buffer.concat([header, Buffer.alloc(length, 0x2a)]);
}

const frame = maskedFrame(frameBytes);
const upgrade =
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

/** The close code in what the server sent after its 101 answer, or null. */
function closeCode(received: Buffer): number | null {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0 || !received.subarray(0, 12).toString().includes('101')) return null;
  const at = end + 4;
  if (received[at] !== 0x88 || received.length < at + 4) return null;
  return received.readUInt16BE(at + 2);
}

function sender(): void {
  if (stopping) return;
  const socket: Socket = connect(port, '127.0.0.1');
  let received = Buffer.alloc(0);
  let sent = false;
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write(upgrade));
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    if (!sent && received.includes('\r\n\r\n')) {
      sent = true;
      socket.write(frame);
    } else if (sent && closeCode(received) !== null) {
      socket.destroy(); // closed by the server: no need to wait, start again
    }
  });
  socket.on('close', () => {
    if (closeCode(received) === 1009) counts.framesRefused += 1;
    else counts.framesOtherwise += 1;
    setImmediate(sender);
  });
}

function halfOpenConnection(): void {
  if (stopping) return;
  const socket = connect(port, '127.0.0.1');
  let held = false;
  socket.on('error', () => undefined);
  // Read what the server answers, to see it close the connection.
  socket.on('data', () => undefined);
  socket.on('connect', () => {
    held = true;
    counts.halfOpenHeld += 1;
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  });
  socket.on('close', () => {
    if (held) counts.halfOpenHeld -= 1;
    counts.halfOpenClosed += 1;
    setTimeout(halfOpenConnection, 10);
  });
}

for (let i = 0; i < halfOpen; i++) halfOpenConnection();
for (let i = 0; i < senders; i++) sender();

const report = setInterval(() => process.stdout.write(`${JSON.stringify(counts)}\n`), 1000);
process.on('SIGTERM', () => {
  stopping = true;
  clearInterval(report);
  process.exit(0);
});
process.stdout.write('ready\n');
