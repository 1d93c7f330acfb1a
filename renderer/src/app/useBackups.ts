import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { JournalDoc } from '../../../shared/doc';
import { scheduleBackups } from '../platform/backupSchedule';
import type { LocalStore } from '../platform/persistence';
import { usePlatform } from './platformContext';

/** Keeps backups running for the open journal and reports storage write failures. */
export function useBackups(journal: JournalDoc | null, store: LocalStore | null): void {
  const platform = usePlatform();
  useEffect(() => {
    if (!journal || !store) return;
    const stopBackups = scheduleBackups(journal, platform, (error) =>
      notifications.show({
        color: 'red',
        title: 'A backup could not be stored',
        message: `${error.message} Your journal itself is still saved on this device.`,
        autoClose: false,
      }),
    );
    const stopErrors = store.onWriteError((error) =>
      notifications.show({
        id: 'storage-write-error',
        color: 'red',
        title: 'Changes are not being saved',
        message: error.message,
        autoClose: false,
      }),
    );
    return () => {
      stopBackups();
      stopErrors();
    };
  }, [journal, store, platform]);
}
