import { Badge, Button, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconCloudCheck,
  IconCloudOff,
  IconCloudPause,
  IconCloudUp,
  IconCloudX,
  IconDeviceLaptop,
  type Icon,
} from '@tabler/icons-react';
import { useSyncState } from '../../app/syncContext';
import type { SyncState } from '../../platform/sync/syncStatus';
import { describeSync } from './syncWords';

const ICONS: Record<SyncState['state'], Icon> = {
  local: IconDeviceLaptop,
  paused: IconCloudPause,
  offline: IconCloudOff,
  connecting: IconCloudUp,
  syncing: IconCloudUp,
  synced: IconCloudCheck,
  'not-stored': IconCloudX,
  refused: IconCloudX,
};

const COLORS: Record<SyncState['state'], string> = {
  local: 'gray',
  paused: 'gray',
  offline: 'orange',
  connecting: 'blue',
  syncing: 'blue',
  synced: 'teal',
  'not-stored': 'orange',
  refused: 'red',
};

/** Short round trips (a change sent and confirmed) do not make the header flicker. */
const SETTLE_MS = 400;

/** The header's sync status: what it is, how many changes wait; opens the sync settings. */
export function SyncStatusButton({ onClick }: { onClick: () => void }) {
  const now = useSyncState();
  const [settled] = useDebouncedValue(now, SETTLE_MS);
  const state = now.state === 'syncing' && settled.state === 'synced' ? settled : now;
  const { label, detail } = describeSync(state);
  const Icon = ICONS[state.state];
  const pending = 'pending' in state ? state.pending : 0;
  return (
    <Tooltip label={detail} multiline w={260} openDelay={300}>
      <Button
        variant="subtle"
        color={COLORS[state.state]}
        leftSection={<Icon size={18} aria-hidden />}
        rightSection={
          pending > 0 ? (
            <Badge size="sm" circle variant="light" color={COLORS[state.state]} aria-hidden>
              {pending > 99 ? '99+' : pending}
            </Badge>
          ) : undefined
        }
        onClick={onClick}
        aria-label={`Sync: ${label}${pending > 0 ? `, ${pending} unsynced` : ''}`}
        px="xs"
      >
        <Text span inherit visibleFrom="lg">
          {label}
        </Text>
      </Button>
    </Tooltip>
  );
}
