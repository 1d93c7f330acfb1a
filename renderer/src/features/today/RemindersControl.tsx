import { Button, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { usePlatform } from '../../app/platformContext';

/**
 * Whether follow-up reminders are on, and on the web the button that asks the browser for
 * permission (a browser asks only from a click).
 */
export function RemindersControl() {
  const { reminders } = usePlatform();
  const [permission, setPermission] = useState(() => reminders.permission());
  const [asking, setAsking] = useState(false);
  if (permission === 'unsupported') return null;
  if (permission === 'granted') {
    return (
      <Text size="sm" c="dimmed">
        Reminders on: a notification when a follow-up is due and Relevant is in the background.
      </Text>
    );
  }
  if (permission === 'denied') {
    return (
      <Text size="sm" c="dimmed">
        Reminders are blocked: allow notifications for this site in the browser's settings.
      </Text>
    );
  }
  return (
    <Button
      variant="light"
      leftSection={<IconBell size={16} />}
      loading={asking}
      onClick={() => {
        setAsking(true);
        void reminders
          .requestPermission()
          .catch(() => 'denied' as const)
          .then((answer) => {
            setPermission(answer);
            setAsking(false);
          });
      }}
    >
      Turn on reminders
    </Button>
  );
}
