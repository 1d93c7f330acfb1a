import { ActionIcon, Alert, AppShell, Container, Loader, Menu } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc';
import { JournalScreen } from '../features/journal/JournalScreen';
import { QuickAdd } from '../features/journal/QuickAddModal';
import { Opener } from '../ui/opener';
import { loadReflectionEditor } from '../features/journal/InteractionDrawer';
import { LoadFailureBoundary } from '../ui/LoadFailureBoundary';
import { unlessTyping } from '../ui/keyboard';
import { holdKeysForTextField } from '../ui/typeAhead';
import { useJournalActions } from '../features/journal/useJournalActions';
import { FollowUpReminders } from '../features/today/useReminders';
import { BackupsDialog } from '../features/settings/BackupsDialog';
import { FiguresSettingsDialog } from '../features/settings/FiguresSettingsDialog';
import { SyncDialog } from '../features/sync/SyncDialog';
import { SaveStatus } from '../features/saving/SaveStatus';
import { SyncStatusButton } from '../features/sync/SyncStatusButton';
import type { DeviceSaving } from '../platform/deviceSaving';
import { AppHeader, LogInteractionButton } from './AppHeader';
import { useJournal, useJournalPart } from './journalContext';
import { useSyncIsSetUp } from './syncContext';
import { usePlatform } from './platformContext';
import { messageOf } from '../ui/errors';
import { useRoute, type Route } from './route';
import { ScreenNav } from './ScreenNav';
import { DueBadge } from '../features/today/DueBadge';
import { todayIn } from '../../../shared/analytics';
import { defaultReportMonth } from '../../../shared/report';
import { viewerTimeZone } from '../ui/format';
import { BandThresholdsContext } from '../ui/bandThresholds';

/** The app frame around the open journal: header, shortcuts, menu commands, dialogs. */
export function Shell({
  onRestore,
  saving,
}: {
  onRestore: (id: string) => Promise<void>;
  /** Whether this device has stored every change (the header says when not). */
  saving: DeviceSaving;
}) {
  const journal = useJournal();
  const platform = usePlatform();
  const actions = useJournalActions();
  const [quickAdd] = useState(() => new Opener());
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const [route, navigate] = useRoute();

  // Only these parts: the frame does not redraw on every change of the journal.
  const readOnly = useJournalPart((snapshot) => snapshot.readOnlyReason);
  const openQuickAdd = useCallback(() => {
    if (readOnly) return;
    // Keys typed while the dialog draws go into its title, not to the shortcuts.
    holdKeysForTextField();
    quickAdd.open();
  }, [quickAdd, readOnly]);
  const openToday = useCallback(() => navigate({ screen: 'today' }), [navigate]);
  const backUpNow = useCallback(async () => {
    try {
      const info = await platform.backups.save(journal.encodeFile(), 'manual');
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
      unlessTyping('j', () => navigate({ screen: 'journal' })),
      unlessTyping('i', () => navigate({ screen: 'insights' })),
      unlessTyping('t', () => navigate({ screen: 'today' })),
      unlessTyping('r', () => navigate({ screen: 'report', month: null })),
      unlessTyping('g', () => navigate({ screen: 'goals' })),
      unlessTyping('p', () => navigate({ screen: 'planned' })),
      unlessTyping('c', () => navigate({ screen: 'contacts', contactId: null })),
      unlessTyping('mod+z', actions.undo),
      unlessTyping('mod+shift+z', actions.redo),
      unlessTyping('mod+y', actions.redo),
    ],
    [],
  );

  useEffect(() => {
    const timer = window.setTimeout(() => {
      void loadInsights();
      void loadReport();
      void loadToday();
      void loadGoals();
      void loadPlanned();
      void loadContacts();
    }, PRELOAD_AFTER_MS);
    // The editor of reflections at once: a device that goes offline (a web page) can still
    // open them, which it could not if the code had not arrived before.
    void loadReflectionEditor();
    return () => window.clearTimeout(timer);
  }, []);

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

  const analyticsSettings = useJournalPart((snapshot) => snapshot.analyticsSettings);
  const syncs = useSyncIsSetUp();
  return (
    <BandThresholdsContext value={analyticsSettings.bands}>
      <AppShell header={{ height: 56 }} padding="md">
        <FollowUpReminders onOpen={openToday} />
        <AppHeader nav={<ScreenNav route={route} badges={{ today: <DueBadge /> }} />}>
          <SaveStatus saving={saving} />
          <SyncStatusButton onClick={() => setSyncOpen(true)} />
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
              <Menu.Divider />
              <Menu.Item onClick={() => setSettingsOpen(true)} disabled={!!readOnly}>
                Figures and suggestions…
              </Menu.Item>
              <Menu.Item onClick={() => setSyncOpen(true)}>Sync…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </AppHeader>
        <AppShell.Main>
          <Container size={route.screen === 'journal' ? 'md' : 'lg'}>
            {readOnly && (
              <Alert color="orange" title="Read-only" mb="md" className="print-hidden">
                {readOnly}
              </Alert>
            )}
            <LoadFailureBoundary key={route.screen} what="screen">
              <Suspense fallback={<Loader aria-label="Loading the screen" />}>
                <Screen route={route} navigate={navigate} onAdd={openQuickAdd} />
              </Suspense>
            </LoadFailureBoundary>
          </Container>
        </AppShell.Main>
        <QuickAdd opener={quickAdd} />
        <FiguresSettingsDialog opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
        <SyncDialog opened={syncOpen} onClose={() => setSyncOpen(false)} />
        <BackupsDialog
          syncs={syncs}
          opened={backupsOpen}
          onClose={() => setBackupsOpen(false)}
          onRestore={onRestore}
        />
      </AppShell>
    </BandThresholdsContext>
  );
}

interface ScreenProps {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
  readonly onAdd: () => void;
}

// The charts, the report and the editor are not needed to show the journal: they load after
// it is open, when the window is idle, so that opening them later is instant (and works offline).
const loadInsights = () => import('../features/insights/InsightsScreen');
const loadReport = () => import('../features/report/ReportScreen');
const InsightsScreen = lazy(() =>
  loadInsights().then((module) => ({ default: module.InsightsScreen })),
);
const ReportScreen = lazy(() => loadReport().then((module) => ({ default: module.ReportScreen })));
const loadToday = () => import('../features/today/TodayScreen');
const TodayScreen = lazy(() => loadToday().then((module) => ({ default: module.TodayScreen })));
const loadGoals = () => import('../features/goals/GoalsScreen');
const GoalsScreen = lazy(() => loadGoals().then((module) => ({ default: module.GoalsScreen })));
const loadPlanned = () => import('../features/planned/PlannedScreen');
const PlannedScreen = lazy(() =>
  loadPlanned().then((module) => ({ default: module.PlannedScreen })),
);
const loadContacts = () => import('../features/contacts/ContactsScreen');
const ContactsScreen = lazy(() =>
  loadContacts().then((module) => ({ default: module.ContactsScreen })),
);
const PRELOAD_AFTER_MS = 2000;

/** The screen the route names. */
function Screen({ route, navigate, onAdd }: ScreenProps) {
  switch (route.screen) {
    case 'insights':
      return <InsightsScreen onOpenJournal={() => navigate({ screen: 'journal' })} />;
    case 'report':
      return (
        <ReportScreen
          month={route.month ?? defaultReportMonth(todayIn(viewerTimeZone(), new Date()))}
          onMonthChange={(month) => navigate({ screen: 'report', month })}
        />
      );
    case 'today':
      return <TodayScreen />;
    case 'goals':
      return <GoalsScreen />;
    case 'planned':
      return <PlannedScreen />;
    case 'contacts':
      return (
        <ContactsScreen
          contactId={route.contactId}
          onOpen={(contactId) => navigate({ screen: 'contacts', contactId })}
        />
      );
    case 'journal':
      return <JournalScreen onAdd={onAdd} />;
  }
}
