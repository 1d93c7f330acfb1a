import type * as z from 'zod';

/** Errors of a record's fields, keyed by field ('form' for the rest), in words for a person. */
export type RecordErrors = Partial<Record<string, string>>;

export type RecordResult<T> = { ok: true; value: T } | { ok: false; errors: RecordErrors };

/** Checks a whole record (goal, contact, planned event, introduction) against its schema. */
export function validateRecord<T>(schema: z.ZodType<T>, input: unknown): RecordResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: RecordErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    const key = typeof field === 'string' ? field : 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Thrown by record commands given invalid input; carries the per-field errors. */
export class RecordValidationError extends Error {
  constructor(readonly errors: RecordErrors) {
    super(Object.values(errors).join(' '));
    this.name = 'RecordValidationError';
  }
}
