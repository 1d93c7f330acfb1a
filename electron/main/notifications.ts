import type { IpcParsedRequest } from './ipcRegistry';

/** The part of an Electron Notification the app uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

/** Electron's Notification class, or a fake of it. */
export interface NotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}

/** Desktop notifications for the 'notify:show' channel. */
export interface Notifier {
  /** Shows one; false when the system cannot show notifications. */
  show(request: IpcParsedRequest<'notify:show'>): boolean;
}

/**
 * Shows notifications with `Notification`; a click calls `onClick` (focus the window and
 * tell the renderer). Shown notifications are held until closed: Electron drops the click
 * handler of one that is garbage collected.
 */
export function createNotifier(Notification: NotificationClass, onClick: () => void): Notifier {
  const shown = new Set<NotificationLike>();
  return {
    show({ title, body }) {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({ title, body });
      shown.add(notification);
      notification.on('click', () => {
        shown.delete(notification);
        onClick();
      });
      notification.on('close', () => shown.delete(notification));
      notification.show();
      return true;
    },
  };
}
