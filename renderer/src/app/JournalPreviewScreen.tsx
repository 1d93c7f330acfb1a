import { ActionIcon, AppShell, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDots } from '@tabler/icons-react';
import { memo, useEffect } from 'react';
import { unlessTyping } from '../ui/keyboard';
import type { JournalPreview } from '../platform/journalPreview';
import { NO_FILTERS } from '../features/journal/filterInteractions';
import { firstScreen } from '../features/journal/firstScreen';
import { JournalFiltersBar } from '../features/journal/JournalFiltersBar';
import { SampleBanner } from '../features/journal/SampleBanner';
import { Timeline } from '../features/journal/Timeline';
import { AppHeader, LogInteractionButton } from './AppHeader';
import { parseRoute } from './route';
import { ScreenNav } from './ScreenNav';

const nothing = () => undefined;

/** A fieldset only to disable every control inside it at once; it draws nothing itself. */
const FIELDSET_RESET = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

/**
 * The journal's first page as it was last stored, shown while the journal itself opens:
 * the same frame and timeline as the open journal, so that one replaces the other in place,
 * but read-only until then (adding, opening, deleting, searching and filtering wait). It
 * draws only the first screenful of cards: drawing them is most of what it costs. Logging an
 * interaction works already (see EarlyCapture). Memoized: opening the quick-add dialog must
 * not draw the preview again.
 */
export const JournalPreviewScreen = memo(function JournalPreviewScreen({
  preview,
  onLog,
  onShown,
}: {
  preview: JournalPreview;
  /** Logging works already: what is logged is added as the journal opens. */
  onLog: () => void;
  /** Called once it is on the page (the journal starts opening then). */
  onShown?: () => void;
}) {
  useHotkeys([unlessTyping('n', onLog)], []);
  useEffect(() => onShown?.(), [onShown]);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppHeader nav={<ScreenNav route={parseRoute(window.location.hash)} />}>
        <LogInteractionButton disabled={false} onClick={onLog} />
        <ActionIcon variant="default" size="lg" aria-label="More actions" disabled>
          <IconDots size={18} />
        </ActionIcon>
      </AppHeader>
      <AppShell.Main>
        <Container size="md">
          <fieldset disabled style={FIELDSET_RESET} aria-label="Your journal, opening">
            <Stack gap="md">
              {preview.hasSample && <SampleBanner onRemove={nothing} />}
              <JournalFiltersBar filters={NO_FILTERS} onChange={nothing} />
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {`${preview.count.toLocaleString()} interactions`}
                </Text>
                <Group gap={6} wrap="nowrap" role="status">
                  <Loader size={12} aria-label="Opening your journal" />
                  <Text size="sm" c="dimmed">
                    Opening your journal… You can log an interaction now, and make other changes in
                    a moment.
                  </Text>
                </Group>
              </Group>
              <Timeline
                interactions={firstScreen(preview.interactions)}
                onOpen={nothing}
                onDelete={nothing}
              />
            </Stack>
          </fieldset>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
});
