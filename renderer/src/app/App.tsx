import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Platform } from '../platform';
import { PlatformProvider } from './platformContext';
import { JournalGate } from './JournalGate';
import { theme } from './theme';

/** The whole app: theme, notifications, the platform, then the journal once it is open. */
export function App({ platform }: { platform: Platform }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={3} />
      <PlatformProvider value={platform}>
        <JournalGate />
      </PlatformProvider>
    </MantineProvider>
  );
}
