import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Interaction, InteractionId } from '../../../../shared/domain';
import { formatDay, formatDuration, localDayKey } from '../../ui/format';
import { InteractionCard } from './InteractionCard';

/** How many interactions are drawn at first; more on request, so 20k entries open instantly. */
export const PAGE_SIZE = 100;
/**
 * Drawn in the first frame: a screenful. The rest of the page follows in slices, each drawn
 * and put on the page in a task of its own (putting 100 cards on the page at once held it for
 * hundreds of milliseconds).
 */
const FIRST_CARDS = 20;
const MORE_CARDS = 40;

interface Day {
  key: string;
  date: Date;
  items: Interaction[];
  minutes: number;
}

function groupByDay(items: readonly Interaction[]): Day[] {
  const days: Day[] = [];
  for (const item of items) {
    const key = localDayKey(item.startedAt);
    let day = days.at(-1);
    if (day?.key !== key) {
      day = { key, date: new Date(item.startedAt), items: [], minutes: 0 };
      days.push(day);
    }
    day.items.push(item);
    day.minutes += item.durationMinutes;
  }
  return days;
}

interface Props {
  interactions: readonly Interaction[];
  onOpen: (id: InteractionId) => void;
  onDelete: (id: InteractionId) => void;
}

/** The journal as a timeline grouped by day, newest first. */
export function Timeline({ interactions, onOpen, onDelete }: Props) {
  const [shown, setShown] = useState(FIRST_CARDS);
  useEffect(() => {
    if (shown >= PAGE_SIZE || shown >= interactions.length) return;
    const timer = setTimeout(() => {
      startTransition(() => setShown((count) => Math.min(PAGE_SIZE, count + MORE_CARDS)));
    }, 0);
    return () => clearTimeout(timer);
  }, [shown, interactions.length]);
  const days = useMemo(() => groupByDay(interactions.slice(0, shown)), [interactions, shown]);
  const remaining = interactions.length - shown;
  return (
    <Stack gap="lg" component="section" aria-label="Timeline">
      {days.map((day) => (
        <Stack key={day.key} gap="xs" component="section" aria-labelledby={`day-${day.key}`}>
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h5" id={`day-${day.key}`}>
              {formatDay(day.date)}
            </Title>
            <Text size="sm" c="dimmed">
              {formatDuration(day.minutes)}
            </Text>
          </Group>
          {day.items.map((item) => (
            <InteractionCard key={item.id} interaction={item} onOpen={onOpen} onDelete={onDelete} />
          ))}
        </Stack>
      ))}
      {remaining > 0 && (
        <Button variant="default" onClick={() => setShown((n) => n + PAGE_SIZE * 5)}>
          Show more ({remaining.toLocaleString()} older)
        </Button>
      )}
    </Stack>
  );
}
