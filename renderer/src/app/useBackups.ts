import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { JournalDoc } from '../../../shared/doc';
import { scheduleBackups } from '../platform/backupSchedule';
import type { DeviceSaving } from '../platform/deviceSaving';
import { usePlatform } from './platformContext';

const SAVE_NOTICE = 'storage-write-error';

/**
 * Keeps backups running for the open journal, and says when changes stop being stored on this
 * device (and when they are again: the header says so meanwhile, see SaveStatus).
 */
export function useBackups(journal: JournalDoc | null, saving: DeviceSaving | null): void {
  const platform = usePlatform();
  useEffect(() => {
    if (!journal || !saving) return;
    const stopBackups = scheduleBackups(journal, platform, (error) =>
      notifications.show({
        color: 'red',
        title: 'A backup could not be stored',
        message: `${error.message} Your journal itself is still saved on this device.`,
        autoClose: false,
      }),
    );
    let unsaved = false;
    const stopErrors = saving.subscribe(() => {
      const state = saving.getState();
      if (!state.saved && !unsaved) {
        unsaved = true;
        notifications.show({
          id: SAVE_NOTICE,
          color: 'red',
          title: 'Changes are not being saved',
          message: state.error.message,
          autoClose: false,
        });
      } else if (state.saved && unsaved) {
        unsaved = false;
        notifications.update({
          id: SAVE_NOTICE,
          color: 'teal',
          title: 'Your changes are saved again',
          message: 'Everything written while saving failed is now stored on this device.',
          autoClose: 6_000,
        });
      }
    });
    // On the web, leaving the page while changes are unsaved asks first (the desktop quits
    // through its own flow, where a blocked unload would only keep the window open).
    const warnIfUnsaved = (event: BeforeUnloadEvent) => {
      if (platform.kind === 'web' && !saving.getState().saved) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnIfUnsaved);
    return () => {
      stopBackups();
      stopErrors();
      window.removeEventListener('beforeunload', warnIfUnsaved);
    };
  }, [journal, saving, platform]);
}
