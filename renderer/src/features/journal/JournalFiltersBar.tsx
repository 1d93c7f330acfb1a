import { Chip, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import {
  INTERACTION_KIND_LABELS,
  INTERACTION_KINDS,
  RELEVANCE_BAND_SHORT_LABELS,
  RELEVANCE_BANDS,
} from '../../../../shared/domain';
import { BAND_COLORS } from '../../ui/bands';
import { usePlatform } from '../../app/platformContext';
import { isTextEntry } from '../../ui/keyboard';
import type { JournalFilters } from './filterInteractions';

interface Props {
  filters: JournalFilters;
  onChange: (filters: JournalFilters) => void;
}

const KIND_OPTIONS = INTERACTION_KINDS.map((kind) => ({
  value: kind,
  label: INTERACTION_KIND_LABELS[kind],
}));

/** Search and filters over the timeline. */
export function JournalFiltersBar({ filters, onChange }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const platform = usePlatform();
  // "/" (outside text fields), Ctrl/Cmd+F and the Find menu item focus the search.
  useEffect(() => {
    const focus = () => searchRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if (find || (event.key === '/' && !isTextEntry(event.target))) {
        event.preventDefault();
        focus();
      }
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = platform.onMenuCommand((command) => command === 'find' && focus());
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, [platform]);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        type="search"
        aria-label="Search the journal"
        placeholder="Search titles, people, notes, reflections  ( / )"
        leftSection={<IconSearch size={16} />}
        value={filters.query}
        onChange={(e) => onChange({ ...filters, query: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChange({ ...filters, query: '' });
        }}
        rightSection={
          filters.query && (
            <CloseButton
              aria-label="Clear search"
              onClick={() => onChange({ ...filters, query: '' })}
            />
          )
        }
        style={{ flex: '1 1 18rem' }}
      />
      <Chip.Group
        multiple
        value={[...filters.bands]}
        onChange={(bands) => onChange({ ...filters, bands })}
      >
        <Group gap={6} role="group" aria-label="Relevance bands">
          {RELEVANCE_BANDS.map((band) => (
            <Chip key={band} value={band} color={BAND_COLORS[band]} size="sm">
              {RELEVANCE_BAND_SHORT_LABELS[band]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Select
        aria-label="Kind"
        placeholder="All kinds"
        data={KIND_OPTIONS}
        value={filters.kind}
        onChange={(kind) => onChange({ ...filters, kind })}
        clearable
        w={160}
        // Its list is drawn when opened, not kept (hidden) in the page from the start.
        comboboxProps={{ keepMounted: false }}
      />
    </Group>
  );
}
