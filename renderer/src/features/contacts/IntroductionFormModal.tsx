import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { IntroductionFields, RecordErrors } from '../../../../shared/domain';
import { NotSavedAlert, errorsOf } from '../../ui/recordErrors';

interface Props {
  /** The introduction's fields, prefilled from a suggestion or read from the ledger. */
  initial: IntroductionFields;
  /** The ledger entry being edited, or null for a new one. */
  id: string | null;
  /** "Rosa Delgado → Tom Alvarez", for the title. */
  between: string;
  onClose: () => void;
  onSave: (id: string | null, fields: IntroductionFields) => string;
}

/** Records an introduction in the ledger (or edits what came of it). */
export function IntroductionFormModal({ initial, id, between, onClose, onSave }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<RecordErrors>({});
  const set = <K extends keyof IntroductionFields>(key: K, value: IntroductionFields[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      onSave(id, values);
      onClose();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={id ? 'Edit the introduction' : 'Record the introduction'}
      size="md"
    >
      <form onSubmit={submit} noValidate aria-label="Introduction">
        <Stack gap="sm">
          <NotSavedAlert message={errors.form ?? errors.offerContactId ?? errors.needContactId} />
          <Text size="sm">{between}</Text>
          <TextInput
            type="date"
            label="Date"
            data-autofocus
            value={values.date}
            error={errors.date}
            onChange={(event) => set('date', event.currentTarget.value)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="intro-direction">
              Who introduced
            </Text>
            <SegmentedControl
              aria-labelledby="intro-direction"
              value={values.direction}
              onChange={(value) => set('direction', value === 'received' ? 'received' : 'made')}
              data={[
                { value: 'made', label: 'I made it' },
                { value: 'received', label: 'I received it' },
              ]}
            />
          </Stack>
          <TextInput
            label="The need"
            value={values.need}
            error={errors.need}
            onChange={(event) => set('need', event.currentTarget.value)}
          />
          <TextInput
            label="The offer"
            value={values.offer}
            error={errors.offer}
            onChange={(event) => set('offer', event.currentTarget.value)}
          />
          <Textarea
            label="What came of it"
            placeholder="They met for coffee; Tom offered Rosa an interview"
            autosize
            minRows={2}
            value={values.outcome}
            error={errors.outcome}
            onChange={(event) => set('outcome', event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{id ? 'Save' : 'Record introduction'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
