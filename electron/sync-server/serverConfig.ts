import { isIP } from 'node:net';
import * as z from 'zod';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connectionLimits';
import { LOG_LEVELS, type LogLevel } from './logger';

/**
 * The sync server's settings: the options of `startSyncServer`, and how the command line and
 * the environment set them. Every value is checked; a bad one is refused with a one-line
 * message naming the flag or variable it came from.
 */
export interface ThrottleSettings {
  /**
   * Refused attempts (wrong tokens) one address may make on one journal in a minute, and
   * attempts without a token or on journals that do not exist in all, before those are
   * refused with "try again" (see tokenThrottle.ts; a right token is never throttled).
   */
  readonly failuresPerMinute: number;
  readonly banMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { failuresPerMinute: 60, banMinutes: 1 };

export interface ServerSettings {
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** A Postgres database to keep journals in, instead of the data folder's SQLite file. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  storeDebounceMs: number | undefined;
  storeMaxDebounceMs: number | undefined;
  throttle: false | ThrottleSettings;
  /**
   * Reverse proxies (their IP addresses) whose X-Forwarded-For names the client: behind them,
   * the throttle counts the client's address instead of the proxy's.
   */
  trustProxy: readonly string[];
  /**
   * Connections in all and per address, how long one may stay without a journal, and how much
   * it may send before and after it opened one.
   */
  limits: ConnectionLimits;
  /** The largest a journal (or its reflections) may grow to on the server, in bytes. */
  maxJournalBytes: number;
  /** Change rows after which an open journal is written whole at its next store. */
  compactAfterRows: number;
}

/** 256 MiB: five times a 20k-interaction journal with its reflections. */
export const DEFAULT_MAX_JOURNAL_BYTES = 256 * 1024 * 1024;

const HOST = /^([A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/;

const host = z
  .string()
  .trim()
  .regex(HOST, 'The host is a name or an IP address to listen on, such as 127.0.0.1.');
const port = z
  .number()
  .int('The port is a whole number from 0 to 65535.')
  .min(0, 'The port is a whole number from 0 to 65535.')
  .max(65535, 'The port is a whole number from 0 to 65535.');
const dataDir = z.string().trim().min(1, 'The data folder must not be empty.');
const logLevel = z.enum(LOG_LEVELS, {
  error: `The log level is one of ${LOG_LEVELS.join(', ')}.`,
});
const redisUrl = z
  .string()
  .trim()
  .regex(/^rediss?:\/\/\S+$/, 'The Redis address looks like redis://host:6379.')
  .refine((text) => URL.canParse(text), 'The Redis address looks like redis://host:6379.');
const databaseUrl = z
  .string()
  .trim()
  .regex(
    /^postgres(ql)?:\/\/\S+$/,
    'The database address looks like postgres://user:password@host:5432/database.',
  )
  .refine(
    (text) => URL.canParse(text),
    'The database address looks like postgres://user:password@host:5432/database.',
  );
const milliseconds = z
  .number()
  .int('A delay is a whole number of milliseconds.')
  .min(0, 'A delay is a whole number of milliseconds.')
  .max(3_600_000, 'A delay is at most an hour (3600000 ms).');
const throttle = z.union([
  z.literal(false),
  z.object({
    failuresPerMinute: z
      .number()
      .int('Refused attempts per minute is a whole number from 1 up.')
      .min(1, 'Refused attempts per minute is a whole number from 1 up.'),
    banMinutes: z.number().min(0, 'The ban lasts 0 minutes or more.'),
  }),
]);

const ipAddress = z
  .string()
  .trim()
  .refine((text) => isIP(text) !== 0, 'A trusted proxy is an IP address, such as 10.0.0.2.');

const journalBytes = z
  .number()
  .int('The journal size limit is a whole number of bytes.')
  .min(1024 * 1024, 'The journal size limit is at least 1 MiB (1048576 bytes).');
const rowCount = z.number().int().min(1, 'Write a journal whole after at least 1 change row.');
const connectionCount = z.number().int().min(1, 'Allow at least 1 connection.');
const authTimeout = z
  .number()
  .int()
  .min(100, 'The time to open a journal is at least 100 ms.')
  .max(600_000, 'The time to open a journal is at most 10 minutes (600000 ms).');
const unauthenticatedBytes = z
  .number()
  .int()
  .min(1024, 'Allow at least 1024 bytes before a journal is opened.')
  .max(16 * 1024 * 1024, 'Allow at most 16 MiB (16777216 bytes) before a journal is opened.');
const updateBytes = z
  .number()
  .int()
  .min(65_536, 'Allow changes of at least 65536 bytes.')
  .max(2 ** 31 - 1, 'A change is at most 2147483647 bytes.');

export const serverSettingsSchema = z.object({
  host: host.default('127.0.0.1'),
  port: port.default(1234),
  dataDir: dataDir.default('./sync-data'),
  logLevel: logLevel.default('info'),
  databaseUrl: databaseUrl.optional(),
  redisUrl: redisUrl.optional(),
  storeDebounceMs: milliseconds.optional(),
  storeMaxDebounceMs: milliseconds.optional(),
  throttle: throttle.default(DEFAULT_THROTTLE),
  trustProxy: z.array(ipAddress).default([]),
  maxJournalBytes: journalBytes.default(DEFAULT_MAX_JOURNAL_BYTES),
  compactAfterRows: rowCount.default(2000),
  limits: z
    .object({
      maxConnections: connectionCount,
      maxPerAddress: connectionCount,
      authTimeoutMs: authTimeout,
      maxUnauthenticatedBytes: unauthenticatedBytes,
      maxUpdateBytes: updateBytes,
    })
    .partial()
    .default({})
    .transform((given) => ({
      ...DEFAULT_CONNECTION_LIMITS,
      ...Object.fromEntries(
        Object.entries(given as Record<string, number | undefined>).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    })),
});

/** Checks options given in code; throws one readable error when one is wrong. */
export function checkServerSettings(options: unknown): ServerSettings {
  const parsed = serverSettingsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`Invalid sync server options: ${oneLine(parsed.error)}`);
  const { databaseUrl: database, redisUrl: redis, ...rest } = parsed.data;
  return {
    ...rest,
    databaseUrl: database,
    redisUrl: redis,
    storeDebounceMs: rest.storeDebounceMs,
    storeMaxDebounceMs: rest.storeMaxDebounceMs,
  };
}

function oneLine(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join(' ');
}

// --- The command line -------------------------------------------------------------------

export const COMMANDS = ['serve', 'add-journal', 'list-journals', 'remove-journal'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CommandLine {
  readonly command: Command;
  /** remove-journal's journal id. */
  readonly journalId: string | undefined;
  readonly settings: ServerSettings;
  /** The address clients use, for add-journal's link; defaults to ws://host:port. */
  readonly publicUrl: string | undefined;
}

export type CommandLineResult =
  | { readonly ok: true; readonly commandLine: CommandLine }
  | { readonly ok: true; readonly help: true }
  | { readonly ok: false; readonly error: string };

const wholeNumber = z.string().trim().regex(/^\d+$/, 'Expected a whole number.').transform(Number);

/** Each setting: its flag, its environment variable, and how its text becomes a value. */
const SOURCES = {
  host: { flag: '--host', env: 'RELEVANT_SYNC_HOST', schema: host },
  port: { flag: '--port', env: 'RELEVANT_SYNC_PORT', schema: wholeNumber.pipe(port) },
  dataDir: { flag: '--data', env: 'RELEVANT_SYNC_DATA', schema: dataDir },
  logLevel: { flag: '--log-level', env: 'RELEVANT_SYNC_LOG_LEVEL', schema: logLevel },
  databaseUrl: {
    flag: '--database-url',
    env: 'RELEVANT_SYNC_DATABASE_URL',
    schema: databaseUrl,
  },
  redisUrl: { flag: '--redis-url', env: 'RELEVANT_SYNC_REDIS_URL', schema: redisUrl },
  storeDebounceMs: {
    flag: '--store-debounce-ms',
    env: 'RELEVANT_SYNC_STORE_DEBOUNCE_MS',
    schema: wholeNumber.pipe(milliseconds),
  },
  storeMaxDebounceMs: {
    flag: '--store-max-debounce-ms',
    env: 'RELEVANT_SYNC_STORE_MAX_DEBOUNCE_MS',
    schema: wholeNumber.pipe(milliseconds),
  },
  throttle: {
    flag: '--throttle',
    env: 'RELEVANT_SYNC_THROTTLE',
    schema: z
      .string()
      .trim()
      .regex(/^(\d+|off)$/, 'Expected refused attempts per minute, or "off".')
      .transform((text) => (text === 'off' || text === '0' ? 0 : Number(text))),
  },
  maxConnections: {
    flag: '--max-connections',
    env: 'RELEVANT_SYNC_MAX_CONNECTIONS',
    schema: wholeNumber.pipe(connectionCount),
  },
  maxPerAddress: {
    flag: '--max-connections-per-address',
    env: 'RELEVANT_SYNC_MAX_CONNECTIONS_PER_ADDRESS',
    schema: wholeNumber.pipe(connectionCount),
  },
  compactAfterRows: {
    flag: '--compact-after-rows',
    env: 'RELEVANT_SYNC_COMPACT_AFTER_ROWS',
    schema: wholeNumber.pipe(rowCount),
  },
  maxJournalBytes: {
    flag: '--max-journal-bytes',
    env: 'RELEVANT_SYNC_MAX_JOURNAL_BYTES',
    schema: wholeNumber.pipe(journalBytes),
  },
  authTimeoutMs: {
    flag: '--auth-timeout-ms',
    env: 'RELEVANT_SYNC_AUTH_TIMEOUT_MS',
    schema: wholeNumber.pipe(authTimeout),
  },
  maxUnauthenticatedBytes: {
    flag: '--max-unauthenticated-bytes',
    env: 'RELEVANT_SYNC_MAX_UNAUTHENTICATED_BYTES',
    schema: wholeNumber.pipe(unauthenticatedBytes),
  },
  maxUpdateBytes: {
    flag: '--max-update-bytes',
    env: 'RELEVANT_SYNC_MAX_UPDATE_BYTES',
    schema: wholeNumber.pipe(updateBytes),
  },
  trustProxy: {
    flag: '--trust-proxy',
    env: 'RELEVANT_SYNC_TRUST_PROXY',
    schema: z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(ipAddress)),
  },
  banMinutes: {
    flag: '--ban-minutes',
    env: 'RELEVANT_SYNC_BAN_MINUTES',
    schema: wholeNumber,
  },
  publicUrl: {
    flag: '--public-url',
    env: 'RELEVANT_SYNC_PUBLIC_URL',
    schema: z
      .string()
      .trim()
      .regex(/^wss?:\/\/\S+$/, 'The public address looks like ws://host:1234 or wss://host.'),
  },
} as const;

type Key = keyof typeof SOURCES;
type Values = { [K in Key]?: z.output<(typeof SOURCES)[K]['schema']> };

export const USAGE = `Usage: npm run sync-server -- [serve | add-journal | list-journals | remove-journal <id>] [options]
(after "--", every argument is read as a command or an id: remove-journal -- -older-id)

Options (or environment variables):
  --host <address>              RELEVANT_SYNC_HOST      where to listen (127.0.0.1)
  --port <number>               RELEVANT_SYNC_PORT      port, 0 for a free one (1234)
  --data <folder>               RELEVANT_SYNC_DATA      data folder (./sync-data)
  --log-level <level>           RELEVANT_SYNC_LOG_LEVEL silent, error, warn, info, debug (info)
  --database-url <postgres://...>  RELEVANT_SYNC_DATABASE_URL  keep journals in Postgres
                                (shared by instances on several hosts) instead of --data
  --redis-url <redis://...>     RELEVANT_SYNC_REDIS_URL scale out over several instances
  --store-debounce-ms <ms>      RELEVANT_SYNC_STORE_DEBOUNCE_MS      (2000)
  --store-max-debounce-ms <ms>  RELEVANT_SYNC_STORE_MAX_DEBOUNCE_MS  (10000)
  --throttle <n | off>          RELEVANT_SYNC_THROTTLE  wrong tokens a minute per address and journal (60)
  --ban-minutes <n>             RELEVANT_SYNC_BAN_MINUTES  "try again" for that long after (1)
  --trust-proxy <ip,ip...>      RELEVANT_SYNC_TRUST_PROXY  proxies whose X-Forwarded-For is believed
  --max-connections <n>         RELEVANT_SYNC_MAX_CONNECTIONS  open connections in all (2000)
  --max-connections-per-address <n>  RELEVANT_SYNC_MAX_CONNECTIONS_PER_ADDRESS  (128)
  --auth-timeout-ms <ms>        RELEVANT_SYNC_AUTH_TIMEOUT_MS  time to open a journal (15000)
  --max-unauthenticated-bytes <n>  RELEVANT_SYNC_MAX_UNAUTHENTICATED_BYTES  bytes sent before that (65536)
  --max-update-bytes <n>        RELEVANT_SYNC_MAX_UPDATE_BYTES  largest change, in bytes (33554432)
  --max-journal-bytes <n>       RELEVANT_SYNC_MAX_JOURNAL_BYTES  largest a journal may grow (256 MiB)
  --compact-after-rows <n>      RELEVANT_SYNC_COMPACT_AFTER_ROWS  change rows before an open journal
                                is written whole (2000)
  --public-url <ws://...>       RELEVANT_SYNC_PUBLIC_URL   address in add-journal's link`;

const FLAGS = new Map<string, Key>(
  (Object.keys(SOURCES) as Key[]).map((key) => [SOURCES[key].flag, key]),
);

/** Reads the command, its flags and the environment; flags win over the environment. */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CommandLineResult {
  const raw = new Map<Key, { text: string; source: string }>();
  for (const key of Object.keys(SOURCES) as Key[]) {
    const text = env[SOURCES[key].env];
    if (text !== undefined && text !== '') raw.set(key, { text, source: SOURCES[key].env });
  }
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const key = FLAGS.get(flag);
    if (key === undefined) return { ok: false, error: `Unknown option ${flag} (see --help).` };
    const text = inline ?? argv[(i += 1)];
    if (text === undefined) return { ok: false, error: `${flag} needs a value.` };
    raw.set(key, { text, source: flag });
  }

  const [command = 'serve', journalId, ...extra] = positional;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return { ok: false, error: `Unknown command "${command}" (see --help).` };
  }
  if (command === 'remove-journal' && journalId === undefined) {
    return { ok: false, error: 'remove-journal needs the id of the journal to remove.' };
  }
  const unexpected = command === 'remove-journal' ? extra : positional.slice(1);
  if (unexpected.length) {
    return { ok: false, error: `Unexpected argument "${unexpected.join(' ')}" (see --help).` };
  }

  const values: Values = {};
  for (const [key, { text, source }] of raw) {
    const parsed = SOURCES[key].schema.safeParse(text);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Invalid value.';
      return { ok: false, error: `${source} ${JSON.stringify(text)}: ${message}` };
    }
    Object.assign(values, { [key]: parsed.data });
  }

  const failuresPerMinute = values.throttle ?? DEFAULT_THROTTLE.failuresPerMinute;
  const settings = checkServerSettings({
    host: values.host,
    port: values.port,
    dataDir: values.dataDir,
    logLevel: values.logLevel,
    databaseUrl: values.databaseUrl,
    redisUrl: values.redisUrl,
    storeDebounceMs: values.storeDebounceMs,
    storeMaxDebounceMs: values.storeMaxDebounceMs,
    trustProxy: values.trustProxy,
    maxJournalBytes: values.maxJournalBytes,
    compactAfterRows: values.compactAfterRows,
    limits: {
      maxConnections: values.maxConnections,
      maxPerAddress: values.maxPerAddress,
      authTimeoutMs: values.authTimeoutMs,
      maxUnauthenticatedBytes: values.maxUnauthenticatedBytes,
      maxUpdateBytes: values.maxUpdateBytes,
    },
    throttle:
      failuresPerMinute === 0
        ? false
        : { failuresPerMinute, banMinutes: values.banMinutes ?? DEFAULT_THROTTLE.banMinutes },
  });
  return {
    ok: true,
    commandLine: {
      command: command as Command,
      journalId,
      settings,
      publicUrl: values.publicUrl,
    },
  };
}
