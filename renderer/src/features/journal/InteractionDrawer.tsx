import { Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { showLatestNotice } from '../../ui/notices';
import { IconTrash } from '@tabler/icons-react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Interaction, InteractionFields, InteractionId } from '../../../../shared/domain';
import { useJournal, useJournalPart, useJournalSnapshot } from '../../app/journalContext';
import { formatDateTime } from '../../ui/format';
import { LoadFailureBoundary } from '../../ui/LoadFailureBoundary';
import { changedFields } from './changedFields';
import { formValuesOf, readForm } from './formValues';
import { InteractionForm } from './InteractionForm';

// The editor is most of the app's code: it loads once the journal is open (see Shell), or
// when an interaction is first opened, whichever comes first.
export const loadReflectionEditor = () => import('./ReflectionEditor');
const ReflectionEditor = lazy(() =>
  loadReflectionEditor().then((module) => ({ default: module.ReflectionEditor })),
);

interface Props {
  id: InteractionId | null;
  onClose: () => void;
  onDelete: (id: InteractionId) => void;
}

/** One interaction, opened: edit its fields and write the reflection. */
export function InteractionDrawer({ id, onClose, onDelete }: Props) {
  const journal = useJournal();
  useJournalSnapshot(); // re-render when the journal changes
  const item = id ? journal.get(id) : undefined;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={item ? item.title : 'Interaction'}
    >
      {id && !item && <Text>This interaction was deleted.</Text>}
      {item && (
        <InteractionDetail key={item.id} item={item} onClose={onClose} onDelete={onDelete} />
      )}
    </Drawer>
  );
}

function InteractionDetail({
  item,
  onClose,
  onDelete,
}: {
  item: Interaction;
  onClose: () => void;
  onDelete: (id: InteractionId) => void;
}) {
  const journal = useJournal();
  // The form starts from the values when opened; only what the person changes is written.
  const [initialValues] = useState(() => formValuesOf(item));

  const save = (fields: InteractionFields) => {
    const before = readForm(initialValues, item.timeZone);
    const patch = before.ok
      ? changedFields(before.value, { ...fields, timeZone: item.timeZone })
      : fields;
    journal.updateInteraction(item.id, patch);
    showLatestNotice('saved', { message: 'Changes saved.', autoClose: 2000 });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Logged {formatDateTime(item.createdAt)}
        {item.updatedAt !== item.createdAt && ` · last changed ${formatDateTime(item.updatedAt)}`}
      </Text>
      <InteractionForm
        initialValues={initialValues}
        submitLabel="Save changes"
        onSubmit={save}
        multiline
        extraActions={
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => {
              onDelete(item.id);
              onClose();
            }}
          >
            Delete
          </Button>
        }
      />
      <Reflection item={item} />
    </Stack>
  );
}

/**
 * The reflection's rich text, once the reflections (loaded after the journal) are open and
 * it has reached this device; until then, its plain text. The plain text the journal keeps
 * is written when editing ends.
 */
function Reflection({ item }: { item: Interaction }) {
  const journal = useJournal();
  const open = useJournalPart((snapshot) => snapshot.reflectionsOpen);
  // Whether it is here: one logged on another device may arrive while this is open.
  const subscribe = useCallback(
    (changed: () => void) =>
      (open ? journal.openReflections?.onArrival(item.id, changed) : undefined) ?? (() => {}),
    [journal, open, item.id],
  );
  const here = useSyncExternalStore(
    subscribe,
    () => journal.openReflections?.has(item.id) ?? false,
  );
  const fragment = useMemo(
    () => (open ? journal.reflectionFragment(item.id) : null),
    // `here`: asked again once it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [journal, open, item.id, here],
  );
  // Open for editing: sync keeps the reflections connected; the plain text is written on close.
  useEffect(() => (open ? journal.openReflections?.edit() : undefined), [journal, open]);
  const waiting = open && !fragment;
  if (!fragment) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Reflection
        </Text>
        {item.reflectionText && (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{item.reflectionText}</Text>
        )}
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed" role="status">
            {waiting
              ? 'This interaction was logged on another device and its reflection has not reached this one yet. It opens for editing as soon as your devices sync.'
              : 'Opening your reflections…'}
          </Text>
        </Group>
      </Stack>
    );
  }
  return (
    <LoadFailureBoundary what="reflection editor">
      <Suspense fallback={<Loader size="sm" aria-label="Loading the editor" />}>
        <ReflectionEditor fragment={fragment} />
      </Suspense>
    </LoadFailureBoundary>
  );
}
