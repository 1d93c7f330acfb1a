import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { PlannedEvent } from '../../../../shared/domain';

export type ChosenDecision = 'go' | 'skip';

interface Props {
  /** The event and the decision being made, or null when closed. */
  readonly asking: { readonly event: PlannedEvent; readonly decision: ChosenDecision } | null;
  readonly onDecide: (event: PlannedEvent, decision: ChosenDecision, reason: string) => void;
  readonly onClose: () => void;
}

const QUESTIONS: Record<ChosenDecision, string> = {
  go: 'Why is it worth your time?',
  skip: 'Why skip it?',
};

/** Go or skip, with the reason, so the decision can be checked against how it turned out. */
export function DecisionPrompt({ asking, onDecide, onClose }: Props) {
  return (
    <Modal
      opened={asking !== null}
      onClose={onClose}
      title={asking ? `${asking.decision === 'go' ? 'Go to' : 'Skip'} “${asking.event.title}”` : ''}
    >
      {asking && (
        <ReasonForm
          key={`${asking.event.id}-${asking.decision}`}
          initialReason={asking.event.decisionReason}
          decision={asking.decision}
          onSubmit={(reason) => onDecide(asking.event, asking.decision, reason)}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

function ReasonForm({
  initialReason,
  decision,
  onSubmit,
  onCancel,
}: {
  initialReason: string;
  decision: ChosenDecision;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState(initialReason);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form onSubmit={submit} aria-label="Decision">
      <Stack gap="sm">
        <TextInput
          label="Reason"
          description={QUESTIONS[decision]}
          data-autofocus
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          Optional, but it helps to see later which reasons held.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={decision === 'skip' ? 'gray' : undefined}>
            {decision === 'go' ? 'Go' : 'Skip it'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
