import * as z from 'zod';
import { INTERACTION_KINDS, type InteractionKind } from './interaction';
import {
  calendarDate,
  idList,
  relevanceOrNone,
  requiredText,
  text,
  trimmedText,
} from './fieldSchemas';
import type { Relevance } from './relevance';

/** Whether the person will go: "pick and choose wisely". */
export const DECISIONS = ['undecided', 'go', 'skip'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  undecided: 'Not decided',
  go: 'Go',
  skip: 'Skip',
};

/** An opportunity not yet attended: an event, a meetup, a conference. */
export interface PlannedEventFields {
  /** The day it takes place (YYYY-MM-DD). */
  date: string;
  kind: InteractionKind;
  title: string;
  organiser: string;
  /** What it costs, in the person's currency, or null when free or unknown. */
  cost: number | null;
  /** How long it would take, in minutes (counted as hours kept when skipped). */
  expectedMinutes: number;
  researchNotes: string;
  /** How relevant the person expects it to be, 1–5, or null while unsure. */
  expectedRelevance: Relevance | null;
  decision: Decision;
  decisionReason: string;
  goalIds: string[];
  /** The interaction logged for it once attended, or null. */
  interactionId: string | null;
}

export interface PlannedEvent extends Readonly<PlannedEventFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const plannedEventFieldsSchema = z.object({
  date: calendarDate('The date'),
  kind: z.enum(INTERACTION_KINDS, {
    error: `The kind must be one of: ${INTERACTION_KINDS.join(', ')}.`,
  }),
  title: requiredText('The title', 200, 'Give the event a title.'),
  organiser: trimmedText('The organiser', 200),
  cost: z.union([z.null(), z.number().min(0, { error: 'The cost cannot be negative.' })], {
    error: 'The cost must be a number, or none.',
  }),
  expectedMinutes: z
    .number({ error: 'The expected time must be a number of minutes.' })
    .int({ error: 'The expected time must be whole minutes.' })
    .min(0, { error: 'The expected time cannot be negative.' })
    .max(24 * 60 * 7, { error: 'The expected time can be at most a week.' }),
  researchNotes: text('The research notes', 5000),
  expectedRelevance: relevanceOrNone,
  decision: z.enum(DECISIONS, { error: 'The decision is go, skip or not decided.' }),
  decisionReason: text('The reason', 1000),
  goalIds: idList('Goals'),
  interactionId: z.union([z.null(), z.string().min(1).max(64)]),
});
