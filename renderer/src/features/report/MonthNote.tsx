import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { MONTH_NOTE_MAX_LENGTH } from '../../../../shared/doc/monthNotes';
import { useJournal } from '../../app/journalContext';
import { messageOf } from '../../ui/errors';

interface Props {
  readonly month: string;
  /** The stored note (changes when another device or tab edits it). */
  readonly stored: string;
  readonly readOnly: boolean;
}

/** "What I'll change next month": written on screen, printed as text. */
export function MonthNote({ month, stored, readOnly }: Props) {
  const journal = useJournal();
  const [error, setError] = useState<string | null>(null);
  // Each keystroke goes into the journal at once; the field shows what the journal holds, so
  // another device's edit appears here as it arrives.
  const change = (text: string) => {
    try {
      journal.setMonthNote(month, text);
      setError(null);
    } catch (cause) {
      setError(messageOf(cause));
    }
  };
  return (
    <>
      <Textarea
        className="print-hidden"
        label="What I'll change next month"
        description="Shown again at the top of next month's report, to check it happened."
        placeholder="Fewer expos; two coffees a week with plant managers."
        autosize
        minRows={3}
        maxLength={MONTH_NOTE_MAX_LENGTH}
        value={stored}
        onChange={(event) => change(event.currentTarget.value)}
        disabled={readOnly}
        error={error}
      />
      <div className="print-only">
        <Text fw={600}>What I'll change next month</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{stored.trim() || 'Not written yet.'}</Text>
      </div>
    </>
  );
}
