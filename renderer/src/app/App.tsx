import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Platform } from '../platform';
import type { JournalPreview } from '../platform/journalPreview';
import { PlatformProvider } from './platformContext';
import { JournalGate } from './JournalGate';
import { theme } from './theme';

/** The whole app: theme, notifications, the platform, then the journal once it is open. */
export function App({
  platform,
  preview,
}: {
  platform: Platform;
  /** The stored preview of the journal, being read while the app starts. */
  preview: Promise<JournalPreview | null>;
}) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Notices are for the screen: the report's PDF holds only the report. Bottom left and
          narrow: clear of the centred dialogs' and the right-hand drawer's Save buttons. */}
      <Notifications
        position="bottom-left"
        containerWidth={340}
        limit={3}
        className="print-hidden"
      />
      <PlatformProvider value={platform}>
        <JournalGate startupPreview={preview} />
      </PlatformProvider>
    </MantineProvider>
  );
}
