import { Badge, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DayNumber } from '../../../../shared/analytics';
import { asInteractionId, type InteractionId } from '../../../../shared/domain';
import type { FollowUp, FollowUpGroups } from '../../../../shared/followUps';
import { useJournalPart } from '../../app/journalContext';
import { InteractionDrawer } from '../journal/InteractionDrawer';
import { useJournalActions } from '../journal/useJournalActions';
import { RemindersControl } from './RemindersControl';
import { useFollowUps } from './useFollowUps';
import { useMarkDone, useReschedule } from './useMarkDone';
import { FollowUpRow, rowId } from './FollowUpRow';
import { RescheduleDialog } from './RescheduleDialog';

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
  const reschedule = useReschedule();
  const [openId, setOpenId] = useState<InteractionId | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [snoozingKey, setSnoozingKey] = useState<string | null>(null);
  const [moving, setMoving] = useState<FollowUp | null>(null);
  const all = useMemo(() => GROUPS.flatMap(({ key }) => groups[key]), [groups]);
  // The item that takes Tab: the one last focused while it is still listed, else the first.
  const current = all.find((item) => item.key === focusKey)?.key ?? all[0]?.key ?? null;

  const focus = useCallback((key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    document.getElementById(rowId(key))?.focus();
  }, []);

  // The first follow-up has the focus on arriving, so J, K, D and S act at once.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) return;
    arrived.current = true;
    // The row's own focus handler notes it as the one that takes Tab.
    if (all[0]) document.getElementById(rowId(all[0].key))?.focus();
  }, [all]);

  /** After `item` left the list (done, or moved): focus on the one that takes its place. */
  const focusAfter = useCallback(
    (item: FollowUp) => {
      const index = all.indexOf(item);
      const next = all[index + 1] ?? all[index - 1];
      if (next) window.requestAnimationFrame(() => focus(next.key));
    },
    [all, focus],
  );
  const done = useCallback(
    (item: FollowUp) => {
      if (markDone(item)) focusAfter(item);
    },
    [markDone, focusAfter],
  );
  // Put off: the focus goes back to the follow-up, which the menu or dialog would leave on the
  // Snooze button as it closes (a J or K there would be the app's shortcuts, not the list's).
  const returnTo = useRef<string | null>(null);
  const snooze = (item: FollowUp, day: DayNumber | null) => {
    setSnoozingKey(null);
    returnTo.current = item.key;
    if (day === null) setMoving(item);
    else moved(item, day);
  };
  /** Moved to another group, the follow-up is a new row: the focus goes to it once drawn. */
  const moved = (item: FollowUp, day: DayNumber) => {
    if (reschedule(item, day)) window.requestAnimationFrame(() => focus(item.key));
  };
  const onSnoozeFocus = (item: FollowUp) => {
    if (returnTo.current !== item.key || moving) return;
    returnTo.current = null;
    focus(item.key);
  };

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
    } else if ((event.key === 's' || event.key === 'S') && !readOnlyReason) {
      setSnoozingKey(item.key);
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
            to mark the follow-up in focus done, <Kbd>S</Kbd> to put it off to another day.
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
                      snoozing={snoozingKey === item.key}
                      onSnoozingChange={(open) => setSnoozingKey(open ? item.key : null)}
                      onFocus={() => setFocusKey(item.key)}
                      onKeyDown={(event) => onKeyDown(event, item)}
                      onDone={() => done(item)}
                      onSnooze={(day) => snooze(item, day)}
                      onSnoozeFocus={() => onSnoozeFocus(item)}
                      onOpen={() => setOpenId(asInteractionId(item.source.id))}
                    />
                  ))}
                </Stack>
              </section>
            ),
          )}
        </>
      )}
      <RescheduleDialog
        item={moving}
        today={today}
        onMove={(item, day) => {
          setMoving(null);
          moved(item, day);
        }}
        onClose={() => setMoving(null)}
      />
      <InteractionDrawer id={openId} onClose={() => setOpenId(null)} onDelete={actions.remove} />
    </Stack>
  );
}
