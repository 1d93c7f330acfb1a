import type { Extension, onConnectPayload, onUpgradePayload } from '@hocuspocus/server';
import { Throttle } from '@hocuspocus/extension-throttle';
import { journalDocumentOf } from '../../shared/sync/syncLink';
import type { ThrottleSettings } from './serverConfig';
import { Refusal } from './refusal';

/**
 * Connection throttling per client address. Hocuspocus' throttle reads the address from the
 * X-Real-IP / X-Forwarded-For headers only, which a client can set to anything and which are
 * absent without a proxy (every client would share one budget). Each upgrade request's headers
 * are therefore replaced with the socket's own address before the throttle sees them.
 */
export function connectionThrottle(settings: ThrottleSettings): Extension[] {
  const stampAddress: Extension = {
    extensionName: 'ClientAddress',
    onUpgrade({ request }: onUpgradePayload) {
      delete request.headers['x-forwarded-for'];
      request.headers['x-real-ip'] = request.socket.remoteAddress ?? 'unknown';
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
