import * as z from 'zod';
import { INTERACTION_KINDS } from './interaction';
import {
  calendarDate,
  idList,
  relevanceOrNone,
  requiredText,
  text,
  trimmedText,
} from './fieldSchemas';
import { checkedField, defineRecord, type FieldsOf } from './recordDescriptor';

/** Whether the person will go: "pick and choose wisely". */
export const DECISIONS = ['undecided', 'go', 'skip'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  undecided: 'Not decided',
  go: 'Go',
  skip: 'Skip',
};

/** An opportunity not yet attended: an event, a meetup, a conference. */
export const PLANNED_EVENT_RECORD = defineRecord({
  name: 'planned event',
  fields: {
    /** The day it takes place (YYYY-MM-DD). */
    date: checkedField(calendarDate('The date'), '1970-01-01'),
    kind: checkedField(
      z.enum(INTERACTION_KINDS, {
        error: `The kind must be one of: ${INTERACTION_KINDS.join(', ')}.`,
      }),
      'event',
    ),
    title: checkedField(requiredText('The title', 200, 'Give the event a title.'), '(untitled)', {
      initial: '',
    }),
    organiser: checkedField(trimmedText('The organiser', 200), ''),
    /** What it costs, in the person's currency, or null when free or unknown. */
    cost: checkedField(
      z.union([z.null(), z.number().min(0, { error: 'The cost cannot be negative.' })], {
        error: 'The cost must be a number, or none.',
      }),
      null,
    ),
    /** How long it would take, in minutes (counted as hours kept when skipped). */
    expectedMinutes: checkedField(
      z
        .number({ error: 'The expected time must be a number of minutes.' })
        .int({ error: 'The expected time must be whole minutes.' })
        .min(0, { error: 'The expected time cannot be negative.' })
        .max(24 * 60 * 7, { error: 'The expected time can be at most a week.' }),
      0,
    ),
    researchNotes: checkedField(text('The research notes', 5000), ''),
    /** How relevant the person expects it to be, 1–5, or null while unsure. */
    expectedRelevance: checkedField(relevanceOrNone, null),
    decision: checkedField(
      z.enum(DECISIONS, { error: 'The decision is go, skip or not decided.' }),
      'undecided',
    ),
    decisionReason: checkedField(text('The reason', 1000), ''),
    goalIds: checkedField(idList('Goals'), []),
    /** The interaction logged for it once attended, or null. */
    interactionId: checkedField(z.union([z.null(), z.string().min(1).max(64)]), null),
  },
});

export type PlannedEventFields = FieldsOf<typeof PLANNED_EVENT_RECORD>;

export interface PlannedEvent extends Readonly<PlannedEventFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const plannedEventFieldsSchema = PLANNED_EVENT_RECORD.schema;
