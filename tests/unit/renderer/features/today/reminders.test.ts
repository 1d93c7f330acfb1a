import { describe, expect, it, vi } from 'vitest';
import { dayNumberOf } from '../../../../../shared/analytics';
import { dueFollowUps, followUpsFor } from '../../../../../shared/followUps';
import {
  reminderStoreKey,
  reminderText,
  remindOfDue,
} from '../../../../../renderer/src/features/today/reminders';
import type {
  ReminderNotifications,
  ReminderPermission,
} from '../../../../../renderer/src/platform';
import { anEntry } from '../../../../fixtures/analytics';
import { aStoredContact } from '../../../../fixtures/contacts';

/** Notifications that record what they show; `shows` answers whether the system showed it. */
function fakeNotifications(permission: ReminderPermission = 'granted', shows = true) {
  const shown: { title: string; body: string }[] = [];
  const notifications: ReminderNotifications = {
    permission: () => permission,
    requestPermission: vi.fn(),
    show: (title, body) => {
      if (shows) shown.push({ title, body });
      return Promise.resolve(shows);
    },
    onClick: () => () => undefined,
  };
  return { notifications, shown };
}

/** localStorage as a map. */
function fakeStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const step = (title: string, nextStepDue: string | null, nextStepDone: string | null = null) =>
  anEntry({ id: title, title, nextStep: `Follow up on ${title}`, nextStepDue, nextStepDone });

const journal = (
  interactions: ReturnType<typeof step>[],
  contacts = [] as ReturnType<typeof aStoredContact>[],
) => ({
  interactions,
  contacts,
});

describe('follow-up reminders', () => {
  const store = fakeStore();
  const { notifications, shown } = fakeNotifications();
  const run = (sources: ReturnType<typeof journal>, today: string, inFocus = false) =>
    remindOfDue({
      due: dueFollowUps(followUpsFor(sources, dayNumberOf(today))),
      today: dayNumberOf(today),
      notifications,
      store,
      journalName: 'relevant-journal',
      inFocus,
    });
  const keys = (items: readonly { key: string }[]) => items.map((item) => item.key);

  const first = journal(
    [step('Coffee', '2026-11-24'), step('Call', '2026-11-25'), step('Expo', '2026-12-02')],
    [aStoredContact('Rosa', { nextStep: 'Send the dates', nextStepDue: '2026-11-25' })],
  );

  it('reminds of overdue and due-today follow-ups, not upcoming ones, in one notification', async () => {
    expect(keys(await run(first, '2026-11-25'))).toEqual([
      'interaction:Coffee',
      'interaction:Call',
      'contact:c-Rosa',
    ]);
    expect(shown).toEqual([
      {
        title: '3 follow-ups are due or overdue',
        body: 'Follow up on Coffee (Coffee)\nFollow up on Call (Call)\nSend the dates (Rosa)',
      },
    ]);
    expect(JSON.parse(store.items.get(reminderStoreKey('relevant-journal')) ?? '')).toEqual({
      day: '2026-11-25',
      keys: ['interaction:Coffee', 'interaction:Call', 'contact:c-Rosa'],
    });
  });

  it('reminds of each only once a day: later the same day, only a new one', async () => {
    expect(await run(first, '2026-11-25')).toEqual([]);
    const more = journal([...first.interactions, step('Lunch', '2026-11-25')], first.contacts);
    expect(keys(await run(more, '2026-11-25'))).toEqual(['interaction:Lunch']);
    expect(shown.at(-1)).toEqual({
      title: 'A follow-up is due today',
      body: 'Follow up on Lunch (Lunch)',
    });
  });

  it('the next day reminds again of those still open, not of those done since', async () => {
    const nextDay = journal(
      [step('Coffee', '2026-11-24', '2026-11-25'), step('Call', '2026-11-25')],
      [
        aStoredContact('Rosa', {
          nextStep: 'Send the dates',
          nextStepDue: '2026-11-25',
          nextStepDone: '2026-11-25',
        }),
      ],
    );
    const before = shown.length;
    expect(keys(await run(nextDay, '2026-11-26'))).toEqual(['interaction:Call']);
    expect(shown.slice(before)).toEqual([
      { title: 'A follow-up is overdue', body: 'Follow up on Call (Call)' },
    ]);
  });

  it('shows nothing while the app is in focus, and remembers nothing then', async () => {
    const fresh = journal([step('Walk', '2026-11-27')]);
    expect(await run(fresh, '2026-11-27', true)).toEqual([]);
    expect(keys(await run(fresh, '2026-11-27'))).toEqual(['interaction:Walk']);
  });
});

describe('when reminders cannot be shown', () => {
  const due = dueFollowUps(
    followUpsFor(journal([step('Coffee', '2026-11-25')]), dayNumberOf('2026-11-25')),
  );
  const runWith = (notifications: ReminderNotifications, store = fakeStore()) =>
    remindOfDue({
      due,
      today: dayNumberOf('2026-11-25'),
      notifications,
      store,
      journalName: 'j',
      inFocus: false,
    });

  it.each<ReminderPermission>(['default', 'denied', 'unsupported'])(
    'shows nothing without permission (%s)',
    async (permission) => {
      const { notifications, shown } = fakeNotifications(permission);
      const store = fakeStore();
      expect(await runWith(notifications, store)).toEqual([]);
      expect(shown).toEqual([]);
      expect(store.items.size).toBe(0);
    },
  );

  it('tries again later when the system did not show it', async () => {
    const store = fakeStore();
    expect(await runWith(fakeNotifications('granted', false).notifications, store)).toEqual([]);
    const { notifications, shown } = fakeNotifications();
    expect(await runWith(notifications, store)).toHaveLength(1);
    expect(shown).toHaveLength(1);
  });

  it('reads a stored value it cannot parse as nothing reminded', async () => {
    const store = fakeStore();
    store.setItem(reminderStoreKey('j'), '{not json');
    expect(await runWith(fakeNotifications().notifications, store)).toHaveLength(1);
  });
});

describe('reminderText', () => {
  it('names three and counts the rest', () => {
    const groups = followUpsFor(
      journal(['A', 'B', 'C', 'D', 'E'].map((title) => step(title, '2026-11-25'))),
      dayNumberOf('2026-11-25'),
    );
    expect(reminderText(groups.dueToday, dayNumberOf('2026-11-25'))).toEqual({
      title: '5 follow-ups are due',
      body: 'Follow up on A (A)\nFollow up on B (B)\nFollow up on C (C)\nand 2 more',
    });
  });
});
