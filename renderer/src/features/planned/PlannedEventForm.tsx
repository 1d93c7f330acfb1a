import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type ChangeEvent, type SyntheticEvent } from 'react';
import {
  DECISION_LABELS,
  DECISIONS,
  INTERACTION_KIND_LABELS,
  INTERACTION_KINDS,
  type PlannedEvent,
  type PlannedEventFields,
  type RecordErrors,
} from '../../../../shared/domain';
import { useJournalPart } from '../../app/journalContext';
import { GoalsSelect } from '../goals/GoalLinks';
import { RelevanceInput } from '../journal/RelevanceInput';
import { readPlannedForm, type PlannedFormValues } from './plannedForm';
import { NotSavedAlert, errorsOf } from '../../ui/recordErrors';

const KIND_OPTIONS = INTERACTION_KINDS.map((kind) => ({
  value: kind,
  label: INTERACTION_KIND_LABELS[kind],
}));
const DECISION_OPTIONS = DECISIONS.map((decision) => ({
  value: decision,
  label: DECISION_LABELS[decision],
}));

interface Props {
  initialValues: PlannedFormValues;
  /** The event being edited; absent when planning a new one. */
  existing?: PlannedEvent;
  submitLabel: string;
  /** Saves; may throw RecordValidationError (shown by field) or another error. */
  onSubmit: (fields: PlannedEventFields) => void;
  onCancel: () => void;
}

/** Every field of a planned event: what it is, what it costs, what to expect, go or skip. */
export function PlannedEventForm({
  initialValues,
  existing,
  submitLabel,
  onSubmit,
  onCancel,
}: Props) {
  const goals = useJournalPart((snapshot) => snapshot.goals);
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<RecordErrors>({});
  const set = <K extends keyof PlannedFormValues>(key: K, value: PlannedFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'title' | 'date' | 'organiser' | 'researchNotes' | 'decisionReason') => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value),
    error: errors[key],
  });

  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault();
    const result = readPlannedForm(values, existing);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    try {
      onSubmit(result.value);
      setErrors({});
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Planned event">
      <Stack gap="sm">
        <NotSavedAlert message={errors.form} />
        <TextInput
          label="Title"
          placeholder="Energy Storage Summit"
          required
          data-autofocus
          {...text('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput type="date" label="Date" required {...text('date')} />
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={values.kind}
            onChange={(v) => v && set('kind', v)}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput label="Organiser" {...text('organiser')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Cost"
            description="Leave empty when free or unknown"
            min={0}
            decimalScale={2}
            allowNegative={false}
            clampBehavior="none"
            value={values.cost}
            onChange={(v) => set('cost', v)}
            error={errors.cost}
          />
          <NumberInput
            label="Expected minutes"
            description="Travel included: the time it would take"
            min={0}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={values.expectedMinutes}
            onChange={(v) => set('expectedMinutes', v)}
            error={errors.expectedMinutes}
          />
        </SimpleGrid>
        <RelevanceInput
          label="Expected relevance"
          prompt="How relevant do you expect it to be to what you want? 1–5"
          noneLabel="Unsure"
          value={values.expectedRelevance}
          onChange={(v) => set('expectedRelevance', v)}
        />
        <GoalsSelect
          goals={goals}
          day={values.date}
          value={values.goalIds}
          onChange={(ids) => set('goalIds', ids)}
          error={errors.goalIds}
          placeholder="Which goals could it serve?"
        />
        <Textarea
          label="Research notes"
          placeholder="Who speaks, who attends, what it could bring"
          autosize
          minRows={2}
          maxRows={8}
          {...text('researchNotes')}
        />
        <Group align="flex-start" gap="sm" grow>
          <Select
            label="Decision"
            data={DECISION_OPTIONS}
            value={values.decision}
            onChange={(v) => v && set('decision', v)}
            allowDeselect={false}
            error={errors.decision}
          />
          <TextInput label="Reason" {...text('decisionReason')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
