import {
  validateInteraction,
  type FieldErrors,
  type Interaction,
  type InteractionFields,
  type InteractionKind,
  type Relevance,
  type Validated,
} from '../../../../shared/domain';
import { fromLocalInputValue, toLocalInputValue, viewerTimeZone } from '../../ui/format';

/** What the interaction form holds while a person types. */
export interface FormValues {
  title: string;
  relevance: Relevance | null;
  /** datetime-local value, in local time. */
  startedAt: string;
  durationMinutes: number | string;
  kind: InteractionKind;
  place: string;
  people: string[];
  /** The people met who are contacts; absent while the interaction links none. */
  contactIds?: string[];
  intent: string;
  outcome: string;
  nextStep: string;
  /** date input value (YYYY-MM-DD), '' for none. */
  nextStepDue: string;
  /** The day the next step was ticked done, or null while open. */
  nextStepDone: string | null;
  /** Ids of the goals it served (left out: none, as in forms made before goals). */
  goalIds?: string[];
}

export const DEFAULT_DURATION_MINUTES = 30;

/** A fresh form: starting now, half an hour, over coffee. */
export function emptyFormValues(now = new Date()): FormValues {
  return {
    title: '',
    relevance: null,
    startedAt: toLocalInputValue(now.toISOString()),
    durationMinutes: DEFAULT_DURATION_MINUTES,
    kind: 'coffee',
    place: '',
    people: [],
    intent: '',
    outcome: '',
    nextStep: '',
    nextStepDue: '',
    nextStepDone: null,
    goalIds: [],
  };
}

export function formValuesOf(item: Interaction): FormValues {
  return {
    title: item.title,
    relevance: item.relevance,
    startedAt: toLocalInputValue(item.startedAt),
    durationMinutes: item.durationMinutes,
    kind: item.kind,
    place: item.place,
    people: [...item.people],
    ...(item.contactIds.length > 0 ? { contactIds: [...item.contactIds] } : {}),
    intent: item.intent,
    outcome: item.outcome,
    nextStep: item.nextStep,
    nextStepDue: item.nextStepDue ?? '',
    nextStepDone: item.nextStepDone,
    goalIds: [...item.goalIds],
  };
}

/** Turns the form into validated interaction fields, or per-field errors. */
export function readForm(
  values: FormValues,
  timeZone = viewerTimeZone(),
): Validated<InteractionFields> {
  const startedAt = fromLocalInputValue(values.startedAt);
  const errors: FieldErrors = {};
  if (startedAt === null) errors.startedAt = 'Enter the date and start time.';
  if (values.durationMinutes === '') errors.durationMinutes = 'Enter how many minutes it took.';
  const result = validateInteraction({
    ...values,
    startedAt: startedAt ?? '',
    durationMinutes: Number(values.durationMinutes),
    nextStepDue: values.nextStepDue === '' ? null : values.nextStepDue,
    timeZone,
    ...(values.goalIds ? { goalIds: values.goalIds } : {}),
  });
  if (!result.ok) return { ok: false, errors: { ...result.errors, ...errors } };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : result;
}
