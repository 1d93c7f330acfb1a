import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Figures } from '../../../../shared/analytics';
import { formatHours, formatMean, formatShare, formatShareChange } from '../../../../shared/report';

interface Props {
  readonly current: Figures;
  readonly previous: Figures;
  readonly highShareChange: number | null;
  /** "last month", "last week": what the comparison is against. */
  readonly previousName: string;
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

/** The headline figures of a period, each against the period before. */
export function FiguresHeadline({ current, previous, highShareChange, previousName }: Props) {
  const unrated = current.counts.unrated;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Stat
        label="Hours"
        value={formatHours(current.totalMinutes)}
        detail={`${formatHours(previous.totalMinutes)} ${previousName}`}
      />
      <Stat
        label="High-relevance share"
        value={formatShare(current.highShare)}
        detail={`${formatShareChange(highShareChange)} on ${previousName}`}
      />
      <Stat
        label="Interactions"
        value={String(current.interactions)}
        detail={
          unrated > 0
            ? `${unrated} unrated (${formatHours(current.minutes.unrated)})`
            : `${previous.interactions} ${previousName}`
        }
      />
      <Stat
        label="Relevance, by time"
        value={formatMean(current.weightedRelevance)}
        detail={`${formatMean(previous.weightedRelevance)} ${previousName}`}
      />
    </SimpleGrid>
  );
}
