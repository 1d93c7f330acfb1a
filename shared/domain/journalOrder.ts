import type { Interaction } from './interaction';

/** Orders interactions newest first; ties broken so that every replica shows the same order. */
export function compareNewestFirst(a: Interaction, b: Interaction): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** How a journal list came from the one before it: the objects that left it and came in. */
export interface ListEdit {
  /** The list before; undefined once nothing else holds it. */
  readonly previous: readonly Interaction[] | undefined;
  /** Objects of `previous` that the list no longer holds. */
  readonly removed: readonly Interaction[];
  /** Objects the list holds that `previous` did not. */
  readonly added: readonly Interaction[];
}

interface NotedEdit {
  // Weak: a list must not keep every list before it alive.
  readonly previous: WeakRef<readonly Interaction[]>;
  readonly removed: readonly Interaction[];
  readonly added: readonly Interaction[];
}

const edits = new WeakMap<readonly Interaction[], NotedEdit>();

/**
 * Notes that `list` is `previous` with `removed` taken out and `added` put in, so that what is
 * worked out per list (analytics) can patch its last result instead of starting over. Only
 * for lists that will not change afterwards.
 */
export function recordListEdit(
  list: readonly Interaction[],
  previous: readonly Interaction[],
  removed: readonly Interaction[],
  added: readonly Interaction[],
): void {
  edits.set(list, { previous: new WeakRef(previous), removed, added });
}

/** How `list` came from the one before it, if that was noted. */
export function listEditOf(list: readonly Interaction[]): ListEdit | undefined {
  const edit = edits.get(list);
  return edit && { previous: edit.previous.deref(), removed: edit.removed, added: edit.added };
}
