import type { ReminderNotifications, ReminderPermission } from './platform';

/** The browser's Notification API, where there is one (not in every browser or context). */
function notificationApi(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

/**
 * Reminders in a browser: the Notification API, once the person allowed it. A click brings
 * the tab forward.
 */
export function webReminders(api = notificationApi()): ReminderNotifications {
  const listeners = new Set<() => void>();
  const permission = (): ReminderPermission => api?.permission ?? 'unsupported';
  return {
    permission,
    requestPermission: async () => (api ? await api.requestPermission() : 'unsupported'),
    show: (title, body) => {
      if (!api || permission() !== 'granted') return Promise.resolve(false);
      try {
        const notification = new api(title, { body, tag: 'relevant-follow-ups' });
        notification.onclick = () => {
          window.focus();
          notification.close();
          for (const listener of listeners) listener();
        };
        return Promise.resolve(true);
      } catch {
        // Some browsers (Chrome on Android) allow notifications only from a service worker.
        return Promise.resolve(false);
      }
    },
    onClick: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
