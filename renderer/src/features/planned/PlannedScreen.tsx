import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { localDateOf, todayIn } from '../../../../shared/analytics';
import type { PlannedEvent, PlannedEventFields } from '../../../../shared/domain';
import { awaitsLogging, interactionsById, loggedInteraction } from '../../../../shared/plans';
import { useJournal, useJournalSnapshot } from '../../app/journalContext';
import { viewerTimeZone } from '../../ui/format';
import { emptyFormValues } from '../journal/formValues';
import { QuickAddModal } from '../journal/QuickAddModal';
import { DecisionPrompt, type ChosenDecision } from './DecisionPrompt';
import { PlannedEventCard } from './PlannedEventCard';
import { PlannedEventForm } from './PlannedEventForm';
import { emptyPlannedValues, interactionValuesOf, plannedValuesOf } from './plannedForm';
import { usePlannedActions } from './usePlannedActions';

type Editing = { readonly mode: 'new' } | { readonly mode: 'edit'; readonly event: PlannedEvent };

/** Opportunities to pick from: what to expect, go or skip, and afterwards how it really went. */
export function PlannedScreen() {
  const journal = useJournal();
  const snapshot = useJournalSnapshot();
  const actions = usePlannedActions();
  const readOnly = snapshot.readOnlyReason !== null;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [asking, setAsking] = useState<{ event: PlannedEvent; decision: ChosenDecision } | null>(
    null,
  );
  const [logging, setLogging] = useState<PlannedEvent | null>(null);

  const today = todayIn(viewerTimeZone(), new Date());
  const todayDate = localDateOf(today);
  const byId = useMemo(
    () => interactionsById(snapshot.interactions, snapshot.plannedEvents),
    [snapshot.interactions, snapshot.plannedEvents],
  );
  const goalNames = useMemo(
    () => new Map(snapshot.goals.map((goal) => [goal.id, goal.description])),
    [snapshot.goals],
  );
  // Soonest first from the snapshot: upcoming in that order, past ones most recent first.
  const upcoming = snapshot.plannedEvents.filter((event) => event.date >= todayDate);
  const past = snapshot.plannedEvents.filter((event) => event.date < todayDate).reverse();

  const save = (fields: PlannedEventFields) => {
    if (editing?.mode === 'edit') {
      journal.updateRecord('plannedEvents', editing.event.id, fields);
      notifications.show({ message: `Saved “${fields.title}”.`, autoClose: 2500 });
    } else {
      journal.addRecord('plannedEvents', fields);
      notifications.show({ message: `Planned “${fields.title}”.`, autoClose: 2500 });
    }
    setEditing(null);
  };

  const card = (event: PlannedEvent) => (
    <PlannedEventCard
      key={event.id}
      event={event}
      logged={loggedInteraction(event, byId)}
      goals={event.goalIds.flatMap((id) => goalNames.get(id) ?? [])}
      asksForLog={awaitsLogging(event, byId, today)}
      readOnly={readOnly}
      onDecide={(item, decision) => setAsking({ event: item, decision })}
      onLog={setLogging}
      onEdit={(item) => setEditing({ mode: 'edit', event: item })}
      onDelete={actions.remove}
    />
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Planned events</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ mode: 'new' })}
          disabled={readOnly}
        >
          Plan an event
        </Button>
      </Group>
      {snapshot.plannedEvents.length === 0 ? (
        <Stack gap="xs" maw={620}>
          <Text fw={600}>Pick and choose wisely.</Text>
          <Text>
            Note the events, meetups and conferences you could go to: what they cost, how long they
            take, and how relevant you expect them to be to what you want. Decide go or skip with a
            reason. After the day, log how it went: comparing what you expected with what you got
            shows how well you choose, and every skipped event counts as hours kept for better use.
          </Text>
        </Stack>
      ) : (
        <>
          <Stack gap="sm" component="section" aria-label="Upcoming">
            <Title order={3} size="h4">
              Upcoming
            </Title>
            {upcoming.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing planned from today on.
              </Text>
            ) : (
              upcoming.map(card)
            )}
          </Stack>
          {past.length > 0 && (
            <Stack gap="sm" component="section" aria-label="Past">
              <Title order={3} size="h4">
                Past
              </Title>
              {past.map(card)}
            </Stack>
          )}
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? `Edit “${editing.event.title}”` : 'Plan an event'}
        size="lg"
      >
        {editing && (
          <PlannedEventForm
            initialValues={
              editing.mode === 'edit' ? plannedValuesOf(editing.event) : emptyPlannedValues()
            }
            existing={editing.mode === 'edit' ? editing.event : undefined}
            submitLabel={editing.mode === 'edit' ? 'Save' : 'Plan it'}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <DecisionPrompt
        asking={asking}
        onClose={() => setAsking(null)}
        onDecide={(event, decision, reason) => {
          if (actions.decide(event, decision, reason)) setAsking(null);
        }}
      />
      <QuickAddModal
        opened={logging !== null}
        onClose={() => setLogging(null)}
        initialValues={logging ? interactionValuesOf(logging, emptyFormValues()) : undefined}
        onLogged={(id) => logging && actions.link(logging, id)}
      />
    </Stack>
  );
}
