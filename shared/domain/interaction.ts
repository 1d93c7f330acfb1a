import type { InteractionId } from './ids';
import type { Relevance } from './relevance';

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

/** The fields a person fills in for an interaction (everything but the rich-text reflection). */
export interface InteractionFields {
  /** When it started: an ISO 8601 instant in UTC, e.g. 2026-11-25T18:30:00.000Z. */
  startedAt: string;
  /** The IANA time zone the person was in, so reports can place it on the right local day. */
  timeZone: string;
  /** How long it took, in whole minutes (0 is allowed: a quick message). */
  durationMinutes: number;
  kind: InteractionKind;
  title: string;
  /** Organiser or place. */
  place: string;
  /** Names of the people met. */
  people: string[];
  /** 1–5, or null while not rated. */
  relevance: Relevance | null;
  /** What I wanted from it. */
  intent: string;
  /** What I got from it. */
  outcome: string;
  nextStep: string;
  /** The day the next step is due (YYYY-MM-DD, a calendar date), or null when it has none. */
  nextStepDue: string | null;
  /** The day the next step was done (YYYY-MM-DD), or null while it is open. */
  nextStepDone: string | null;
  /** The goals it served (ids of goals); none when left out. */
  goalIds?: string[];
  /** The people met who are contacts (ids of contacts); `people` keeps every name. */
  contactIds?: string[];
}

/** An interaction as the app reads it: a plain, immutable snapshot of one record. */
export interface Interaction extends Readonly<Omit<InteractionFields, 'goalIds' | 'contactIds'>> {
  readonly id: InteractionId;
  readonly goalIds: readonly string[];
  readonly contactIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Part of the removable sample journal. */
  readonly sample: boolean;
  /** The reflection as plain text (for search and previews). */
  readonly reflectionText: string;
}

export type InteractionPatch = Partial<InteractionFields>;
