import { notifications, type NotificationData } from '@mantine/notifications';

/** The notice on the screen for each kind ("saved", "undo"), by its id. */
const latest = new Map<string, string>();

/**
 * Shows a notice in place of the last one of the same kind, so that it tells of the last
 * change, not of the first one still on the screen. (Mantine shows nothing for a notice whose
 * id is already showing, and a new id gets its own time on the screen.)
 */
export function showLatestNotice(kind: string, notice: Omit<NotificationData, 'id'>): void {
  hideNotice(kind);
  latest.set(kind, notifications.show(notice));
}

/** Takes the notice of this kind off the screen, if one is there. */
export function hideNotice(kind: string): void {
  const id = latest.get(kind);
  if (id !== undefined) notifications.hide(id);
  latest.delete(kind);
}
