import { ActionIcon, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { monthKeyOf, nextPeriod, previousPeriod, type Period } from '../../../../shared/analytics';
import { monthTitle, periodLabelWithYear } from '../../../../shared/report';

/** "November 2026", or a week's days with the year. */
export function periodTitle(period: Period): string {
  return period.grain === 'month'
    ? monthTitle(monthKeyOf(period.start))
    : periodLabelWithYear(period);
}

interface Props {
  readonly period: Period;
  readonly weekStartsOn?: number;
  readonly onChange: (period: Period) => void;
}

/** The period's name between arrows to the one before and the one after. */
export function PeriodStepper({ period, weekStartsOn, onChange }: Props) {
  const unit = period.grain === 'month' ? 'month' : 'week';
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        aria-label={`Previous ${unit}`}
        onClick={() => onChange(previousPeriod(period, weekStartsOn))}
      >
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Text fw={600} miw={190} ta="center" aria-live="polite">
        {periodTitle(period)}
      </Text>
      <ActionIcon
        variant="default"
        aria-label={`Next ${unit}`}
        onClick={() => onChange(nextPeriod(period))}
      >
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}
