import { describe, expect, it } from 'vitest';
import { routeConsoleToLog } from '../../../../electron/sync-server/consoleLog';
import type { Logger } from '../../../../electron/sync-server/logger';

function recorder() {
  const lines: string[] = [];
  const logger: Logger = {
    error: (message) => lines.push(`error ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    info: (message) => lines.push(`info ${message}`),
    debug: (message) => lines.push(`debug ${message}`),
  };
  const printed: unknown[][] = [];
  const target = {
    error: (...args: unknown[]) => printed.push(args),
    warn: (...args: unknown[]) => printed.push(args),
    log: (...args: unknown[]) => printed.push(args),
    info: (...args: unknown[]) => printed.push(args),
  };
  return { lines, logger, printed, target };
}

describe('what Hocuspocus prints, in the server log', () => {
  it('is one line per error, its name and message, never the stack', () => {
    const { lines, logger, printed, target } = recorder();
    routeConsoleToLog(logger, target);
    const error = new RangeError('Unexpected end of array');
    target.error('closing connection 3f2a (while handling abc) because of exception', error, {
      code: 4422,
      reason: 'The server could not read a change from this device.',
    });
    target.log('Hocuspocus\nstarted');
    expect(lines).toEqual([
      "warn closing connection 3f2a (while handling abc) because of exception RangeError: Unexpected end of array { code: 4422, reason: 'The server could not read a change from this device.' }",
      'debug Hocuspocus started',
    ]);
    expect(lines.join('\n')).not.toContain('    at ');
    expect(printed).toEqual([]);
  });

  it('counts lines that differ only in ids and numbers, and writes the count when flushed', () => {
    const { lines, logger, target } = recorder();
    const log = routeConsoleToLog(logger, target);
    for (let socket = 0; socket < 300; socket++) {
      target.error(`closing connection ${socket} because of exception`, new Error('bad frame'));
    }
    target.warn('unauthenticated message queue size limit exceeded (6000000 > 5242880 bytes)');
    expect(lines).toEqual([
      'warn closing connection 0 because of exception Error: bad frame',
      'warn unauthenticated message queue size limit exceeded (6000000 > 5242880 bytes)',
    ]);
    log.flush();
    expect(lines.slice(2)).toEqual([
      'warn (299 more like this in the last minute) closing connection 0 because of exception Error: bad frame',
    ]);
    // After a flush, the next one is written again.
    target.error('closing connection 301 because of exception', new Error('bad frame'));
    expect(lines.at(-1)).toBe('warn closing connection 301 because of exception Error: bad frame');
  });

  it('gives the console back, writing the counts first', () => {
    const { lines, logger, printed, target } = recorder();
    const log = routeConsoleToLog(logger, target);
    target.error('same');
    target.error('same');
    log.restore();
    expect(lines).toEqual(['warn same', 'warn (1 more like this in the last minute) same']);
    target.error('after');
    expect(printed).toEqual([['after']]);
  });
});
