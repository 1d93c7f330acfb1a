import { Kbd, Modal, Text } from '@mantine/core';
import { showLatestNotice } from '../../ui/notices';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { InteractionFields, InteractionId } from '../../../../shared/domain';
import { useJournal } from '../../app/journalContext';
import type { Opener } from '../../ui/opener';
import { emptyFormValues, type FormValues } from './formValues';
import { InteractionForm } from './InteractionForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** What the form starts with (a planned event being logged, say); a fresh form if absent. */
  initialValues?: FormValues;
  /** Called with the new interaction's id once it is saved. */
  onLogged?: (id: InteractionId) => void;
  /**
   * Saves instead of adding to the journal in context, and says where it went (logging from
   * the preview, before the journal has opened); it may throw to refuse.
   */
  save?: (fields: InteractionFields) => Promise<InteractionId>;
}

const AT_ONCE = { duration: 0 } as const;

const noticeLogged = (title: string) =>
  showLatestNotice('saved', { message: `Logged “${title}”.`, autoClose: 2500 });

/** The form as it was opened: closing the dialog does not draw it again. */
const QuickAddForm = memo(function QuickAddForm(props: {
  initialValues: FormValues;
  onSubmit: (fields: InteractionFields) => unknown;
}) {
  return <InteractionForm submitLabel="Save" {...props} />;
});

/** Log an interaction in seconds: title, rating, Enter. Everything else has a sensible default. */
export function QuickAddModal({
  opened,
  onClose,
  initialValues,
  onLogged,
  save: saveElsewhere,
}: Props) {
  const journal = useJournal();
  // Each opening gets a fresh form with the values of that moment, even one that comes before
  // the last has finished closing.
  const [opening, setOpening] = useState(() => ({
    count: 0,
    values: initialValues ?? emptyFormValues(),
  }));
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setOpening({ count: opening.count + 1, values: initialValues ?? emptyFormValues() });
    }
  }
  const latest = useRef({ onClose, onLogged, saveElsewhere });
  useLayoutEffect(() => {
    latest.current = { onClose, onLogged, saveElsewhere };
  });
  const save = useCallback(
    (fields: InteractionFields) => {
      const elsewhere = latest.current.saveElsewhere;
      if (elsewhere) {
        // Kept until the journal opens: the dialog closes once it is stored, or says why not.
        return elsewhere(fields).then((id) => {
          latest.current.onLogged?.(id);
          noticeLogged(fields.title);
          latest.current.onClose();
        });
      }
      const id = journal.addInteraction(fields);
      latest.current.onLogged?.(id);
      // The notice a frame later: showing it measures the page, which would hold up the frame
      // that shows the new interaction.
      requestAnimationFrame(() => setTimeout(() => noticeLogged(fields.title), 0));
      latest.current.onClose();
    },
    [journal],
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Log an interaction"
      size="lg"
      // There at once, its title focused without waiting for an animation; gone at once when
      // saved or closed, so the next N, pressed straight after Enter, opens a fresh dialog
      // instead of typing into the one on its way out.
      transitionProps={AT_ONCE}
    >
      <Text size="xs" c="dimmed" mb="sm">
        <Kbd>Enter</Kbd> saves · <Kbd>1</Kbd>–<Kbd>5</Kbd> on the rating (or <Kbd>Alt</Kbd>+
        <Kbd>1</Kbd>–<Kbd>5</Kbd> anywhere) set relevance · <Kbd>Esc</Kbd> closes
      </Text>
      {/* A new form for each opening (the key), with the values of that moment. */}
      <QuickAddForm key={opening.count} initialValues={opening.values} onSubmit={save} />
    </Modal>
  );
}

/**
 * The quick-add dialog with its own open state, opened through `opener`: opening and closing it
 * draws only the dialog, not the frame and the screen around it.
 */
export function QuickAdd({ opener }: { opener: Opener }) {
  const [opened, setOpened] = useState(false);
  useEffect(() => opener.use(() => setOpened(true)), [opener]);
  const close = useCallback(() => setOpened(false), []);
  return <QuickAddModal opened={opened} onClose={close} />;
}
