import { inspect } from 'node:util';
import type { Logger } from './logger';

/** How long a line's repeats are counted before the count is written. */
const REPEAT_WINDOW_MS = 60_000;
const LONGEST_LINE = 400;

/** One console argument as text on one line: an error by its name and message, no stack. */
function describeArgument(argument: unknown): string {
  if (typeof argument === 'string') return argument;
  if (argument instanceof Error) return `${argument.name}: ${argument.message}`;
  return inspect(argument, { depth: 2, breakLength: Infinity });
}

/** The console arguments as one line, cut short. */
export function consoleLine(args: readonly unknown[]): string {
  const line = args.map(describeArgument).join(' ').replace(/\s+/g, ' ').trim();
  return line.length > LONGEST_LINE ? `${line.slice(0, LONGEST_LINE)}…` : line;
}

/** Lines that differ only in ids and numbers (a socket id, a size) count as the same line. */
const lineKind = (line: string) => line.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d+/gi, '#');

/** A log that counts repeated lines; `flush` writes the counts now. */
export interface CountingLogger extends Logger {
  flush(): void;
}

/**
 * Wraps a log so that a line seen again within the window (ids and numbers aside) is counted,
 * not repeated: the count is written once the window is over, or at `flush`. For lines that
 * clients cause (garbage, refused changes), so that no client can flood the log.
 */
export function countRepeats(logger: Logger, windowMs = REPEAT_WINDOW_MS): CountingLogger {
  const repeats = new Map<string, { line: string; level: keyof Logger; count: number }>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const { line, level, count } of repeats.values()) {
      if (count > 0) logger[level](`(${count} more like this in the last minute) ${line}`);
    }
    repeats.clear();
  };
  const at = (level: keyof Logger) => (line: string) => {
    const kind = lineKind(line);
    const seen = repeats.get(kind);
    if (seen) {
      seen.count += 1;
      return;
    }
    repeats.set(kind, { line, level, count: 0 });
    logger[level](line);
    timer ??= setTimeout(flush, windowMs).unref();
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), flush };
}

export interface ConsoleLog {
  /** Writes the counts of repeated lines now (before the process exits). */
  flush(): void;
  /** Gives the console back. */
  restore(): void;
}

/**
 * Sends what Hocuspocus prints to the console into the server's log, at its level: errors
 * and warnings (mostly about bad client input, with stack traces) as one `warn` line each,
 * the rest at `debug`, repeats counted (countRepeats).
 */
export function routeConsoleToLog(
  logger: Logger,
  target: Pick<Console, 'error' | 'warn' | 'log' | 'info'> = console,
  windowMs = REPEAT_WINDOW_MS,
): ConsoleLog {
  const original = {
    error: target.error,
    warn: target.warn,
    log: target.log,
    info: target.info,
  };
  const counted = countRepeats(logger, windowMs);
  const write =
    (level: 'warn' | 'debug') =>
    (...args: unknown[]) => {
      counted[level](consoleLine(args));
    };
  target.error = write('warn');
  target.warn = write('warn');
  target.log = write('debug');
  target.info = write('debug');
  return {
    flush: () => counted.flush(),
    restore: () => {
      counted.flush();
      Object.assign(target, original);
    },
  };
}
