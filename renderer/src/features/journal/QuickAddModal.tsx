import { Kbd, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InteractionFields, InteractionId } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import { emptyFormValues, type FormValues } from './formValues';
import { InteractionForm } from './InteractionForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** What the form starts with (a planned event being logged, say); a fresh form if absent. */
  initialValues?: FormValues;
  /** Called with the new interaction's id once it is saved. */
  onLogged?: (id: InteractionId) => void;
}

/** Log an interaction in seconds: title, rating, Enter. Everything else has a sensible default. */
export function QuickAddModal({ opened, onClose, initialValues, onLogged }: Props) {
  const journal = useJournal();
  const save = (fields: InteractionFields) => {
    const id = journal.addInteraction(fields);
    onLogged?.(id);
    notifications.show({ id: 'saved', message: `Logged “${fields.title}”.`, autoClose: 2500 });
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Log an interaction" size="lg">
      <Text size="xs" c="dimmed" mb="sm">
        <Kbd>Enter</Kbd> saves · <Kbd>1</Kbd>–<Kbd>5</Kbd> on the rating (or <Kbd>Alt</Kbd>+
        <Kbd>1</Kbd>–<Kbd>5</Kbd> anywhere) set relevance · <Kbd>Esc</Kbd> closes
      </Text>
      {opened && (
        <InteractionForm
          initialValues={initialValues ?? emptyFormValues()}
          submitLabel="Save"
          onSubmit={save}
        />
      )}
    </Modal>
  );
}
