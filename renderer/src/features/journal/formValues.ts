import {
  INTERACTION_RECORD,
  parseDuration,
  validateInteraction,
  type FieldsOf,
  type FieldErrors,
  type Interaction,
  type InteractionFields,
  type Validated,
} from '../../../../shared/domain';
import { fromLocalInputValue, toLocalInputValue, viewerTimeZone } from '../../ui/format';

type Fields = FieldsOf<typeof INTERACTION_RECORD>;

/** Fields the form holds differently from how they are stored. */
type Typed =
  'startedAt' | 'timeZone' | 'durationMinutes' | 'nextStepDue' | 'goalIds' | 'contactIds';

/**
 * What the interaction form holds while a person types: every field of the interaction's
 * descriptor as stored, but the start (a datetime-local value, local time, the zone is the
 * device's), the duration (as typed) and the due day ('' for none).
 */
export type FormValues = Omit<Fields, Typed> & {
  /** datetime-local value, in local time. */
  startedAt: string;
  /** Minutes, or the duration as typed ("45m", "1h30"). */
  durationMinutes: number | string;
  /** date input value (YYYY-MM-DD), '' for none. */
  nextStepDue: string;
  /** Ids of the goals it served (left out: none, as in forms made before goals). */
  goalIds?: string[];
  /** The people met who are contacts; absent while the interaction links none. */
  contactIds?: string[];
};

export const DEFAULT_DURATION_MINUTES = INTERACTION_RECORD.initial.durationMinutes;

/** A fresh form, from the descriptor's starting values: starting now, half an hour, over coffee. */
export function emptyFormValues(now = new Date()): FormValues {
  const { timeZone: _zone, contactIds: _contacts, ...initial } = INTERACTION_RECORD.initial;
  return {
    ...initial,
    people: [],
    startedAt: toLocalInputValue(now.toISOString()),
    nextStepDue: '',
    goalIds: [],
  };
}

export function formValuesOf(item: Interaction): FormValues {
  const fields = Object.fromEntries(
    INTERACTION_RECORD.keys.map((key) => [key, item[key]]),
  ) as unknown as Fields;
  const { timeZone: _zone, contactIds: _contacts, ...values } = fields;
  return {
    ...values,
    people: [...item.people],
    startedAt: toLocalInputValue(item.startedAt),
    nextStepDue: item.nextStepDue ?? '',
    goalIds: [...item.goalIds],
    ...(item.contactIds.length > 0 ? { contactIds: [...item.contactIds] } : {}),
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
  const durationMinutes = parseDuration(String(values.durationMinutes));
  if (durationMinutes === null) {
    errors.durationMinutes = 'Enter how long it took: 45, 45m, 1h30 or 1:30.';
  }
  const result = validateInteraction({
    ...values,
    startedAt: startedAt ?? '',
    durationMinutes: durationMinutes ?? 0,
    nextStepDue: values.nextStepDue === '' ? null : values.nextStepDue,
    timeZone,
    ...(values.goalIds ? { goalIds: values.goalIds } : {}),
  });
  if (!result.ok) return { ok: false, errors: { ...result.errors, ...errors } };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : result;
}
