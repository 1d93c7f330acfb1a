import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { GOAL_KIND_LABELS, GOAL_KINDS, type GoalFields } from '../../../../shared/domain';
import { NotSavedAlert, errorsOf } from '../../ui/recordErrors';

const KIND_OPTIONS = GOAL_KINDS.map((kind) => ({ value: kind, label: GOAL_KIND_LABELS[kind] }));

interface Props {
  initialValues: GoalFields;
  submitLabel: string;
  /** Saves; may throw a RecordValidationError (shown by field) or another error. */
  onSubmit: (fields: GoalFields) => void;
  onCancel: () => void;
}

/** The fields of a goal: what it is about, in the person's words, and when it is active. */
export function GoalForm({ initialValues, submitLabel, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<keyof GoalFields | 'form', string>>>({});
  const set = <K extends keyof GoalFields>(key: K, value: GoalFields[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      onSubmit(values);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Goal">
      <Stack gap="sm">
        <NotSavedAlert message={errors.form} />
        <TextInput
          label="Description"
          description="What you want, in a few words: the words are matched against what you log."
          placeholder="Plant manager in food manufacturing"
          required
          data-autofocus
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={values.kind}
            onChange={(kind) => kind && set('kind', kind)}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput
            type="date"
            label="Active from"
            value={values.activeFrom}
            onChange={(event) => set('activeFrom', event.currentTarget.value)}
            error={errors.activeFrom}
          />
          <TextInput
            type="date"
            label="Active until"
            description="Leave empty while it has no end."
            value={values.activeTo ?? ''}
            onChange={(event) => set('activeTo', event.currentTarget.value || null)}
            error={errors.activeTo}
          />
        </SimpleGrid>
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
