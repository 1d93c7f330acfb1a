import { Anchor, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { DayNumber } from '../../../../shared/analytics';
import { dueInWords, snoozeChoices, type FollowUp } from '../../../../shared/followUps';
import { dayLabel } from '../../../../shared/report';

interface RowProps {
  readonly item: FollowUp;
  readonly today: DayNumber;
  readonly tabbable: boolean;
  readonly readOnly: boolean;
  /** Whether its menu of days to put it off to is open (S opens it from the keyboard). */
  readonly snoozing: boolean;
  readonly onSnoozingChange: (open: boolean) => void;
  readonly onFocus: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  readonly onDone: () => void;
  /** Puts it off to a day: one of the menu's, or another chosen in a dialog (`null`). */
  readonly onSnooze: (day: DayNumber | null) => void;
  /** The Snooze button got the focus (the menu gives it back there when it closes). */
  readonly onSnoozeFocus: () => void;
  readonly onOpen: () => void;
}

/** The element id of a follow-up's row, to move focus to it. */
export const rowId = (key: string) => `follow-up-${key}`;

/** One follow-up: its text, where it comes from, when it is due, and Snooze and Done. */
export function FollowUpRow({ item, today, tabbable, readOnly, snoozing, ...handlers }: RowProps) {
  const { source } = item;
  const sourceLink =
    source.kind === 'interaction' ? (
      <Anchor component="button" type="button" size="sm" onClick={handlers.onOpen}>
        {source.label}
      </Anchor>
    ) : (
      <Anchor href={`#/contacts/${encodeURIComponent(source.id)}`} size="sm">
        {source.label}
      </Anchor>
    );
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      id={rowId(item.key)}
      tabIndex={tabbable ? 0 : -1}
      aria-label={`${item.text}, ${item.dueDay === null ? 'no due date' : `due ${dueInWords(item.dueDay, today)}`}`}
      aria-describedby="today-keys"
      onFocus={(event) => {
        if (event.target === event.currentTarget) handlers.onFocus();
      }}
      onKeyDown={handlers.onKeyDown}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text style={{ overflowWrap: 'anywhere' }}>{item.text}</Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {source.kind === 'interaction' ? 'From' : 'With'}
            </Text>
            {sourceLink}
            {item.dueDay !== null && item.due !== null && (
              <Text
                size="sm"
                c={item.dueDay < today ? 'red' : 'dimmed'}
                title={item.due}
                component="span"
              >
                · due {dueInWords(item.dueDay, today)}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Menu
            opened={snoozing}
            onChange={handlers.onSnoozingChange}
            position="bottom-end"
            // The first day has the focus as the menu opens: ↓ and Enter choose at once.
            withInitialFocusPlaceholder={false}
          >
            <Menu.Target>
              <Button
                size="compact-sm"
                variant="default"
                disabled={readOnly}
                aria-label={`Snooze “${item.text}”`}
                onFocus={handlers.onSnoozeFocus}
              >
                Snooze
              </Button>
            </Menu.Target>
            <Menu.Dropdown aria-label={`Put “${item.text}” off to`}>
              {snoozeChoices(today).map((choice) => (
                <Menu.Item
                  key={choice.label}
                  onClick={() => handlers.onSnooze(choice.day)}
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {dayLabel(choice.day, false)}
                    </Text>
                  }
                >
                  {choice.label}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => handlers.onSnooze(null)}>Another day…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            size="compact-sm"
            variant="light"
            onClick={handlers.onDone}
            disabled={readOnly}
            aria-label={`Mark “${item.text}” done`}
          >
            Done
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
