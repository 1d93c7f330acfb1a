import * as z from 'zod';
import type { JournalDoc } from '../../../shared/doc';
import { asInteractionId, newInteractionId, validateInteraction } from '../../../shared/domain';
import type { InteractionFields, InteractionId } from '../../../shared/domain';
import { CAPTURES_STORE, withPreviewStore, type PreviewOptions } from './journalPreview';

/**
 * Interactions logged before the journal had opened (from its preview): kept in the preview's
 * database until the journal opens, then added to it with the id and time they were logged,
 * so that adding them twice (two windows, or a crash before they were cleared) adds them once.
 */
export interface PendingCapture {
  readonly id: InteractionId;
  readonly fields: InteractionFields;
  /** When it was logged (ISO 8601): its createdAt. */
  readonly loggedAt: string;
}

const captureSchema = z.object({
  id: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  loggedAt: z.string(),
});

/** Keeps an interaction logged before the journal opened; resolves once it is stored. */
export async function storePendingCapture(
  fields: InteractionFields,
  options: PreviewOptions = {},
  now = new Date(),
): Promise<PendingCapture> {
  const checked = validateInteraction(fields);
  if (!checked.ok) throw new Error(Object.values(checked.errors).join(' '));
  const capture: PendingCapture = {
    id: newInteractionId(),
    fields: checked.value,
    loggedAt: now.toISOString(),
  };
  const stored = await withPreviewStore(options, CAPTURES_STORE, 'readwrite', (store) =>
    store.put(capture, capture.id),
  );
  if (stored === null) throw new Error('This browser does not let Relevant store data.');
  return capture;
}

/** The interactions waiting to be added, oldest first; a damaged entry is skipped. */
export async function readPendingCaptures(options: PreviewOptions = {}): Promise<PendingCapture[]> {
  const values = await withPreviewStore(options, CAPTURES_STORE, 'readonly', (store) =>
    store.getAll(),
  ).catch(() => null);
  return ((values ?? []) as unknown[])
    .flatMap((value) => {
      const parsed = captureSchema.safeParse(value);
      if (!parsed.success) return [];
      const fields = validateInteraction(parsed.data.fields);
      return fields.ok
        ? [
            {
              id: asInteractionId(parsed.data.id),
              fields: fields.value,
              loggedAt: parsed.data.loggedAt,
            },
          ]
        : [];
    })
    .sort((a, b) => a.loggedAt.localeCompare(b.loggedAt));
}

/**
 * Adds the waiting interactions to the open journal (those it holds already are skipped),
 * and forgets them once `stored()` says the journal has stored them. Returns how many it added.
 */
export async function addPendingCaptures(
  journal: JournalDoc,
  stored: () => Promise<void>,
  options: PreviewOptions = {},
): Promise<number> {
  const captures = await readPendingCaptures(options);
  if (captures.length === 0 || journal.readOnlyReason !== null) return 0;
  let added = 0;
  for (const capture of captures) {
    if (journal.get(capture.id)) continue;
    journal.addInteraction(capture.fields, { id: capture.id, now: new Date(capture.loggedAt) });
    added++;
  }
  await stored();
  await withPreviewStore(options, CAPTURES_STORE, 'readwrite', (store) => {
    for (const capture of captures.slice(0, -1)) store.delete(capture.id);
    const last = captures.at(-1);
    return last ? store.delete(last.id) : null;
  });
  return added;
}
