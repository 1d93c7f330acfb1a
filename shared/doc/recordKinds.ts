import {
  contactFieldsSchema,
  EMPTY_CONTACT,
  goalFieldsSchema,
  introductionFieldsSchema,
  plannedEventFieldsSchema,
  type ContactFields,
  type GoalFields,
  type IntroductionFields,
  type PlannedEventFields,
} from '../domain';
import type { RecordKind } from './recordCollection';
import { ROOT } from './schema';

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** Goals: active ones first by start, newest first. */
export const GOAL_RECORDS: RecordKind<GoalFields> = {
  root: ROOT.goals,
  schema: goalFieldsSchema,
  defaults: {
    kind: 'other',
    description: '(no description)',
    activeFrom: '1970-01-01',
    activeTo: null,
  },
  compare: (a, b) =>
    a.activeFrom !== b.activeFrom ? (a.activeFrom < b.activeFrom ? 1 : -1) : byText(a.id, b.id),
};

/** Contacts: by name. */
export const CONTACT_RECORDS: RecordKind<ContactFields> = {
  root: ROOT.contacts,
  schema: contactFieldsSchema,
  defaults: { name: '(no name)', ...EMPTY_CONTACT },
  compare: (a, b) => byText(a.name, b.name) || byText(a.id, b.id),
};

/** Planned events: by date, soonest first. */
export const PLANNED_EVENT_RECORDS: RecordKind<PlannedEventFields> = {
  root: ROOT.plannedEvents,
  schema: plannedEventFieldsSchema,
  defaults: {
    date: '1970-01-01',
    kind: 'event',
    title: '(untitled)',
    organiser: '',
    cost: null,
    expectedMinutes: 0,
    researchNotes: '',
    expectedRelevance: null,
    decision: 'undecided',
    decisionReason: '',
    goalIds: [],
    interactionId: null,
  },
  compare: (a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : byText(a.id, b.id)),
};

/** Introductions: newest first. */
export const INTRODUCTION_RECORDS: RecordKind<IntroductionFields> = {
  root: ROOT.introductions,
  schema: introductionFieldsSchema,
  defaults: {
    date: '1970-01-01',
    direction: 'made',
    needContactId: '?',
    offerContactId: '??',
    need: '',
    offer: '',
    outcome: '',
    suggestionKey: null,
  },
  compare: (a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : byText(a.id, b.id)),
};

/** The kinds of record besides interactions, by the name commands take. */
export const RECORD_KINDS = {
  goals: GOAL_RECORDS,
  contacts: CONTACT_RECORDS,
  plannedEvents: PLANNED_EVENT_RECORDS,
  introductions: INTRODUCTION_RECORDS,
} as const;

export type RecordKindName = keyof typeof RECORD_KINDS;

/** The fields of each kind of record. */
export interface RecordFieldsOf {
  goals: GoalFields;
  contacts: ContactFields;
  plannedEvents: PlannedEventFields;
  introductions: IntroductionFields;
}
