import { Button, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDeviceFloppy, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceSaving } from '../../platform/deviceSaving';

/** How long "Saved" stays after saving has healed. */
const HEALED_SHOWN_MS = 6_000;

const HEALED_STYLE = {
  display: 'flex',
  gap: 4,
  alignItems: 'center',
  whiteSpace: 'nowrap',
} as const;

/**
 * The header's word on this device's storage: nothing while every change is stored; "Not
 * saved" (with why, and a retry) from the first failed write until the whole journal has been
 * written again; then "Saved" for a moment. A live region, so it is heard too.
 */
export function SaveStatus({ saving }: { saving: DeviceSaving }) {
  const state = useSyncExternalStore(saving.subscribe, saving.getState);
  const [previous, setPrevious] = useState(state);
  const [healed, setHealed] = useState(false);
  if (state !== previous) {
    setPrevious(state);
    setHealed(state.saved && !previous.saved);
  }
  useEffect(() => {
    if (!healed) return;
    const timer = setTimeout(() => setHealed(false), HEALED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [healed]);
  return (
    <div role="status" aria-live="polite">
      {!state.saved && (
        <Tooltip label={state.error.message} multiline w={300} openDelay={200}>
          <Button
            variant="light"
            color="red"
            size="compact-sm"
            leftSection={<IconAlertTriangle size={16} />}
            onClick={() => void saving.retry()}
            aria-label="Changes not saved on this device. Try saving again"
          >
            Not saved
          </Button>
        </Tooltip>
      )}
      {state.saved && healed && (
        <Text size="sm" c="teal.8" style={HEALED_STYLE}>
          <IconDeviceFloppy size={16} aria-hidden />
          Saved<VisuallyHidden>: all changes are stored on this device</VisuallyHidden>
        </Text>
      )}
    </div>
  );
}
