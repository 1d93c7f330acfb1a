import { Stack, Text, Title } from '@mantine/core';
import {
  attendedSummary,
  skippedSummary,
  waitingSummary,
  type Calibration,
} from '../../../../shared/plans';
import {
  AttendedTable,
  CalibrationGroupTable,
  SkippedTable,
  SummaryLine,
} from './CalibrationTables';

/** How well the person predicts what events are worth: expected against actual, and skips. */
export function CalibrationFigures({ calibration }: { calibration: Calibration }) {
  const nothing =
    calibration.attended.length === 0 &&
    calibration.attendedNotCompared === 0 &&
    calibration.skipped.length === 0 &&
    calibration.waiting.length === 0;
  if (nothing) {
    return (
      <Text size="sm" c="dimmed">
        No planned events in these months. Plan events on the Planned screen (P) with the relevance
        you expect, and log them after the day: this shows how well you pick.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <SummaryLine>{attendedSummary(calibration)}</SummaryLine>
      <SummaryLine>{skippedSummary(calibration)}</SummaryLine>
      <SummaryLine>{waitingSummary(calibration)}</SummaryLine>
      <AttendedTable label="Attended events" entries={calibration.attended} />
      {calibration.byMonth.length > 0 && (
        <>
          <Title order={3} size="h5">
            Over time
          </Title>
          <CalibrationGroupTable
            label="Calibration by month"
            groupHeading="Month"
            groups={calibration.byMonth}
          />
          <Title order={3} size="h5">
            By kind and organiser
          </Title>
          <CalibrationGroupTable
            label="Calibration by kind"
            groupHeading="Kind"
            groups={calibration.byKind}
          />
          <CalibrationGroupTable
            label="Calibration by organiser"
            groupHeading="Organiser"
            groups={calibration.byOrganiser}
          />
        </>
      )}
      {calibration.skipped.length > 0 && (
        <>
          <Title order={3} size="h5">
            Skipped
          </Title>
          <SkippedTable label="Skipped events" events={calibration.skipped} />
        </>
      )}
    </Stack>
  );
}
