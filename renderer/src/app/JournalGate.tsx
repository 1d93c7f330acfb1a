import { Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  checkBackup,
  openJournalSession,
  replaceStoredJournal,
  waitForReplacement,
  type JournalSession,
} from '../platform/journalSession';
import { StorageErrorScreen } from './StorageErrorScreen';
import { JournalProvider } from './journalContext';
import { Shell } from './Shell';
import { usePlatform } from './platformContext';
import { useBackups } from './useBackups';
import { messageOf } from '../ui/errors';

type GateState =
  | { status: 'opening' }
  | { status: 'open'; session: JournalSession }
  | { status: 'failed'; error: Error };

/**
 * Opens the journal stored on this device before anything else is shown. If storage fails,
 * the person sees why and can retry or restore a backup; the app never starts an empty
 * journal over data it could not read.
 */
export function JournalGate() {
  const platform = usePlatform();
  const [state, setState] = useState<GateState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const sessionRef = useRef<JournalSession | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: JournalSession | null = null;
    openJournalSession().then(
      (session) => {
        opened = session;
        if (cancelled) {
          void session.close();
          return;
        }
        sessionRef.current = session;
        setState({ status: 'open', session });
      },
      (error: unknown) => {
        if (!cancelled) {
          setState({
            status: 'failed',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => {
      cancelled = true;
      if (opened && sessionRef.current === opened) sessionRef.current = null;
      void opened?.close();
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  /** Replaces the journal on this device with a backup, after a safety backup of the current one. */
  const restore = useCallback(
    async (id: string) => {
      const bytes = await platform.backups.read(id);
      checkBackup(bytes);
      const current = sessionRef.current;
      if (current && current.journal.getSnapshot().interactions.length > 0) {
        await platform.backups.save(current.journal.encode(), 'manual');
      }
      sessionRef.current = null;
      setState({ status: 'opening' });
      try {
        await current?.close();
        await replaceStoredJournal(bytes);
      } catch (error) {
        // The dialog is gone by now: say it here, then open whatever is stored.
        notifications.show({
          color: 'red',
          title: 'The backup was not restored',
          message: messageOf(error),
          autoClose: false,
        });
      } finally {
        setAttempt((n) => n + 1);
      }
    },
    [platform],
  );

  const session = state.status === 'open' ? state.session : null;
  useBackups(session?.journal ?? null, session?.store ?? null);
  // Another window is restoring a backup: wait until it is done, then open the journal again.
  useEffect(
    () =>
      session?.store.onReplacedElsewhere(() => {
        setState({ status: 'opening' });
        void waitForReplacement().then(retry);
      }),
    [session, retry],
  );

  if (state.status === 'failed') {
    return <StorageErrorScreen error={state.error} onRetry={retry} onRestore={restore} />;
  }
  if (state.status === 'opening') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader aria-label="Opening your journal" />
          <Text c="dimmed">Opening your journal…</Text>
        </Stack>
      </Center>
    );
  }
  return (
    <JournalProvider value={state.session.journal}>
      <Shell onRestore={restore} />
    </JournalProvider>
  );
}
