import type { Extension, onConnectPayload, onUpgradePayload } from '@hocuspocus/server';
import { Throttle } from '@hocuspocus/extension-throttle';
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

/** The throttle, refusing with a reason the client shows instead of a bare "Forbidden". */
class ReasonedThrottle extends Throttle {
  private readonly banMinutes: number;

  constructor(settings: ThrottleSettings) {
    super({
      throttle: settings.connectionsPerMinute,
      banTime: settings.banMinutes,
      consideredSeconds: 60,
    });
    this.banMinutes = settings.banMinutes;
  }

  override async onConnect(data: onConnectPayload): Promise<void> {
    try {
      await super.onConnect(data);
    } catch {
      throw new Refusal(
        `too many connections from this address: try again in ${this.banMinutes} minute(s)`,
      );
    }
  }
}
