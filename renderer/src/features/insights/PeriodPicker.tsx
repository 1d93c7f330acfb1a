import { Group, SegmentedControl } from '@mantine/core';
import {
  periodContaining,
  type AnalyticsSettings,
  type Period,
} from '../../../../shared/analytics';
import { PeriodStepper } from './PeriodStepper';

interface Props {
  readonly period: Period;
  readonly weekStartsOn: AnalyticsSettings['weekStartsOn'];
  readonly onChange: (period: Period) => void;
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
      <PeriodStepper period={period} weekStartsOn={weekStartsOn} onChange={onChange} />
    </Group>
  );
}
