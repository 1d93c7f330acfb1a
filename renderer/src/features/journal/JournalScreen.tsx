import { Button, Stack, Text } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type { InteractionId } from '../../../../shared/domain';
import { useJournalSnapshot } from '../../app/journalContext';
import { EmptyJournal } from './EmptyJournal';
import {
  filterInteractions,
  isFiltering,
  NO_FILTERS,
  type JournalFilters,
} from './filterInteractions';
import { InteractionDrawer } from './InteractionDrawer';
import { JournalFiltersBar } from './JournalFiltersBar';
import { SampleBanner } from './SampleBanner';
import { Timeline } from './Timeline';
import { useJournalActions } from './useJournalActions';

interface Props {
  onAdd: () => void;
}

/** The journal: filters, the timeline, and the opened interaction. */
export function JournalScreen({ onAdd }: Props) {
  const snapshot = useJournalSnapshot();
  const actions = useJournalActions();
  const [filters, setFilters] = useState<JournalFilters>(NO_FILTERS);
  const [openId, setOpenId] = useState<InteractionId | null>(null);
  const deferredFilters = useDeferredValue(filters);
  const shown = useMemo(
    () =>
      filterInteractions(snapshot.interactions, deferredFilters, snapshot.analyticsSettings.bands),
    [snapshot.interactions, deferredFilters, snapshot.analyticsSettings.bands],
  );

  if (snapshot.interactions.length === 0) {
    return <EmptyJournal onAdd={onAdd} onLoadSample={actions.loadSample} />;
  }
  return (
    <Stack gap="md">
      {snapshot.hasSample && <SampleBanner onRemove={actions.removeSample} />}
      <JournalFiltersBar filters={filters} onChange={setFilters} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {isFiltering(deferredFilters)
          ? `${shown.length.toLocaleString()} of ${snapshot.interactions.length.toLocaleString()} interactions`
          : `${snapshot.interactions.length.toLocaleString()} interactions`}
      </Text>
      {shown.length === 0 ? (
        <Stack align="flex-start">
          <Text>No interactions match these filters.</Text>
          <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </Button>
        </Stack>
      ) : (
        <Timeline interactions={shown} onOpen={setOpenId} onDelete={actions.remove} />
      )}
      <InteractionDrawer id={openId} onClose={() => setOpenId(null)} onDelete={actions.remove} />
    </Stack>
  );
}
