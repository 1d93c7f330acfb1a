import { Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { flushSync } from 'react-dom';
import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import {
  compareNewestFirst,
  interactionOf,
  type InteractionFields,
  type InteractionId,
} from '../../../shared/domain';
import type { JournalPreview } from '../platform/journalPreview';
import type { JournalSession } from '../platform/journalSession';
import type { EarlyCapture as EarlyCaptureDialog } from './EarlyCapture';
import type { Shell as ShellScreen } from './Shell';
import { JournalProvider } from './journalContext';
import { SyncProvider } from './syncContext';
import { JournalPreviewScreen } from './JournalPreviewScreen';
import { usePlatform } from './platformContext';
import { useBackups } from './useBackups';
import { messageOf } from '../ui/errors';
import { OPENING_MARKS } from '../platform/marks';
import { holdKeysForTextField } from '../ui/typeAhead';

// What the first paint does not need loads meanwhile: the document (Yjs), the app frame with
// its dialogs and editors, and the storage error screen.
const loadSession = () => import('../platform/journalSession');
const loadShell = () => import('./Shell');
const StorageErrorScreen = lazy(() =>
  import('./StorageErrorScreen').then((module) => ({ default: module.StorageErrorScreen })),
);
// Loaded while the journal opens, and then drawn at once: a lazy component would show its
// dialog only after React's pause for suspended content (300 ms).
let earlyCapture: typeof EarlyCaptureDialog | null = null;
const loadEarlyCapture = () =>
  import('./EarlyCapture').then((module) => (earlyCapture = module.EarlyCapture));

type GateState =
  | { status: 'opening'; preview: JournalPreview | null }
  | { status: 'open'; session: JournalSession; Shell: typeof ShellScreen }
  | { status: 'failed'; error: Error };

const OPENING: GateState = { status: 'opening', preview: null };

/**
 * Resolves once what was just rendered has been painted. A hidden page paints no frames: it
 * does not wait there (nor, should frames stop, longer than `maxMs`).
 */
const nextPaint = (maxMs = 1000) =>
  new Promise<void>((resolve) => {
    if (document.visibilityState === 'hidden') {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, maxMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

/**
 * Reads the stored preview and shows it (then lets it paint) before the journal itself is
 * opened, whose loading holds the main thread. A journal without interactions has no use for
 * a preview: its first-run screen comes soon enough.
 */
async function showPreview(
  stored: Promise<JournalPreview | null>,
  isCancelled: () => boolean,
  show: (preview: JournalPreview) => Promise<void>,
): Promise<void> {
  const preview = await stored;
  if (isCancelled() || !preview || preview.count === 0) return;
  await show(preview);
  await nextPaint();
}

/**
 * How long opening waits for the preview to be on the page: it is drawn as a transition,
 * which could be put off; the journal must open anyway.
 */
const PREVIEW_SHOWN_WAIT_MS = 1000;

function OpeningLoader() {
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader aria-label="Opening your journal" />
        <Text c="dimmed">Opening your journal…</Text>
      </Stack>
    </Center>
  );
}

/**
 * Opens the journal stored on this device before it can be changed. Meanwhile it shows the
 * preview stored last time (`startupPreview`, read as the app's script starts), read-only,
 * when there is one; only when the app starts, never
 * after a retry, a restore or a replacement in another window, whose preview would be of a
 * journal that is gone. If storage fails, the person sees why and can retry or restore a
 * backup; the app never starts an empty journal over data it could not read.
 */
export function JournalGate({
  startupPreview,
}: {
  startupPreview: Promise<JournalPreview | null>;
}) {
  const platform = usePlatform();
  const [state, setState] = useState<GateState>(OPENING);
  const [attempt, setAttempt] = useState(0);
  const sessionRef = useRef<JournalSession | null>(null);
  // Logging from the preview, before the journal has opened (see EarlyCapture).
  const [capturing, setCapturing] = useState(false);
  const startCapture = useCallback(() => {
    // Keys typed while the dialog draws (or its code loads) go into its title.
    holdKeysForTextField();
    if (earlyCapture) {
      // Drawn before the key's handler returns: a plain update would wait behind the
      // storage replies of the opening journal.
      flushSync(() => setCapturing(true));
      return;
    }
    loadEarlyCapture().then(
      () => flushSync(() => setCapturing(true)),
      (error: unknown) =>
        notifications.show({
          color: 'red',
          title: 'Logging could not start',
          message: `${messageOf(error)} Reload to try again.`,
        }),
    );
  }, []);
  // Resolves the wait for the preview to be on the page (see showPreview).
  const previewShown = useRef<(() => void) | null>(null);
  const onPreviewShown = useCallback(() => {
    previewShown.current?.();
    previewShown.current = null;
  }, []);

  useEffect(() => {
    let cancelled = false;
    let opened: JournalSession | null = null;
    const sessionModule = loadSession();
    const shellModule = loadShell();
    shellModule.catch(() => undefined); // reported where it is awaited, with the session
    // Logging from the preview is one key away: its dialog loads with the preview.
    if (attempt === 0) loadEarlyCapture().catch(() => undefined);
    const open = async () => {
      if (attempt === 0) {
        // The journal starts opening once the preview is on the page: opening it meanwhile
        // would hold up the preview's drawing (and logging from it) on a large journal.
        await showPreview(
          startupPreview,
          () => cancelled,
          (preview) =>
            new Promise<void>((resolve) => {
              previewShown.current = resolve;
              setTimeout(resolve, PREVIEW_SHOWN_WAIT_MS);
              startTransition(() => setState({ status: 'opening', preview }));
            }),
        );
      }
      const session = await (await sessionModule).openJournalSession();
      try {
        return { session, Shell: (await shellModule).Shell };
      } catch (error) {
        await session.close();
        throw error;
      }
    };
    open().then(
      ({ session, Shell }) => {
        opened = session;
        if (cancelled) {
          void session.close();
          return;
        }
        sessionRef.current = session;
        // Loaded before it is shown, so it takes the preview's place in one step; drawn as a
        // transition, which React draws a slice at a time, so the page can take input meanwhile.
        startTransition(() => setState({ status: 'open', session, Shell }));
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
  }, [attempt, startupPreview]);

  const retry = useCallback(() => {
    setState(OPENING);
    setAttempt((n) => n + 1);
  }, []);

  /** Replaces the journal on this device with a backup, after a safety backup of the current one. */
  const restore = useCallback(
    async (id: string) => {
      const bytes = await platform.backups.read(id);
      const { checkBackup, replaceStoredJournal } = await loadSession();
      checkBackup(bytes);
      const current = sessionRef.current;
      if (current && current.journal.getSnapshot().interactions.length > 0) {
        await platform.backups.save(current.journal.encodeFile(), 'manual');
      } else if (!current) {
        // The journal could not be opened: what storage still holds is kept first, if any.
        const copy = await (await loadSession()).copyStoredJournal();
        if (copy) await platform.backups.save(copy, 'manual');
      }
      // A journal that syncs is restored through new changes, which reach every device; a
      // replaced document would merge with the server's copy and undo the restore.
      if (current && current.sync.getState().state !== 'local') {
        await current.openReflections();
        current.journal.restoreFrom(bytes);
        notifications.show({
          message: 'Backup restored. Your other devices get the restored journal when they sync.',
        });
        return;
      }
      sessionRef.current = null;
      setState(OPENING);
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
  useBackups(session?.journal ?? null, session?.saving ?? null);
  // Once the open journal shows, its reflections load: they are not needed to show it.
  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    void nextPaint().then(() => {
      if (cancelled) return;
      performance.mark(OPENING_MARKS.editable);
      session.openReflections().catch((error: unknown) => {
        if (cancelled) return;
        notifications.show({
          color: 'red',
          title: 'Your reflections could not be opened',
          message: `${messageOf(error)} The journal itself is open; reload to try again.`,
          autoClose: false,
        });
      });
    });
    return () => {
      cancelled = true;
    };
  }, [session]);
  // Another window is restoring a backup: wait until it is done, then open the journal again.
  useEffect(
    () =>
      session?.store.onReplacedElsewhere(() => {
        setState(OPENING);
        void loadSession()
          .then(({ waitForReplacement }) => waitForReplacement())
          .then(retry);
      }),
    [session, retry],
  );

  const EarlyCapture = capturing ? earlyCapture : null;
  const capture = EarlyCapture && (
    <EarlyCapture
      journal={session?.journal ?? null}
      onClose={() => setCapturing(false)}
      onCaptured={(id, fields, loggedAt) => {
        // The journal may have opened while it was being kept: then it adds it now.
        const open = sessionRef.current;
        if (open) void open.addPendingCaptures();
        setState((current) =>
          current.status === 'opening' && current.preview
            ? { ...current, preview: withCapture(current.preview, id, fields, loggedAt) }
            : current,
        );
      }}
    />
  );

  if (state.status === 'failed') {
    return (
      <>
        <Suspense fallback={<OpeningLoader />}>
          <StorageErrorScreen error={state.error} onRetry={retry} onRestore={restore} />
        </Suspense>
        {capture}
      </>
    );
  }
  if (state.status === 'opening') {
    return (
      <>
        {state.preview ? (
          <JournalPreviewScreen
            preview={state.preview}
            onLog={startCapture}
            onShown={onPreviewShown}
          />
        ) : (
          <OpeningLoader />
        )}
        {capture}
      </>
    );
  }
  return (
    <>
      <JournalProvider value={state.session.journal}>
        <SyncProvider value={state.session.sync}>
          <state.Shell onRestore={restore} saving={state.session.saving} />
        </SyncProvider>
      </JournalProvider>
      {capture}
    </>
  );
}

/** The preview with an interaction logged from it at the top, until the journal opens. */
function withCapture(
  preview: JournalPreview,
  id: InteractionId,
  fields: InteractionFields,
  loggedAt: string,
): JournalPreview {
  const logged = interactionOf(id, fields, { createdAt: loggedAt, updatedAt: loggedAt });
  return {
    ...preview,
    count: preview.count + 1,
    interactions: [logged, ...preview.interactions].sort(compareNewestFirst),
  };
}
