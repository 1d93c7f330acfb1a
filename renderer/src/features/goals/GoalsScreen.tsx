import {
  Badge,
  Button,
  Center,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { showLatestNotice } from '../../ui/notices';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { goalStatusOn, type GoalStatus } from '../../../../shared/goals';
import { GOAL_KIND_LABELS, type Goal, type GoalFields } from '../../../../shared/domain';
import { useJournal, useJournalPart } from '../../app/journalContext';
import { useJournalActions } from '../journal/useJournalActions';
import { localDayKey } from '../../ui/format';
import { messageOf } from '../../ui/errors';
import { GoalForm } from './GoalForm';

const STATUS: Record<GoalStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  upcoming: { label: 'Upcoming', color: 'blue' },
  ended: { label: 'Ended', color: 'gray' },
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const formatDate = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));

/** "From 1 Oct 2026", or "1 Oct 2026 – 31 Dec 2026". */
export function periodText(goal: Goal): string {
  return goal.activeTo === null
    ? `From ${formatDate(goal.activeFrom)}`
    : `${formatDate(goal.activeFrom)} – ${formatDate(goal.activeTo)}`;
}

const fieldsOf = ({ kind, description, activeFrom, activeTo }: Goal): GoalFields => ({
  kind,
  description,
  activeFrom,
  activeTo,
});

const today = () => localDayKey(new Date().toISOString());

type Editing = { readonly goal: Goal | null } | null;

/** What the person wants: goals to rate interactions against, each with its active period. */
export function GoalsScreen() {
  const journal = useJournal();
  const goals = useJournalPart((snapshot) => snapshot.goals);
  const readOnlyReason = useJournalPart((snapshot) => snapshot.readOnlyReason);
  const { notifyDeleted } = useJournalActions();
  const [editing, setEditing] = useState<Editing>(null);
  const day = today();

  const save = (fields: GoalFields) => {
    if (editing?.goal) journal.updateRecord('goals', editing.goal.id, fields);
    else journal.addRecord('goals', fields);
    showLatestNotice('saved', { message: `Saved “${fields.description.trim()}”.` });
    setEditing(null);
  };

  const remove = (goal: Goal) => {
    try {
      journal.deleteRecords('goals', [goal.id]);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: messageOf(error) });
      return;
    }
    notifyDeleted('Goal deleted', `“${goal.description}” was deleted.`);
  };

  const add = () => setEditing({ goal: null });
  const blank: GoalFields = { kind: 'role', description: '', activeFrom: day, activeTo: null };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Goals</Title>
        {goals.length > 0 && (
          <Button leftSection={<IconPlus size={16} />} onClick={add} disabled={!!readOnlyReason}>
            Add a goal
          </Button>
        )}
      </Group>
      {goals.length === 0 ? (
        <Center py="xl">
          <Stack maw={560} align="center" ta="center" gap="md">
            <Title order={3}>Know what you want</Title>
            <Text>
              Name the roles, companies, industries and places you are after, and when. As you log
              an interaction, Relevant suggests how relevant it was to them, and the report shows
              the hours each goal got.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={add} disabled={!!readOnlyReason}>
              Add your first goal
            </Button>
          </Stack>
        </Center>
      ) : (
        <Table striped highlightOnHover aria-label="Goals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Goal</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Active</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {goals.map((goal) => {
              const status = STATUS[goalStatusOn(goal, day)];
              return (
                <Table.Tr key={goal.id}>
                  <Table.Td>{goal.description}</Table.Td>
                  <Table.Td>{GOAL_KIND_LABELS[goal.kind]}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={status.color} variant="light">
                        {status.label}
                      </Badge>
                      <Text size="sm">{periodText(goal)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`Edit ${goal.description}`}
                        onClick={() => setEditing({ goal })}
                        disabled={!!readOnlyReason}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${goal.description}`}
                        onClick={() => remove(goal)}
                        disabled={!!readOnlyReason}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.goal ? 'Edit the goal' : 'Add a goal'}
        size="lg"
      >
        {editing && (
          <GoalForm
            initialValues={editing.goal ? fieldsOf(editing.goal) : blank}
            submitLabel={editing.goal ? 'Save' : 'Add goal'}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
