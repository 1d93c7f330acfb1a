import { useMemo } from 'react';
import { JournalDoc } from '../../../shared/doc';
import type { InteractionFields, InteractionId } from '../../../shared/domain';
import { QuickAddModal } from '../features/journal/QuickAddModal';
import { storePendingCapture } from '../platform/pendingCaptures';
import { JournalProvider } from './journalContext';

/**
 * The quick-add dialog opened from the preview, before the journal has opened: what is logged
 * is kept beside the preview and added to the journal as it opens (pendingCaptures.ts). If the
 * journal opens while the dialog is open, the dialog stays and saves into it. Loaded on first
 * use: it brings the document code, which the preview does without.
 */
export function EarlyCapture({
  journal,
  onClose,
  onCaptured,
}: {
  /** The open journal, once it is. */
  journal: JournalDoc | null;
  onClose: () => void;
  /** Called once an interaction is kept for the journal to add (not when added directly). */
  onCaptured: (id: InteractionId, fields: InteractionFields, loggedAt: string) => void;
}) {
  // Until the journal opens, the form reads an empty journal: no goals or contacts to suggest.
  const standIn = useMemo(() => new JournalDoc(), []);
  const save = (fields: InteractionFields): Promise<InteractionId> => {
    if (journal) return Promise.resolve(journal.addInteraction(fields));
    return storePendingCapture(fields).then((capture) => {
      onCaptured(capture.id, capture.fields, capture.loggedAt);
      return capture.id;
    });
  };
  return (
    <JournalProvider value={journal ?? standIn}>
      <QuickAddModal opened onClose={onClose} save={save} />
    </JournalProvider>
  );
}
