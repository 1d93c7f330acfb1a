import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { localDateOf, parseDayNumber, type DayNumber } from '../../../../shared/analytics';
import type { FollowUp } from '../../../../shared/followUps';

/** Chooses any day from today on for a follow-up; `item` null: closed. */
export function RescheduleDialog({
  item,
  today,
  onMove,
  onClose,
}: {
  item: FollowUp | null;
  today: DayNumber;
  onMove: (item: FollowUp, day: DayNumber) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={item !== null} onClose={onClose} title="Move the follow-up">
      {item && (
        <RescheduleForm
          key={item.key}
          item={item}
          today={today}
          onMove={(day) => onMove(item, day)}
        />
      )}
    </Modal>
  );
}

function RescheduleForm({
  item,
  today,
  onMove,
}: {
  item: FollowUp;
  today: DayNumber;
  onMove: (day: DayNumber) => void;
}) {
  const [value, setValue] = useState(() => localDateOf(Math.max(item.dueDay ?? today, today) + 1));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const day = parseDayNumber(value);
    if (day === null) setError('Enter a day.');
    else if (day < today) setError('Choose today or a later day.');
    else onMove(day);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Move the follow-up">
      <TextInput
        type="date"
        label={`New due day for “${item.text}”`}
        value={value}
        min={localDateOf(today)}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setError(null);
        }}
        error={error}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button type="submit">Move</Button>
      </Group>
    </form>
  );
}
