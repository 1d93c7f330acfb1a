import {
  CONTACT_RECORD,
  GOAL_RECORD,
  INTRODUCTION_RECORD,
  PLANNED_EVENT_RECORD,
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
  descriptor: GOAL_RECORD,
  compare: (a, b) =>
    a.activeFrom !== b.activeFrom ? (a.activeFrom < b.activeFrom ? 1 : -1) : byText(a.id, b.id),
};

/** Contacts: by name. */
export const CONTACT_RECORDS: RecordKind<ContactFields> = {
  root: ROOT.contacts,
  descriptor: CONTACT_RECORD,
  compare: (a, b) => byText(a.name, b.name) || byText(a.id, b.id),
};

/** Planned events: by date, soonest first. */
export const PLANNED_EVENT_RECORDS: RecordKind<PlannedEventFields> = {
  root: ROOT.plannedEvents,
  descriptor: PLANNED_EVENT_RECORD,
  compare: (a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : byText(a.id, b.id)),
};

/** Introductions: newest first. */
export const INTRODUCTION_RECORDS: RecordKind<IntroductionFields> = {
  root: ROOT.introductions,
  descriptor: INTRODUCTION_RECORD,
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
