import * as z from 'zod';
import { localDateOf, type DayNumber } from '../../../../shared/analytics';
import type { FollowUp } from '../../../../shared/followUps';
import type { ReminderNotifications } from '../../platform';
import type { KeyValueStore } from '../../platform/sync/syncStore';

/** Where the reminded follow-ups are kept: per journal, on this device. */
export const reminderStoreKey = (journalName: string) => `${journalName}:reminded`;

/** The follow-ups reminded of on `day`: each is reminded of once a day. */
const storedSchema = z.object({ day: z.string(), keys: z.array(z.string()) });
type Reminded = z.infer<typeof storedSchema>;

function readReminded(store: KeyValueStore, key: string): Reminded | null {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(store.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How many follow-ups one notification names before "and N more". */
const NAMED = 3;

/** The words of one notification about `items` (all due today or overdue). */
export function reminderText(
  items: readonly FollowUp[],
  today: DayNumber,
): { title: string; body: string } {
  const overdue = items.some((item) => item.dueDay !== null && item.dueDay < today);
  const title =
    items.length === 1
      ? overdue
        ? 'A follow-up is overdue'
        : 'A follow-up is due today'
      : `${items.length} follow-ups are due${overdue ? ' or overdue' : ''}`;
  const lines = items.slice(0, NAMED).map((item) => `${item.text} (${item.source.label})`);
  if (items.length > NAMED) lines.push(`and ${items.length - NAMED} more`);
  return { title, body: lines.join('\n') };
}

export interface ReminderRun {
  /** The follow-ups due today or overdue, as of `today`. */
  readonly due: readonly FollowUp[];
  readonly today: DayNumber;
  readonly notifications: ReminderNotifications;
  readonly store: KeyValueStore;
  readonly journalName: string;
  /** Whether the person is looking at the app: then the Today badge says it, no notification. */
  readonly inFocus: boolean;
}

/**
 * Shows one notification about the due follow-ups not yet reminded of today, if reminders
 * are allowed and the app is not in focus, and remembers them: each follow-up is reminded of once a day, and one done
 * since is no longer due, so not again. Resolves with those reminded of now.
 */
export async function remindOfDue(run: ReminderRun): Promise<readonly FollowUp[]> {
  const { notifications, store, today } = run;
  if (run.inFocus || notifications.permission() !== 'granted') return [];
  const key = reminderStoreKey(run.journalName);
  const day = localDateOf(today);
  const stored = readReminded(store, key);
  const already = new Set(stored?.day === day ? stored.keys : []);
  const fresh = run.due.filter((item) => !already.has(item.key));
  if (fresh.length === 0) return [];
  // Remembered before showing, so a second run while this one waits does not repeat them.
  const reminded = { day, keys: [...already, ...fresh.map((item) => item.key)] };
  store.setItem(key, JSON.stringify(reminded));
  const { title, body } = reminderText(fresh, today);
  const shown = await notifications.show(title, body).catch(() => false);
  if (!shown) {
    // Not shown (the system refused): try again on a later run.
    store.setItem(key, JSON.stringify({ day, keys: [...already] }));
    return [];
  }
  return fresh;
}
