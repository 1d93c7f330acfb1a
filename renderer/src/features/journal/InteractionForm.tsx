import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import {
  INTERACTION_KIND_LABELS,
  INTERACTION_KINDS,
  LIMITS,
  type FieldErrors,
  type InteractionFields,
} from '../../../../shared/domain';
import { isSaveKey, relevanceFromKey } from './formKeys';
import { readForm, type FormValues } from './formValues';
import { RelevanceInput } from './RelevanceInput';
import { useJournalPart } from '../../app/journalContext';
import { GoalsSelect, RelevanceSuggestionLine, useRelevanceSuggestion } from '../goals/GoalLinks';
import { PeopleInput } from '../contacts/PeopleInput';
import { messageOf } from '../../ui/errors';
import { localDayKey } from '../../ui/format';
import { NotSavedAlert } from '../../ui/recordErrors';

const todayLocalDate = () => localDayKey(new Date().toISOString());

/** A duration held as minutes shows with its unit; one being typed shows as typed. */
const durationText = (value: number | string) =>
  typeof value === 'number' ? `${value} min` : value;

const KIND_OPTIONS = INTERACTION_KINDS.map((kind) => ({
  value: kind,
  label: INTERACTION_KIND_LABELS[kind],
}));

interface Props {
  initialValues: FormValues;
  submitLabel: string;
  /** Saves; may throw (the message is shown on the form). */
  /** Saves; may throw, or return a promise that rejects, to say why it could not. */
  onSubmit: (fields: InteractionFields) => unknown;
  /** Longer notes get multi-line fields (editing), quick-add keeps single lines. */
  multiline?: boolean;
  extraActions?: ReactNode;
}

/** The fields of an interaction, for quick-add and for editing. Enter saves. */
export function InteractionForm({
  initialValues,
  submitLabel,
  onSubmit,
  multiline = false,
  extraActions,
}: Props) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  type TextKey =
    'title' | 'startedAt' | 'place' | 'intent' | 'outcome' | 'nextStep' | 'nextStepDue';
  /** Value, change handler and error of a text field. */
  const text = (key: TextKey) => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value),
    error: errors[key],
  });

  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault();
    const result = readForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const refused = (error: unknown) => setErrors({ form: messageOf(error) });
    try {
      const saving = onSubmit(result.value);
      // No new state when there were no errors: the form is not drawn again as it closes.
      setErrors((current) => (Object.keys(current).length === 0 ? current : {}));
      if (saving instanceof Promise) saving.catch(refused);
    } catch (error) {
      refused(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const relevance = relevanceFromKey(event);
    if (relevance !== undefined) {
      event.preventDefault();
      set('relevance', relevance);
    } else if (isSaveKey(event)) {
      event.preventDefault();
      submit();
    }
  };

  const goals = useJournalPart((snapshot) => snapshot.goals);
  const contacts = useJournalPart((snapshot) => snapshot.contacts);
  // The local day of the datetime-local value (YYYY-MM-DDTHH:mm): the goals active on it count.
  const day = values.startedAt.slice(0, 10);
  const suggestion = useRelevanceSuggestion(goals, contacts, { ...values, day });
  const goalIds = values.goalIds ?? [];
  const takeSuggestion = () => {
    if (!suggestion) return;
    set('relevance', suggestion.relevance);
    if (goalIds.length === 0) set('goalIds', [...suggestion.goalIds]);
  };

  const NoteInput = multiline ? Textarea : TextInput;
  const noteProps = multiline ? { autosize: true, minRows: 2, maxRows: 8 } : {};

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="Interaction">
      <Stack gap="sm">
        <NotSavedAlert message={errors.form} />
        <TextInput
          label="Title"
          placeholder="Coffee with Maya Chen"
          required
          // Focused as the form is put on the page (React's autoFocus), not a timer later as
          // the dialog's focus trap does: keys held since N go in before the first paint.
          autoFocus
          data-autofocus
          maxLength={LIMITS.titleLength}
          {...text('title')}
        />
        <RelevanceInput value={values.relevance} onChange={(v) => set('relevance', v)} />
        <RelevanceSuggestionLine suggestion={suggestion} onUse={takeSuggestion} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {/* Kind and duration before the date, whose parts each take a Tab. */}
          <NativeSelect
            label="Kind"
            data={KIND_OPTIONS}
            value={values.kind}
            onChange={(event) => set('kind', event.currentTarget.value as FormValues['kind'])}
            error={errors.kind}
          />
          <TextInput
            label="Duration"
            placeholder="45m, 1h30"
            value={durationText(values.durationMinutes)}
            onChange={(event) => set('durationMinutes', event.currentTarget.value)}
            // Typing replaces it whole ("1h30" over "30 min").
            onFocus={(event) => event.currentTarget.select()}
            error={errors.durationMinutes}
          />
          <TextInput type="datetime-local" label="When" {...text('startedAt')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Organiser or place" {...text('place')} />
          <PeopleInput
            people={values.people}
            contactIds={values.contactIds}
            error={errors.people}
            onChange={(people, contactIds) =>
              setValues((current) => ({ ...current, people, ...(contactIds && { contactIds }) }))
            }
          />
        </SimpleGrid>
        <GoalsSelect
          goals={goals}
          day={day}
          value={goalIds}
          onChange={(ids) => set('goalIds', ids)}
          error={errors.goalIds}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NoteInput label="What I wanted" {...text('intent')} {...noteProps} />
          <NoteInput label="What I got" {...text('outcome')} {...noteProps} />
        </SimpleGrid>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <NoteInput label="Next step" flex={1} {...text('nextStep')} {...noteProps} />
          <TextInput type="date" label="Due" w={150} {...text('nextStepDue')} />
          <Checkbox
            label="Done"
            mt={32}
            checked={values.nextStepDone !== null}
            onChange={(event) =>
              set('nextStepDone', event.currentTarget.checked ? todayLocalDate() : null)
            }
          />
        </Group>
        <Group justify="space-between">
          <Group>{extraActions}</Group>
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
