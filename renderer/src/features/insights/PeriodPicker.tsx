import { ActionIcon, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { nextPeriod, previousPeriod, type Period } from '../../../../shared/analytics';
import { periodLabelWithYear, monthTitle } from '../../../../shared/report';
import { monthKeyOf, periodContaining, type AnalyticsSettings } from '../../../../shared/analytics';

export type PickedGrain = 'week' | 'month';

interface Props {
  readonly period: Period;
  readonly weekStartsOn: AnalyticsSettings['weekStartsOn'];
  readonly onChange: (period: Period) => void;
}

export function periodTitle(period: Period): string {
  return period.grain === 'month'
    ? monthTitle(monthKeyOf(period.start))
    : periodLabelWithYear(period);
}

/** Week or month, and which one: arrows step back and forth. */
export function PeriodPicker({ period, weekStartsOn, onChange }: Props) {
  const unit = period.grain === 'month' ? 'month' : 'week';
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label="Period"
        value={unit}
        data={[
          { value: 'week', label: 'Week' },
          { value: 'month', label: 'Month' },
        ]}
        onChange={(value) => onChange(periodContaining(period.start, value, weekStartsOn))}
      />
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
    </Group>
  );
}
