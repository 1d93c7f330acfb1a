import * as Y from 'yjs';
import {
  INTERACTION_KINDS,
  toRelevance,
  type Interaction,
  type InteractionId,
  type InteractionKind,
} from '../domain';
import { parseInstant, parseLocalDate } from '../domain/time';
import { reflectionText } from './reflectionText';
import { FIELD } from './schema';

const EPOCH = new Date(0).toISOString();

function stringField(record: Y.Map<unknown>, key: string, fallback = ''): string {
  const value = record.get(key);
  return typeof value === 'string' ? value : fallback;
}

/**
 * An instant exactly as this app stores it (Date#toISOString, UTC), on a day that every month
 * has: parseInstant would return it unchanged. Later days and every other spelling take the
 * full parse.
 */
const NORMALIZED_INSTANT =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An exact instant, normalized to UTC (so it sorts and groups like ours); else the epoch. */
function instantField(record: Y.Map<unknown>, key: string): string {
  const value = record.get(key);
  // Opening a journal reads three instants per interaction: most are already normalized.
  if (typeof value === 'string' && NORMALIZED_INSTANT.test(value)) return value;
  return parseInstant(value) ?? EPOCH;
}

/** A calendar date (YYYY-MM-DD) that exists; anything else reads as no date. */
function dateField(record: Y.Map<unknown>, key: string): string | null {
  return parseLocalDate(record.get(key));
}

/**
 * Names from a comma-separated list: how version 1 stored people. Version 2 reads that layout
 * instead of rewriting it (see migrations.ts), so readers meet it in v2 documents too.
 */
function namesFromList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function peopleField(record: Y.Map<unknown>): string[] {
  const people = record.get(FIELD.people);
  if (typeof people === 'string') return namesFromList(people);
  return Array.isArray(people)
    ? people.filter((name): name is string => typeof name === 'string')
    : [];
}

/** A JSON array of ids; anything else reads as none. */
function idsField(record: Y.Map<unknown>, key: string): readonly string[] {
  const ids = record.get(key);
  return Array.isArray(ids)
    ? ids.filter((id): id is string => typeof id === 'string' && id.length > 0)
    : NO_IDS;
}

const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * Reads one stored interaction into a plain snapshot. Tolerant by design: a record written
 * by another client or damaged in transit still reads, with safe defaults for bad fields.
 */
export function readInteraction(id: InteractionId, record: Y.Map<unknown>): Interaction {
  const kind = record.get(FIELD.kind);
  const duration = record.get(FIELD.durationMinutes);
  const reflection = record.get(FIELD.reflection);
  return {
    id,
    startedAt: instantField(record, FIELD.startedAt),
    timeZone: stringField(record, FIELD.timeZone, 'UTC'),
    durationMinutes:
      typeof duration === 'number' && Number.isFinite(duration) && duration >= 0
        ? Math.round(duration)
        : 0,
    kind: INTERACTION_KINDS.includes(kind as InteractionKind) ? (kind as InteractionKind) : 'other',
    title: stringField(record, FIELD.title, '(untitled)'),
    place: stringField(record, FIELD.place),
    people: peopleField(record),
    relevance: toRelevance(record.get(FIELD.relevance)),
    intent: stringField(record, FIELD.intent),
    outcome: stringField(record, FIELD.outcome),
    nextStep: stringField(record, FIELD.nextStep),
    nextStepDue: dateField(record, FIELD.nextStepDue),
    nextStepDone: dateField(record, FIELD.nextStepDone),
    goalIds: idsField(record, FIELD.goalIds),
    contactIds: idsField(record, FIELD.contactIds),
    createdAt: instantField(record, FIELD.createdAt),
    updatedAt: instantField(record, FIELD.updatedAt),
    sample: record.get(FIELD.sample) === true,
    reflectionText: reflection instanceof Y.XmlFragment ? reflectionText(reflection) : '',
  };
}
