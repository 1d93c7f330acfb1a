import type * as Y from 'yjs';
import { META, ROOT, SCHEMA_VERSION } from './schema';
import { ORIGIN } from './origins';

/** One step of the schema: brings a document from version `from` to `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly description: string;
  /**
   * Runs inside a transaction; must be idempotent, since several devices run it. It must not
   * rewrite fields a person edits (the write would race edits made on other devices): change
   * layouts so that readers understand the old one, and only add what cannot conflict.
   */
  apply(ydoc: Y.Doc): void;
}

/**
 * Version 1 kept people as one comma-separated string and had no time zone per interaction.
 * Readers convert that layout (readInteraction); nothing is rewritten, because a rewrite on
 * one device would be a concurrent write against edits made meanwhile on another, and Yjs
 * keeps only one of them.
 */
const peopleAsListWithTimeZone: Migration = {
  from: 1,
  description:
    'people become a list of names and interactions carry a time zone (read, not rewritten)',
  apply() {
    // Read-compatible change: only the version stamp moves (see the comment above).
  },
};

/**
 * Version 3 writes a new record as one JSON text (`base`) and an edited field under its own
 * key, and keeps reflections in the journal's second document. Records written field by field
 * read as they are (every field is an own key), so nothing in the journal is rewritten here.
 * Reflections move when the reflections document opens (reflectionsMove.ts): that step needs
 * both documents, and runs again whenever a record of the old layout arrives.
 */
const recordsAsOneValue: Migration = {
  from: 2,
  description:
    'records are written as one value with per-field edits; reflections move to their own document',
  apply(ydoc) {
    // Read-compatible: nothing is rewritten. When the move of reflections began is noted, once.
    markReflectionsMoving(ydoc, new Date());
  },
};

/** Notes when schema-2 reflections began to move, unless a device noted it already. */
export function markReflectionsMoving(ydoc: Y.Doc, now: Date): void {
  const meta = ydoc.getMap(ROOT.meta);
  if (typeof meta.get(META.reflectionsMovingSince) !== 'string') {
    meta.set(META.reflectionsMovingSince, now.toISOString());
  }
}

export const MIGRATIONS: readonly Migration[] = [peopleAsListWithTimeZone, recordsAsOneValue];

/** Thrown when a journal was written by a newer version of the app than this one. */
export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `This journal was saved by a newer version of Relevant (schema ${found}; this version reads up to ${SCHEMA_VERSION}). Update Relevant to edit this journal.`,
    );
    this.name = 'NewerSchemaError';
  }
}

/** The schema version stored in a document; an empty, never-written document has none (null). */
export function storedSchemaVersion(ydoc: Y.Doc): number | null {
  const version = ydoc.getMap(ROOT.meta).get(META.schemaVersion);
  if (typeof version === 'number') return version;
  // Documents from before the version was stored, but with content, are version 1.
  return ydoc.getMap(ROOT.interactions).size > 0 ? 1 : null;
}

export interface MigrationReport {
  readonly from: number | null;
  readonly to: number;
  readonly applied: readonly string[];
}

/** Brings a document up to `target`, one transaction per step; refuses newer documents. */
export function migrate(
  ydoc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationReport {
  const from = storedSchemaVersion(ydoc);
  if (from !== null && from > target) throw new NewerSchemaError(from);
  const meta = ydoc.getMap(ROOT.meta);
  const applied: string[] = [];
  if (from === null) {
    ydoc.transact(() => meta.set(META.schemaVersion, target), ORIGIN.migration);
    return { from, to: target, applied };
  }
  for (let version = from; version < target; version++) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) throw new Error(`No migration from schema ${version} to ${version + 1}.`);
    ydoc.transact(() => {
      step.apply(ydoc);
      meta.set(META.schemaVersion, version + 1);
    }, ORIGIN.migration);
    applied.push(step.description);
  }
  return { from, to: target, applied };
}
