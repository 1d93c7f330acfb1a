import * as z from 'zod';

/**
 * Where one journal syncs: the sync server's WebSocket address, the journal's id on that
 * server and its secret token. A sync link carries all three on one line to paste:
 *
 *   ws://127.0.0.1:1234/#journal=<id>&token=<token>
 *
 * The id and token sit in the fragment, which a WebSocket never sends, so neither ends up
 * in a proxy's request log; the token travels only in the authenticated first message.
 */
export interface SyncTarget {
  readonly serverUrl: string;
  readonly journalId: string;
  readonly token: string;
}

/** ws:// or wss://, a host name or address, an optional port and path; no query or fragment. */
const SERVER_URL = /^(wss?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(\/[^?#\s]*)?$/;
const LINK = /^([^#\s]+)#(\S*)$/;

const serverUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the sync server’s address, such as ws://127.0.0.1:1234.')
  .transform((text, context) => {
    const match = SERVER_URL.exec(text);
    const port = match?.[3] === undefined ? null : Number(match[3]);
    if (!match || (port !== null && (port < 1 || port > 65535))) {
      context.addIssue({
        code: 'custom',
        message: 'The server address must look like ws://host:port or wss://host.',
      });
      return z.NEVER;
    }
    const [, scheme = 'ws', host = '', , path = '/'] = match;
    return `${scheme}://${host.toLowerCase()}${port === null ? '' : `:${port}`}${path}`;
  });

export const journalIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A journal id is 8 to 64 letters, digits, “-” or “_”.');

export const syncTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,128}$/, 'A token is 20 to 128 letters, digits, “-” or “_”.');

export const syncTargetSchema = z.object({
  serverUrl: serverUrlSchema,
  journalId: journalIdSchema,
  token: syncTokenSchema,
});

export type SyncLinkResult =
  | { readonly ok: true; readonly target: SyncTarget }
  | { readonly ok: false; readonly error: string };

/** The one-line sync link for a journal on a server. */
export function formatSyncLink(target: SyncTarget): string {
  const fragment = `journal=${encodeURIComponent(target.journalId)}&token=${encodeURIComponent(target.token)}`;
  return `${target.serverUrl}#${fragment}`;
}

/** Reads a pasted sync link; a link that is not one says what is wrong with it. */
export function parseSyncLink(text: string): SyncLinkResult {
  const match = LINK.exec(text.trim());
  if (!match || !/^wss?:\/\//.test(match[1] ?? '')) {
    return {
      ok: false,
      error:
        'This is not a sync link: it starts with ws:// or wss:// and has “#journal=…&token=…”.',
    };
  }
  const fields = new Map<string, string>();
  for (const pair of (match[2] ?? '').split('&')) {
    const [key = '', value = ''] = pair.split('=', 2);
    try {
      fields.set(decodeURIComponent(key), decodeURIComponent(value));
    } catch {
      return { ok: false, error: 'This sync link is damaged: it has a broken “%” escape.' };
    }
  }
  const journalId = fields.get('journal');
  const token = fields.get('token');
  if (journalId === undefined || token === undefined) {
    return {
      ok: false,
      error: 'This sync link is incomplete: it has no journal id or no token after “#”.',
    };
  }
  return checkSyncTarget({ serverUrl: match[1] ?? '', journalId, token });
}

/** Checks a server address, journal id and token typed in separately. */
export function checkSyncTarget(fields: {
  serverUrl: string;
  journalId: string;
  token: string;
}): SyncLinkResult {
  const parsed = syncTargetSchema.safeParse(fields);
  if (parsed.success) return { ok: true, target: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join(' ') };
}

/**
 * A journal is two documents on the sync server, opened with the same token over one
 * connection: the journal itself, named by its id, and its reflections, named by its id and
 * this suffix (ids never hold "/").
 */
export const REFLECTIONS_DOCUMENT_SUFFIX = '/reflections';

/** The server's name of a journal's reflections document. */
export function reflectionsDocumentName(journalId: string): string {
  return `${journalId}${REFLECTIONS_DOCUMENT_SUFFIX}`;
}

/** Which journal a server document belongs to, and which of its two documents it is. */
export function journalDocumentOf(
  documentName: string,
): { readonly journalId: string; readonly part: 'journal' | 'reflections' } | null {
  const reflections = documentName.endsWith(REFLECTIONS_DOCUMENT_SUFFIX);
  const journalId = reflections
    ? documentName.slice(0, -REFLECTIONS_DOCUMENT_SUFFIX.length)
    : documentName;
  if (!journalIdSchema.safeParse(journalId).success || journalId !== journalId.trim()) return null;
  return { journalId, part: reflections ? 'reflections' : 'journal' };
}
