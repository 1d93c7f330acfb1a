import { Redis } from '@hocuspocus/extension-redis';
import { describeError, type Logger } from './logger';

/**
 * Scale-out over Redis: instances publish every journal's updates to the others, and only the
 * instance holding a journal's Redis lock stores it, so every instance must use the same
 * storage (one SQLite file on one host). Redis must answer at start: an unreachable Redis
 * fails the start loudly instead of leaving clients waiting. Later outages are logged once
 * each, and commands fail after a few reconnect attempts rather than queueing forever.
 */
const CONNECT_TIMEOUT_MS = 3000;

export async function connectRedis(redisUrl: string, logger: Logger): Promise<Redis> {
  const url = new URL(redisUrl);
  const db = Number(url.pathname.slice(1) || '0');
  const extension = new Redis({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || '6379'),
    prefix: 'relevant',
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxRetriesPerRequest: 2,
    },
  });
  const where = `${url.protocol}//${url.host}`;
  for (const [role, client] of [
    ['publisher', extension.pub],
    ['subscriber', extension.sub],
  ] as const) {
    let down = false;
    client.on('error', (error: unknown) => {
      if (down) return;
      down = true;
      logger.error(`Redis ${role} at ${where} failed: ${describeError(error)}; reconnecting`);
    });
    client.on('ready', () => {
      if (down) logger.info(`Redis ${role} at ${where} is back`);
      down = false;
    });
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      extension.pub.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`));
        }, CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    extension.pub.disconnect();
    extension.sub.disconnect();
    throw new Error(`Cannot reach Redis at ${where}: ${describeError(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  return extension;
}
