import type * as Y from 'yjs';
import {
  readFields,
  readInstant,
  RecordValidationError,
  validateRecord,
  type RecordDescriptor,
} from '../domain';
import { addStoredRecord, changedRecordIds, recordAt, storedValues } from './storedRecord';

/** Timestamps every record carries beside its fields. */
export const RECORD_STAMPS = { createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;

/** How one kind of record (goal, contact, planned event, introduction) is kept. */
export interface RecordKind<Fields extends object> {
  /** The top-level Y.Map holding the records, by id. */
  readonly root: string;
  readonly descriptor: RecordDescriptor<Fields>;
  /** The order of the list in snapshots. */
  readonly compare: (a: StoredRecord<Fields>, b: StoredRecord<Fields>) => number;
}

export type StoredRecord<Fields extends object> = Readonly<Fields> & {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/**
 * One kind of record in the journal document: a Y.Map from id to the record (see
 * storedRecord.ts). Reads tolerate damage (bad fields read as their defaults); writes are
 * validated, and an update writes only the fields whose value changes.
 */
export class RecordCollection<Fields extends object> {
  private readonly map: Y.Map<unknown>;
  private readonly items = new Map<string, StoredRecord<Fields>>();
  private sorted: readonly StoredRecord<Fields>[] = [];

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly kind: RecordKind<Fields>,
    private readonly onChange: () => void,
  ) {
    this.map = ydoc.getMap(kind.root);
    for (const id of this.map.keys()) this.reread(id);
    this.relist();
    this.map.observeDeep(this.observe);
  }

  /** The shared type, for undo's scope. */
  get shared(): Y.Map<unknown> {
    return this.map;
  }

  /** Every record, in the kind's order; the same array until one changes. */
  get list(): readonly StoredRecord<Fields>[] {
    return this.sorted;
  }

  get(id: string): StoredRecord<Fields> | undefined {
    return this.items.get(id);
  }

  destroy(): void {
    this.map.unobserveDeep(this.observe);
  }

  /** Adds a record; throws RecordValidationError with per-field messages on bad input. */
  add(fields: unknown, origin: unknown, now = new Date()): string {
    const result = validateRecord(this.kind.descriptor.schema, fields);
    if (!result.ok) throw new RecordValidationError(result.errors);
    const id = newRecordId();
    const stamp = now.toISOString();
    this.ydoc.transact(() => {
      addStoredRecord(this.map, id, {
        ...(result.value as object),
        [RECORD_STAMPS.createdAt]: stamp,
        [RECORD_STAMPS.updatedAt]: stamp,
      });
    }, origin);
    return id;
  }

  /**
   * Changes some fields. The whole record is checked with the change (rules between fields,
   * such as an end after a start, hold), then only the fields that differ are written.
   */
  update(id: string, patch: Partial<Fields>, origin: unknown): void {
    const record = recordAt(this.map, id);
    const current = this.items.get(id);
    if (!record || !current) throw new Error('This record no longer exists (it was deleted).');
    const { keys } = this.kind.descriptor;
    const given = Object.entries(patch).filter(([key, value]) => {
      return value !== undefined && (keys as readonly string[]).includes(key);
    });
    const result = validateRecord(this.kind.descriptor.schema, {
      ...this.fieldsOf(current),
      ...Object.fromEntries(given),
    });
    if (!result.ok) throw new RecordValidationError(result.errors);
    const next = result.value as Record<string, unknown>;
    const stored = storedValues(record);
    const changes = given
      .map(([key]) => [key, next[key]] as const)
      .filter(([key, value]) => JSON.stringify(stored(key)) !== JSON.stringify(value));
    if (changes.length === 0) return;
    this.ydoc.transact(() => {
      for (const [key, value] of changes) record.set(key, value);
      record.set(RECORD_STAMPS.updatedAt, new Date().toISOString());
    }, origin);
  }

  remove(ids: Iterable<string>, origin: unknown): void {
    this.ydoc.transact(() => {
      for (const id of ids) this.map.delete(id);
    }, origin);
  }

  /** The fields of a record as the kind defines them (no id or stamps). */
  private fieldsOf(item: StoredRecord<Fields>): Fields {
    const fields: Record<string, unknown> = {};
    for (const key of this.kind.descriptor.keys) {
      fields[key] = (item as Record<string, unknown>)[key];
    }
    return fields as Fields;
  }

  private reread(id: string): void {
    const record = recordAt(this.map, id);
    if (record) this.items.set(id, readRecord(this.kind, id, storedValues(record)));
    else this.items.delete(id);
  }

  private relist(): void {
    this.sorted = [...this.items.values()].sort(this.kind.compare);
  }

  private readonly observe = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const id of changedRecordIds(events)) this.reread(id);
    this.relist();
    this.onChange();
  };
}

/**
 * Reads one stored record: each field that is missing or fails the kind's rules reads as its
 * default, so a record damaged by another client still shows what can be read of it.
 */
export function readRecord<Fields extends object>(
  kind: RecordKind<Fields>,
  id: string,
  stored: (key: string) => unknown,
): StoredRecord<Fields> {
  const stamp = (key: string) => {
    const value = stored(key);
    return typeof value === 'string' ? readInstant(value) : '';
  };
  // Completed in place, not spread: see readInteraction.
  return Object.assign(readFields(kind.descriptor, stored), {
    id,
    createdAt: stamp(RECORD_STAMPS.createdAt),
    updatedAt: stamp(RECORD_STAMPS.updatedAt),
  });
}

interface CryptoLike {
  randomUUID(): string;
}

/** A new, globally unique record id (random UUID; safe across devices). */
export function newRecordId(): string {
  const { crypto } = globalThis as unknown as { crypto: CryptoLike };
  return crypto.randomUUID();
}
