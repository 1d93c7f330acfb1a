import * as Y from 'yjs';

/**
 * A record in the journal document (schema 3): a Y.Map whose key `base` holds, as one JSON
 * text, the fields it was created with; a field edited since is set under its own key,
 * which overrides the base. Two items per new record, and a field change is one small
 * entry: two devices editing different fields of a record both keep their edit.
 */
export const BASE_KEY = 'base';

/** The base of a record as stored: JSON text of an object (an object is read too). */
function parseBase(value: unknown): Readonly<Record<string, unknown>> | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/**
 * What a record stores under each key: its own key when set (an edit since creation, or a
 * record written field by field, as schema 2 did), otherwise the base's value.
 */
export function storedValues(record: Y.Map<unknown>): (key: string) => unknown {
  let base: Readonly<Record<string, unknown>> | null = null;
  let own: Map<string, unknown> | null = null;
  // The map's own entries, without Y.Map's iterator (this runs for every record on opening).
  for (const [key, item] of record._map) {
    if (item.deleted) continue;
    const value: unknown = item.content.getContent()[item.length - 1];
    if (key === BASE_KEY) base = parseBase(value);
    else (own ??= new Map()).set(key, value);
  }
  return (key) => {
    if (own?.has(key)) return own.get(key);
    return base !== null && Object.hasOwn(base, key) ? base[key] : undefined;
  };
}

/** Adds a record under `id`: its values as the base, in one JSON text. */
export function addStoredRecord(
  parent: Y.Map<unknown>,
  id: string,
  values: Readonly<Record<string, unknown>>,
): void {
  const record = new Y.Map<unknown>();
  parent.set(id, record);
  record.set(BASE_KEY, JSON.stringify(values));
}

/** The record stored under `id`, or undefined (none, or not a record). */
export function recordAt(parent: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const record = parent.get(id);
  return record instanceof Y.Map ? (record as Y.Map<unknown>) : undefined;
}

/** The records whose entries changed in a deep observer's events, by id. */
export function changedRecordIds(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
): Set<string> {
  const changed = new Set<string>();
  for (const event of events) {
    if (event.path.length === 0) {
      for (const key of event.changes.keys.keys()) changed.add(key);
    } else {
      changed.add(String(event.path[0]));
    }
  }
  return changed;
}
