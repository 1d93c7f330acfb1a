import { Table, Text } from '@mantine/core';
import { withoutTimeSentence, type GoalsInPeriod } from '../../../../shared/goals';
import { formatHours } from '../../../../shared/report';

interface Props {
  readonly figures: GoalsInPeriod;
  /** "this month", "this week": how the sentence under the table names the period. */
  readonly periodName: string;
}

/** Hours and high-relevance hours per goal, and the active goals that got no time. */
export function GoalTable({ figures, periodName }: Props) {
  const sentence = withoutTimeSentence(figures, periodName);
  return (
    <>
      {figures.goals.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder fz="sm" aria-label="Hours per goal">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Goal</Table.Th>
                <Table.Th ta="right">Hours</Table.Th>
                <Table.Th ta="right">High relevance</Table.Th>
                <Table.Th ta="right">Interactions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.goals.map((item) => (
                <Table.Tr key={item.goal.id}>
                  <Table.Td>{item.goal.description}</Table.Td>
                  <Table.Td ta="right">{formatHours(item.minutes)}</Table.Td>
                  <Table.Td ta="right">{formatHours(item.highMinutes)}</Table.Td>
                  <Table.Td ta="right">{item.interactions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c={figures.withoutTime.length > 0 ? undefined : 'dimmed'}>
        {sentence}
      </Text>
    </>
  );
}
