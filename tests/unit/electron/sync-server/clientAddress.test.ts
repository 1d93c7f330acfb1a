import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../../electron/sync-server/connectionThrottle';

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
