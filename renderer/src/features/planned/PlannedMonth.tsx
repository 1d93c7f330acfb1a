import { Text } from '@mantine/core';
import { plannedMonthSummary, type Calibration } from '../../../../shared/plans';
import { AttendedTable, SkippedTable } from './CalibrationTables';

/** The report's planned events: attended with expected against actual, skipped with time kept. */
export function PlannedMonth({ calibration }: { calibration: Calibration }) {
  return (
    <>
      <Text size="sm">{plannedMonthSummary(calibration)}</Text>
      <AttendedTable label="Planned events attended" entries={calibration.attended} />
      <SkippedTable label="Planned events skipped" events={calibration.skipped} />
    </>
  );
}
