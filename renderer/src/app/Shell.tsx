import { ActionIcon, Alert, AppShell, Container, Menu } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc';
import { JournalScreen } from '../features/journal/JournalScreen';
import { QuickAddModal } from '../features/journal/QuickAddModal';
import { unlessTyping } from '../ui/keyboard';
import { useJournalActions } from '../features/journal/useJournalActions';
import { BackupsDialog } from '../features/settings/BackupsDialog';
import { AppHeader, LogInteractionButton } from './AppHeader';
import { useJournal, useJournalSnapshot } from './journalContext';
import { usePlatform } from './platformContext';
import { messageOf } from '../ui/errors';

/** The app frame around the open journal: header, shortcuts, menu commands, dialogs. */
export function Shell({ onRestore }: { onRestore: (id: string) => Promise<void> }) {
  const journal = useJournal();
  const platform = usePlatform();
  const actions = useJournalActions();
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [backupsOpen, setBackupsOpen] = useState(false);

  const openQuickAdd = useCallback(() => setQuickAddOpen(true), []);
  const backUpNow = useCallback(async () => {
    try {
      const info = await platform.backups.save(journal.encode(), 'manual');
      notifications.show({
        message: `Backup stored (${new Date(info.createdAt).toLocaleString()}).`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Backup failed', message: messageOf(error) });
    }
  }, [journal, platform]);

  // Shortcuts work wherever focus is, except while typing text (where keys mean text).
  useHotkeys(
    [
      unlessTyping('n', openQuickAdd),
      unlessTyping('mod+z', actions.undo),
      unlessTyping('mod+shift+z', actions.redo),
      unlessTyping('mod+y', actions.redo),
    ],
    [],
  );

  useEffect(() => {
    const handlers: Record<MenuCommand, () => void> = {
      'new-interaction': openQuickAdd,
      find: () => undefined, // handled by the search field itself
      undo: actions.undo,
      redo: actions.redo,
      'restore-backup': () => setBackupsOpen(true),
      'backup-now': () => void backUpNow(),
    };
    return platform.onMenuCommand((command) => handlers[command]());
  }, [platform, openQuickAdd, actions, backUpNow]);

  const readOnly = useJournalSnapshot().readOnlyReason;
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppHeader>
        <LogInteractionButton onClick={openQuickAdd} disabled={!!readOnly} />
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="More actions">
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void backUpNow()}>Back up now</Menu.Item>
            <Menu.Item onClick={() => setBackupsOpen(true)}>Restore from backup…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </AppHeader>
      <AppShell.Main>
        <Container size="md">
          {readOnly && (
            <Alert color="orange" title="Read-only" mb="md">
              {readOnly}
            </Alert>
          )}
          <JournalScreen onAdd={openQuickAdd} />
        </Container>
      </AppShell.Main>
      <QuickAddModal opened={quickAddOpen} onClose={() => setQuickAddOpen(false)} />
      <BackupsDialog
        opened={backupsOpen}
        onClose={() => setBackupsOpen(false)}
        onRestore={onRestore}
      />
    </AppShell>
  );
}
