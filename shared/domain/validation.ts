import * as z from 'zod';
import { INTERACTION_KINDS, type InteractionFields, type InteractionPatch } from './interaction';
import { idList } from './fieldSchemas';
import { parseInstant, parseLocalDate } from './time';

export const LIMITS = {
  titleLength: 200,
  placeLength: 200,
  personNameLength: 100,
  peopleCount: 50,
  noteLength: 5000,
  durationMinutes: 24 * 60,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} can be at most ${max} characters.` });

// An exact instant (a real calendar date, and Z or an offset), stored normalized to UTC.
const isoInstant = z
  .string({ error: 'The start time is missing.' })
  .refine((value) => parseInstant(value) !== null, {
    error: 'The start time is not a valid date and time.',
  })
  .transform((value) => parseInstant(value) as string);

// An IANA name, stored in its canonical spelling (europe/madrid → Europe/Madrid).
const timeZone = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'The time zone is missing.'
        : 'The time zone must be a name such as Europe/Madrid.',
  })
  .refine(isKnownTimeZone, { error: 'The time zone is not one I know.' })
  .transform(canonicalTimeZone);

// A calendar date that exists, or null for none.
const localDate = (label: string) =>
  z
    .union([z.null(), z.string()], { error: `${label} must be a date or none.` })
    .refine((value) => value === null || parseLocalDate(value) !== null, {
      error: `${label} is not a real date (YYYY-MM-DD).`,
    });

const relevance = z.union([z.literal([1, 2, 3, 4, 5]), z.null()], {
  error: 'Relevance is a whole number from 1 to 5, or unrated.',
});

/** The zod schema of every field a person edits on an interaction. */
export const interactionFieldsSchema = z.object({
  startedAt: isoInstant,
  timeZone,
  durationMinutes: z
    .number({ error: 'The duration must be a number of minutes.' })
    .int({ error: 'The duration must be a whole number of minutes.' })
    .min(0, { error: 'The duration cannot be negative.' })
    .max(LIMITS.durationMinutes, { error: 'The duration can be at most 24 hours (1440 minutes).' }),
  kind: z.enum(INTERACTION_KINDS, {
    error: `The kind must be one of: ${INTERACTION_KINDS.join(', ')}.`,
  }),
  title: text('The title', LIMITS.titleLength)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, { error: 'Give the interaction a title.' }),
  place: text('The organiser or place', LIMITS.placeLength).transform((value) => value.trim()),
  people: z
    .array(
      text('A name', LIMITS.personNameLength)
        .transform((value) => value.trim())
        .refine((value) => value.length > 0, { error: 'A name cannot be empty.' }),
      { error: 'People must be a list of names.' },
    )
    .max(LIMITS.peopleCount, { error: `At most ${LIMITS.peopleCount} people per interaction.` }),
  relevance,
  intent: text('“What I wanted”', LIMITS.noteLength),
  outcome: text('“What I got”', LIMITS.noteLength),
  nextStep: text('The next step', LIMITS.noteLength),
  nextStepDue: localDate('The due date'),
  nextStepDone: localDate('The done date'),
  goalIds: idList('Goals').optional(),
  contactIds: idList('Contacts').optional(),
});

export type FieldErrors = Partial<Record<keyof InteractionFields | 'form', string>>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    const key =
      typeof field === 'string' && field in interactionFieldsSchema.shape ? field : 'form';
    errors[key as keyof FieldErrors] ??= issue.message;
  }
  return errors;
}

/** Checks a whole new interaction; errors are keyed by field, in words a person understands. */
export function validateInteraction(input: unknown): Validated<InteractionFields> {
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
  const result = interactionFieldsSchema.partial().strict().safeParse(input);
  if (!result.success) return { ok: false, errors: toFieldErrors(result.error) };
  const entries: [string, unknown][] = Object.entries(result.data);
  const given = entries.filter(([, value]) => value !== undefined);
  return { ok: true, value: Object.fromEntries(given) };
}

/** One readable line for all errors, for places that show a single message. */
export function describeErrors(errors: FieldErrors): string {
  return Object.values(errors).join(' ');
}

/**
 * Whether the runtime knows an IANA time-zone name. Bare offsets such as +01:00 are refused
 * even where Intl accepts them (newer engines do): they are not zones and ignore daylight saving.
 */
export function isKnownTimeZone(value: string): boolean {
  if (value.length === 0 || /^[+-]/.test(value)) return false;
  return canonicalZoneOf(value) !== null;
}

/** The runtime's canonical spelling of a known time-zone name (Intl matches names case-insensitively). */
export function canonicalTimeZone(value: string): string {
  const canonical = canonicalZoneOf(value);
  if (canonical === null) throw new RangeError(`Invalid time zone specified: ${value}`);
  return canonical;
}

/**
 * Zone name → its canonical spelling, or null when the runtime does not know it: asking Intl
 * builds a formatter, which costs more than the rest of validating an interaction. Bounded, as
 * damaged data could bring any number of distinct names.
 */
const zoneNames = new Map<string, string | null>();
const MAX_ZONE_NAMES = 1000;

function canonicalZoneOf(value: string): string | null {
  let canonical = zoneNames.get(value);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (zoneNames.size >= MAX_ZONE_NAMES) zoneNames.clear();
    zoneNames.set(value, canonical);
  }
  return canonical;
}

/** Thrown by commands given invalid input; carries the per-field errors. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(describeErrors(errors));
    this.name = 'ValidationError';
  }
}
