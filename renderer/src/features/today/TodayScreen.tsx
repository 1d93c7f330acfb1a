import { Anchor, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { DayNumber } from '../../../../shared/analytics';
import { asInteractionId, type InteractionId } from '../../../../shared/domain';
import { dueInWords, type FollowUp, type FollowUpGroups } from '../../../../shared/followUps';
import { useJournalPart } from '../../app/journalContext';
import { InteractionDrawer } from '../journal/InteractionDrawer';
import { useJournalActions } from '../journal/useJournalActions';
import { RemindersControl } from './RemindersControl';
import { useFollowUps } from './useFollowUps';
import { useMarkDone } from './useMarkDone';

const GROUPS: readonly { readonly key: keyof FollowUpGroups; readonly title: string }[] = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'dueToday', title: 'Due today' },
  { key: 'upcoming', title: 'Upcoming' },
  { key: 'undated', title: 'No date' },
];

const NEXT_KEYS = new Set(['ArrowDown', 'j']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k']);

/** The follow-ups to do: overdue, due today, upcoming and undated, each marked done with D. */
export function TodayScreen() {
  const { groups, today } = useFollowUps();
  const readOnlyReason = useJournalPart((snapshot) => snapshot.readOnlyReason);
  const actions = useJournalActions();
  const markDone = useMarkDone(today);
  const [openId, setOpenId] = useState<InteractionId | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const all = useMemo(() => GROUPS.flatMap(({ key }) => groups[key]), [groups]);
  // The item that takes Tab: the one last focused while it is still listed, else the first.
  const current = all.find((item) => item.key === focusKey)?.key ?? all[0]?.key ?? null;

  const focus = useCallback((key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    document.getElementById(rowId(key))?.focus();
  }, []);

  const done = useCallback(
    (item: FollowUp) => {
      const index = all.indexOf(item);
      if (!markDone(item)) return;
      // Focus stays in the list, on the item that takes this one's place.
      const next = all[index + 1] ?? all[index - 1];
      if (next) window.requestAnimationFrame(() => focus(next.key));
    },
    [all, markDone, focus],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, item: FollowUp) => {
    if (event.target !== event.currentTarget) return; // keys on the item's own buttons
    const index = all.indexOf(item);
    if (NEXT_KEYS.has(event.key) || PREVIOUS_KEYS.has(event.key)) {
      const step = NEXT_KEYS.has(event.key) ? 1 : -1;
      focus(all[Math.min(Math.max(index + step, 0), all.length - 1)]?.key);
    } else if (event.key === 'Home' || event.key === 'End') {
      focus((event.key === 'Home' ? all[0] : all[all.length - 1])?.key);
    } else if ((event.key === 'd' || event.key === 'D') && !readOnlyReason) {
      done(item);
    } else {
      return;
    }
    // Handled here: not the app's shortcuts (J opens the journal elsewhere).
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Today</Title>
        <RemindersControl />
      </Group>
      {all.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>Nothing due.</Text>
          <Text c="dimmed">Next steps you add to interactions and contacts show up here.</Text>
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed" id="today-keys">
            Move with <Kbd>↑</Kbd> <Kbd>↓</Kbd> (or <Kbd>J</Kbd> <Kbd>K</Kbd>); press <Kbd>D</Kbd>{' '}
            to mark the follow-up in focus done.
          </Text>
          {GROUPS.map(({ key, title }) =>
            groups[key].length === 0 ? null : (
              <section key={key} aria-labelledby={`today-${key}`}>
                <Group gap="xs" mb="xs">
                  <Title order={3} size="h4" id={`today-${key}`}>
                    {title}
                  </Title>
                  <Badge variant="light" color={key === 'overdue' ? 'red' : 'gray'}>
                    {groups[key].length}
                  </Badge>
                </Group>
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                  {groups[key].map((item) => (
                    <FollowUpRow
                      key={item.key}
                      item={item}
                      today={today}
                      tabbable={item.key === current}
                      readOnly={!!readOnlyReason}
                      onFocus={() => setFocusKey(item.key)}
                      onKeyDown={(event) => onKeyDown(event, item)}
                      onDone={() => done(item)}
                      onOpen={() => setOpenId(asInteractionId(item.source.id))}
                    />
                  ))}
                </Stack>
              </section>
            ),
          )}
        </>
      )}
      <InteractionDrawer id={openId} onClose={() => setOpenId(null)} onDelete={actions.remove} />
    </Stack>
  );
}

interface RowProps {
  readonly item: FollowUp;
  readonly today: DayNumber;
  readonly tabbable: boolean;
  readonly readOnly: boolean;
  readonly onFocus: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  readonly onDone: () => void;
  readonly onOpen: () => void;
}

/** The element id of a follow-up's row, to move focus to it. */
const rowId = (key: string) => `follow-up-${key}`;

function FollowUpRow({ item, today, tabbable, readOnly, ...handlers }: RowProps) {
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
    </Paper>
  );
}
