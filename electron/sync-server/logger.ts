/** The server's log: one line per event, filtered by level, to stderr (stdout stays for the CLI). */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LoggedLevel = Exclude<LogLevel, 'silent'>;

/** Where log lines go; tests pass their own sink to read what the server reported. */
export type LogSink = (level: LoggedLevel, message: string) => void;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const writeToStderr: LogSink = (level, message) => {
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}\n`);
};

export function createLogger(level: LogLevel, sink: LogSink = writeToStderr): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at =
    (messageLevel: LoggedLevel) =>
    (message: string): void => {
      if (LOG_LEVELS.indexOf(messageLevel) <= threshold) sink(messageLevel, message);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** An error's message for a log line, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return error === undefined ? 'unknown error' : JSON.stringify(error);
}
