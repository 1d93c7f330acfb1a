import type { Interaction } from '../../../../shared/domain';
import { localDayKey } from '../../ui/format';

/** Cards drawn at first: more than a screen holds, far fewer than the page the journal draws. */
export const FIRST_SCREEN = 20;

/**
 * The newest interactions up to at least `min` of them, and whole days only, so that every
 * day's heading shows the same total as in the open journal.
 */
export function firstScreen(items: readonly Interaction[], min = FIRST_SCREEN): Interaction[] {
  let end = Math.min(min, items.length);
  const lastDay = end > 0 ? localDayKey((items[end - 1] as Interaction).startedAt) : '';
  while (end < items.length && localDayKey((items[end] as Interaction).startedAt) === lastDay) {
    end++;
  }
  return items.slice(0, end);
}
