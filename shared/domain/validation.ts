import type * as z from 'zod';
import { INTERACTION_RECORD, type InteractionFields, type InteractionPatch } from './interaction';

export { LIMITS } from './interaction';
export { canonicalTimeZone, isKnownTimeZone } from './timeZoneNames';

/** The zod schema of every field a person edits on an interaction (from its descriptor). */
export const interactionFieldsSchema = INTERACTION_RECORD.schema;

export type FieldErrors = Partial<Record<keyof InteractionFields | 'form', string>>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    const key = typeof field === 'string' && field in INTERACTION_RECORD.fields ? field : 'form';
    errors[key as keyof FieldErrors] ??= issue.message;
  }
  return errors;
}

/** Checks a whole new interaction; errors are keyed by field, in words a person understands. */
export function validateInteraction(
  input: unknown,
): Validated<z.output<typeof INTERACTION_RECORD.schema>> {
  const result = interactionFieldsSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: toFieldErrors(result.error) };
}

/**
 * Checks a change to some fields of an interaction. A field given as undefined is not part of
 * the change (as with TypeScript's optional properties): it is dropped, never written.
 */
export function validateInteractionPatch(input: unknown): Validated<InteractionPatch> {
  const result = INTERACTION_RECORD.patchSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: toFieldErrors(result.error) };
  const entries: [string, unknown][] = Object.entries(result.data);
  const given = entries.filter(([, value]) => value !== undefined);
  return { ok: true, value: Object.fromEntries(given) };
}

/** One readable line for all errors, for places that show a single message. */
export function describeErrors(errors: FieldErrors): string {
  return Object.values(errors).join(' ');
}

/** Thrown by commands given invalid input; carries the per-field errors. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(describeErrors(errors));
    this.name = 'ValidationError';
  }
}
