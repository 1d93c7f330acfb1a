import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { INTERACTION_KIND_LABELS } from '../../../../shared/domain';
import {
  eventDateLabel,
  formatDifference,
  type CalibrationEntry,
  type CalibrationGroup,
  type SkippedEvent,
} from '../../../../shared/plans';
import { formatHours, formatMean } from '../../../../shared/report';

/** Headings of columns that hold figures: aligned right. */
const FIGURES = new Set(['Events', 'Expected', 'Actual', 'Difference', 'Time kept']);
const alignOf = (heading: string | undefined) =>
  heading !== undefined && FIGURES.has(heading) ? 'right' : undefined;

/** A small table with a name for screen readers, figures aligned right. */
function NamedTable({
  label,
  headings,
  rows,
}: {
  label: string;
  headings: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading} ta={alignOf(heading)}>
                {heading}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={index} ta={alignOf(headings[index])}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each attended event: expected and actual relevance side by side. */
export function AttendedTable({
  label,
  entries,
}: {
  label: string;
  entries: readonly CalibrationEntry[];
}) {
  if (entries.length === 0) return null;
  return (
    <NamedTable
      label={label}
      headings={['Event', 'Date', 'Kind', 'Organiser', 'Expected', 'Actual', 'Difference']}
      rows={entries.map((entry) => ({
        key: entry.eventId,
        cells: [
          entry.title,
          eventDateLabel(entry.date),
          INTERACTION_KIND_LABELS[entry.kind],
          entry.organiser || '–',
          entry.expected,
          entry.actual,
          formatDifference(entry.difference),
        ],
      }))}
    />
  );
}

/** Mean expected and actual relevance by kind, organiser or month. */
export function CalibrationGroupTable({
  label,
  groupHeading,
  groups,
}: {
  label: string;
  groupHeading: string;
  groups: readonly CalibrationGroup[];
}) {
  if (groups.length === 0) return null;
  return (
    <NamedTable
      label={label}
      headings={[groupHeading, 'Events', 'Expected', 'Actual', 'Difference']}
      rows={groups.map((group) => ({
        key: group.key,
        cells: [
          group.label,
          group.events,
          formatMean(group.meanExpected),
          formatMean(group.meanActual),
          formatDifference(group.meanDifference),
        ],
      }))}
    />
  );
}

/** The skipped events, the time each kept, and why. */
export function SkippedTable({
  label,
  events,
}: {
  label: string;
  events: readonly SkippedEvent[];
}) {
  if (events.length === 0) return null;
  return (
    <NamedTable
      label={label}
      headings={['Event', 'Date', 'Expected', 'Time kept', 'Reason']}
      rows={events.map((event) => ({
        key: event.eventId,
        cells: [
          event.title,
          eventDateLabel(event.date),
          event.expectedRelevance ?? '–',
          formatHours(event.expectedMinutes),
          event.reason || '–',
        ],
      }))}
    />
  );
}

/** A line of the calibration in words. */
export function SummaryLine({ children }: { children: string }) {
  return children ? <Text size="sm">{children}</Text> : null;
}
