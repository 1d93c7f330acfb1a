import { isIP } from 'node:net';
import type { Extension, onConnectPayload, onUpgradePayload } from '@hocuspocus/server';
import { Throttle } from '@hocuspocus/extension-throttle';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import type { ThrottleSettings } from './serverConfig';
import { Refusal } from './refusal';

/** An address as one form: IPv4 clients on an IPv6 socket appear as ::ffff:1.2.3.4. */
export const plainAddress = (address: string | undefined) =>
  (address ?? 'unknown').trim().replace(/^::ffff:(?=\d+\.)/i, '');

/**
 * The client's address: the socket's, or, when the socket is one of the trusted proxies, the
 * nearest address in X-Forwarded-For that is not a trusted proxy (read from the right, as
 * each proxy appends the address it got the request from; what the client wrote itself is
 * further left and never believed past an untrusted hop).
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | readonly string[] | undefined,
  trusted: ReadonlySet<string>,
): string {
  let address = plainAddress(socketAddress);
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = [forwardedFor].flat().join(',').split(',').map(plainAddress).filter(Boolean);
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}

/**
 * Connection throttling per client address. Hocuspocus' throttle reads the address from the
 * X-Real-IP / X-Forwarded-For headers only, which a client can set to anything and which are
 * absent without a proxy (every client would share one budget). Each upgrade request's headers
 * are therefore replaced with the client's address (clientAddress) before the throttle sees
 * them: the socket's own, or the one a trusted proxy forwarded.
 */
export function connectionThrottle(
  settings: ThrottleSettings,
  trustProxy: readonly string[] = [],
): Extension[] {
  const trusted = new Set(trustProxy.map(plainAddress));
  const stampAddress: Extension = {
    extensionName: 'ClientAddress',
    onUpgrade({ request }: onUpgradePayload) {
      const address = clientAddress(
        request.socket.remoteAddress ?? 'unknown',
        request.headers['x-forwarded-for'],
        trusted,
      );
      delete request.headers['x-forwarded-for'];
      request.headers['x-real-ip'] = address;
      return Promise.resolve();
    },
  };
  return [stampAddress, new ReasonedThrottle(settings)];
}

/**
 * The throttle, refusing with a reason the client shows instead of a bare "Forbidden". A
 * device opens a journal's two documents (the journal and its reflections) on one connection:
 * that is one attempt. The first of them is counted and leaves a pass, used once, for the other
 * on the same connection; a pass never outlives its connection (it hangs off the request).
 */
class ReasonedThrottle extends Throttle {
  private readonly banMinutes: number;
  private readonly passes = new WeakMap<object, Set<string>>();

  constructor(settings: ThrottleSettings) {
    super({
      throttle: settings.connectionsPerMinute,
      banTime: settings.banMinutes,
      consideredSeconds: 60,
    });
    this.banMinutes = settings.banMinutes;
  }

  override async onConnect(data: onConnectPayload): Promise<void> {
    const document = journalDocumentOf(data.documentName);
    const passes = this.passes.get(data.request) ?? new Set<string>();
    this.passes.set(data.request, passes);
    const address = data.request.headers.get('x-real-ip') ?? '';
    if (document && passes.delete(passFor(document)) && !this.isBanned(address)) return;
    // The throttle counts at once, and refuses exactly when the address is banned after it.
    // The pass is left before awaiting: the other document's check runs meanwhile.
    const counted = super.onConnect(data);
    const refused = this.isBanned(address);
    if (document && !refused) {
      const other = document.part === 'journal' ? 'reflections' : 'journal';
      passes.add(passFor({ journalId: document.journalId, part: other }));
    }
    try {
      await counted;
    } catch {
      throw new Refusal(
        `too many connections from this address: try again in ${this.banMinutes} minute(s)`,
      );
    }
  }
}

function passFor(document: { readonly journalId: string; readonly part: string }): string {
  return `${document.part}:${document.journalId}`;
}
