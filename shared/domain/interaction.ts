import * as z from 'zod';
import { idList, relevanceOrNone } from './fieldSchemas';
import type { InteractionId } from './ids';
import {
  defineRecord,
  readFields,
  type FieldSpec,
  type FieldsInputOf,
  type FieldsOf,
} from './recordDescriptor';
import { toRelevance, type Relevance } from './relevance';
import { parseInstant, parseLocalDate } from './time';
import { canonicalTimeZone, isKnownTimeZone } from './timeZoneNames';

/** The kinds of networking encounter, in the order the quick-add offers them. */
export const INTERACTION_KINDS = [
  'event',
  'meetup',
  'conference',
  'coffee',
  'meal',
  'call',
  'video',
  'message',
  'interview',
  'other',
] as const;

export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  event: 'Event',
  meetup: 'Meetup',
  conference: 'Conference',
  coffee: 'Coffee',
  meal: 'Meal',
  call: 'Call',
  video: 'Video call',
  message: 'Message',
  interview: 'Interview',
  other: 'Other',
};

export const LIMITS = {
  titleLength: 200,
  placeLength: 200,
  personNameLength: 100,
  peopleCount: 50,
  noteLength: 5000,
  durationMinutes: 24 * 60,
} as const;

/** What an instant that cannot be read reads as. */
export const EPOCH = new Date(0).toISOString();

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} can be at most ${max} characters.` });

const readText =
  (fallback = '') =>
  (stored: unknown): string =>
    typeof stored === 'string' ? stored : fallback;

/**
 * An instant exactly as this app stores it (Date#toISOString, UTC), on a day that every month
 * has: parseInstant would return it unchanged. Later days and every other spelling take the
 * full parse. (Opening a journal reads three instants per interaction: most are normalized.)
 */
const NORMALIZED_INSTANT =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An exact instant, normalized to UTC (so it sorts and groups like ours); else the epoch. */
export function readInstant(stored: unknown): string {
  if (typeof stored === 'string' && NORMALIZED_INSTANT.test(stored)) return stored;
  return parseInstant(stored) ?? EPOCH;
}

/** Names from a comma-separated list: how version 1 stored people (read, never rewritten). */
function namesFromList(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const NO_IDS: readonly string[] = Object.freeze([]);

/** A JSON list of ids; anything else reads as none. */
function readIds(stored: unknown): string[] {
  return Array.isArray(stored)
    ? stored.filter((id): id is string => typeof id === 'string' && id.length > 0)
    : (NO_IDS as string[]);
}

const textField = (label: string, max: number, column: string): FieldSpec<z.ZodString> => ({
  schema: text(label, max),
  read: readText(),
  column,
});

// An exact instant (a real calendar date, and Z or an offset), stored normalized to UTC.
const startedAt = z
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

/**
 * An interaction: one networking encounter. The single declaration of its fields; the type,
 * the checks, the reader, the form's defaults and the CSV columns come from here.
 */
export const INTERACTION_RECORD = defineRecord({
  name: 'interaction',
  fields: {
    /** When it started: an ISO 8601 instant in UTC, e.g. 2026-11-25T18:30:00.000Z. */
    startedAt: { schema: startedAt, read: readInstant },
    /** The IANA time zone the person was in, so reports can place it on the right local day. */
    timeZone: { schema: timeZone, read: readText('UTC') },
    /** How long it took, in whole minutes (0 is allowed: a quick message). */
    durationMinutes: {
      schema: z
        .number({ error: 'The duration must be a number of minutes.' })
        .int({ error: 'The duration must be a whole number of minutes.' })
        .min(0, { error: 'The duration cannot be negative.' })
        .max(LIMITS.durationMinutes, {
          error: 'The duration can be at most 24 hours (1440 minutes).',
        }),
      read: (stored) =>
        typeof stored === 'number' && Number.isFinite(stored) && stored >= 0
          ? Math.round(stored)
          : 0,
      initial: 30,
    },
    kind: {
      schema: z.enum(INTERACTION_KINDS, {
        error: `The kind must be one of: ${INTERACTION_KINDS.join(', ')}.`,
      }),
      read: (stored) =>
        INTERACTION_KINDS.includes(stored as InteractionKind)
          ? (stored as InteractionKind)
          : 'other',
      initial: 'coffee',
    },
    title: {
      schema: text('The title', LIMITS.titleLength)
        .transform((value) => value.trim())
        .refine((value) => value.length > 0, { error: 'Give the interaction a title.' }),
      read: readText('(untitled)'),
      column: 'Title',
      initial: '',
    },
    /** Organiser or place. */
    place: {
      schema: text('The organiser or place', LIMITS.placeLength).transform((value) => value.trim()),
      read: readText(),
      column: 'Organiser or place',
    },
    /** Names of the people met: one JSON list, replaced as a whole when edited. */
    people: {
      schema: z
        .array(
          text('A name', LIMITS.personNameLength)
            .transform((value) => value.trim())
            .refine((value) => value.length > 0, { error: 'A name cannot be empty.' }),
          { error: 'People must be a list of names.' },
        )
        .max(LIMITS.peopleCount, {
          error: `At most ${LIMITS.peopleCount} people per interaction.`,
        }),
      read: (stored): string[] => {
        if (typeof stored === 'string') return namesFromList(stored);
        return Array.isArray(stored)
          ? stored.filter((name): name is string => typeof name === 'string')
          : [];
      },
      column: 'People',
    },
    /** 1–5, or null while not rated. */
    relevance: { schema: relevanceOrNone, read: (stored): Relevance | null => toRelevance(stored) },
    /** What I wanted from it. */
    intent: textField('“What I wanted”', LIMITS.noteLength, 'What I wanted'),
    /** What I got from it. */
    outcome: textField('“What I got”', LIMITS.noteLength, 'What I got'),
    nextStep: textField('The next step', LIMITS.noteLength, 'Next step'),
    /** The day the next step is due (YYYY-MM-DD, a calendar date), or null when it has none. */
    nextStepDue: {
      schema: localDate('The due date'),
      read: parseLocalDate,
      column: 'Next step due',
    },
    /** The day the next step was done (YYYY-MM-DD), or null while it is open. */
    nextStepDone: {
      schema: localDate('The done date'),
      read: parseLocalDate,
      column: 'Next step done',
    },
    /** The goals it served (ids of goals); none when left out. */
    goalIds: { schema: idList('Goals').optional(), read: readIds },
    /** The people met who are contacts (ids of contacts); `people` keeps every name. */
    contactIds: { schema: idList('Contacts').optional(), read: readIds },
  },
});

/** The fields a person fills in for an interaction (everything but the rich-text reflection). */
export type InteractionFields = FieldsInputOf<typeof INTERACTION_RECORD>;

/** An interaction as the app reads it: a plain, immutable snapshot of one record. */
export type Interaction = Readonly<
  Omit<FieldsOf<typeof INTERACTION_RECORD>, 'goalIds' | 'contactIds'>
> & {
  readonly id: InteractionId;
  readonly goalIds: readonly string[];
  readonly contactIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Part of the removable sample journal. */
  readonly sample: boolean;
  /** The reflection as plain text (for search, previews and reports). */
  readonly reflectionText: string;
};

export type InteractionPatch = Partial<InteractionFields>;

/**
 * An interaction as a snapshot holds it, from the fields a writer gives and its stamps, every
 * field the writer left out at its default (for test data, benchmarks and imports).
 */
export function interactionOf(
  id: InteractionId,
  fields: InteractionFields,
  stamps: { createdAt: string; updatedAt: string; sample?: boolean; reflectionText?: string },
): Interaction {
  const given: Readonly<Record<string, unknown>> = { ...fields, ...stamps };
  return readInteraction(id, (key) => given[key]);
}

/** What an interaction stores beside its fields, in the order they are written. */
export const INTERACTION_STAMPS = ['createdAt', 'updatedAt', 'sample', 'reflectionText'] as const;

/**
 * Reads one stored interaction into a plain snapshot: `stored(key)` is the stored value of
 * a field or stamp, or undefined. Tolerant by design: a record written by another client or
 * damaged in transit still reads, with safe defaults for bad fields.
 */
export function readInteraction(id: InteractionId, stored: (key: string) => unknown): Interaction {
  const fields = readFields(INTERACTION_RECORD, stored);
  const reflection = stored('reflectionText');
  // Completed in place rather than spread into a new object: V8 gives each object spread
  // from one built key by key a hidden class of its own (Node 20 does), which made reading
  // and sorting a large journal several times slower.
  return Object.assign(fields, {
    // Read as a list always (readIds); the schema lets a writer leave them out.
    goalIds: fields.goalIds ?? NO_IDS,
    contactIds: fields.contactIds ?? NO_IDS,
    id,
    createdAt: readInstant(stored('createdAt')),
    updatedAt: readInstant(stored('updatedAt')),
    sample: stored('sample') === true,
    reflectionText: typeof reflection === 'string' ? reflection : '',
  });
}
