import { localDateOf, todayIn } from '../../../../shared/analytics';
import type {
  Decision,
  InteractionKind,
  PlannedEvent,
  PlannedEventFields,
  RecordErrors,
  Relevance,
} from '../../../../shared/domain';
import type { FormValues } from '../journal/formValues';
import { viewerTimeZone } from '../../ui/format';

/** What the planned-event form holds while a person types. */
export interface PlannedFormValues {
  title: string;
  /** date input value (YYYY-MM-DD). */
  date: string;
  kind: InteractionKind;
  organiser: string;
  /** '' while no cost is given (free or unknown). */
  cost: number | string;
  expectedMinutes: number | string;
  researchNotes: string;
  expectedRelevance: Relevance | null;
  decision: Decision;
  decisionReason: string;
  /** Ids of the goals it could serve. */
  goalIds: string[];
}

export const DEFAULT_EXPECTED_MINUTES = 120;

/** Today in this device's zone, as YYYY-MM-DD. */
export const todayLocalDate = (now = new Date()) => localDateOf(todayIn(viewerTimeZone(), now));

export function emptyPlannedValues(now = new Date()): PlannedFormValues {
  return {
    title: '',
    date: todayLocalDate(now),
    kind: 'event',
    organiser: '',
    cost: '',
    expectedMinutes: DEFAULT_EXPECTED_MINUTES,
    researchNotes: '',
    expectedRelevance: null,
    decision: 'undecided',
    decisionReason: '',
    goalIds: [],
  };
}

export function plannedValuesOf(event: PlannedEvent): PlannedFormValues {
  return {
    title: event.title,
    date: event.date,
    kind: event.kind,
    organiser: event.organiser,
    cost: event.cost ?? '',
    expectedMinutes: event.expectedMinutes,
    researchNotes: event.researchNotes,
    expectedRelevance: event.expectedRelevance,
    decision: event.decision,
    decisionReason: event.decisionReason,
    goalIds: [...event.goalIds],
  };
}

/**
 * The form as record fields (the logged interaction is kept from `existing`), or the errors
 * only the form can tell (an empty number); the record checks the rest.
 */
export function readPlannedForm(
  values: PlannedFormValues,
  existing?: PlannedEvent,
): { ok: true; value: PlannedEventFields } | { ok: false; errors: RecordErrors } {
  if (values.expectedMinutes === '') {
    return { ok: false, errors: { expectedMinutes: 'Enter how many minutes it would take.' } };
  }
  return {
    ok: true,
    value: {
      ...values,
      cost: values.cost === '' ? null : Number(values.cost),
      expectedMinutes: Number(values.expectedMinutes),
      goalIds: [...values.goalIds],
      interactionId: existing?.interactionId ?? null,
    },
  };
}

/** The start time a logged event gets: 09:00 on its day (the person can change it). */
export const LOGGED_START_TIME = '09:00';

/**
 * The quick-add form for logging a planned event: its title, kind, day, organiser, time and
 * the goals it was to serve.
 */
export function interactionValuesOf(event: PlannedEvent, empty: FormValues): FormValues {
  return {
    ...empty,
    title: event.title,
    kind: event.kind,
    startedAt: `${event.date}T${LOGGED_START_TIME}`,
    place: event.organiser,
    durationMinutes: event.expectedMinutes,
    relevance: null,
    goalIds: [...event.goalIds],
  };
}
