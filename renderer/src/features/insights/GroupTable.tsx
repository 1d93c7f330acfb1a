import { Table, Text } from '@mantine/core';
import type { GroupFigures } from '../../../../shared/analytics';
import { formatHours, formatMean } from '../../../../shared/report';

interface Props {
  /** The table's name, for screen readers ("Sources", "Kinds"). */
  readonly label: string;
  /** The first column's heading ("Organiser or place", "Kind"). */
  readonly groupHeading: string;
  readonly groups: readonly GroupFigures[];
  readonly empty?: string;
}

/** Hours, high-relevance hours, time-weighted relevance and count for kinds or sources. */
export function GroupTable({
  label,
  groupHeading,
  groups,
  empty = 'Nothing in this period.',
}: Props) {
  if (groups.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover withTableBorder fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{groupHeading}</Table.Th>
            <Table.Th ta="right">Hours</Table.Th>
            <Table.Th ta="right">High relevance</Table.Th>
            <Table.Th ta="right">Relevance (by time)</Table.Th>
            <Table.Th ta="right">Interactions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.key}>
              <Table.Td>{group.label}</Table.Td>
              <Table.Td ta="right">{formatHours(group.totalMinutes)}</Table.Td>
              <Table.Td ta="right">{formatHours(group.minutes.high)}</Table.Td>
              <Table.Td ta="right">{formatMean(group.weightedRelevance)}</Table.Td>
              <Table.Td ta="right">{group.interactions}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
