import * as Y from 'yjs';
import {
  asInteractionId,
  compareNewestFirst,
  newInteractionId,
  readInteraction,
  recordListEdit,
  validateInteraction,
  validateInteractionPatch,
  ValidationError,
  type Interaction,
  type InteractionFields,
  type InteractionId,
  type InteractionPatch,
  type SampleInteraction,
} from '../domain';
import type { AnalyticsSettings } from '../analytics';
import { mergeNewestFirst, resort, type JournalSnapshot } from './journalSnapshot';
import { isMonthKey, MONTH_NOTE_MAX_LENGTH, readMonthNotes, replaceText } from './monthNotes';
import { readSettings, sameSettings, settingEntries } from './settings';
import { decodeJournalFile, encodeJournalFile } from './journalFile';
import { dropMovedReflections } from './reflectionsMove';
import { reflectionsMap } from './reflectionEntries';
import { restoreAsChanges, restoreReflectionsAsChanges } from './restoreAsChanges';
import { RecordCollection, type StoredRecord } from './recordCollection';
import { RECORD_KINDS, type RecordFieldsOf, type RecordKindName } from './recordKinds';
import { migrate, storedSchemaVersion, NewerSchemaError, type MigrationReport } from './migrations';
import { ORIGIN, type Origin } from './origins';
import { JournalReflections, type Scheduler } from './reflections';
import { reflectionText } from './reflectionText';
import { FIELD, ROOT, SCHEMA_VERSION } from './schema';
import { addStoredRecord, changedRecordIds, recordAt, storedValues } from './storedRecord';

/** Schema-2 reflections copied at once after a change; more wait for the next copy. */
const COPY_ON_CHANGE = 100;

export interface AddOptions {
  /** Starting reflection, as plain paragraphs (its rich text is made from them when first opened). */
  readonly reflection?: readonly string[];
  /** Marks the interaction as part of the removable sample journal. */
  readonly sample?: boolean;
  readonly origin?: Origin;
  /** Clock for createdAt/updatedAt (tests pass a fixed one). */
  readonly now?: Date;
  /** Its id, when it was chosen earlier (logged before the journal had opened). */
  readonly id?: InteractionId;
}

/**
 * A journal: typed commands and snapshot queries over one Yjs document. The only place
 * that reads or writes the document's shared types. Every command is one transaction
 * with an origin; undo covers the local commands of this device only.
 */
export class JournalDoc {
  readonly ydoc: Y.Doc;
  /** Values are records (Y.Map); another client may have put anything there, see recordOf. */
  private readonly interactions: Y.Map<unknown>;
  private readonly meta: Y.Map<unknown>;
  private readonly notes: Y.Map<unknown>;
  private readonly settings: Y.Map<unknown>;
  private readonly dismissed: Y.Map<unknown>;
  private dismissedSuggestions: ReadonlySet<string>;
  /** Goals, contacts, planned events and introductions. */
  private readonly collections: { [K in RecordKindName]: RecordCollection<RecordFieldsOf[K]> };
  private analyticsSettings: AnalyticsSettings;
  private monthNotes: ReadonlyMap<string, string>;
  private readonly undoManager: Y.UndoManager;
  private readonly records = new Map<InteractionId, Interaction>();
  /** How many of the records are sample interactions (the snapshot says whether any is). */
  private samples = 0;
  private readonly listeners = new Set<() => void>();
  private snapshot: JournalSnapshot;
  /** The reflections' own document, once it is open (see attachReflections). */
  private reflections: JournalReflections | null = null;
  /** Records that still hold their reflection inside (schema 2), by id. */
  private readonly oldReflections = new Set<InteractionId>();
  /** Of those, the ones whose reflection changed since the reflections last copied them. */
  private readonly oldReflectionsChanged = new Set<InteractionId>();
  /** While loading, changes are read but the list is sorted and shown only at the end. */
  private loading: boolean;
  /** While loading: the records each change brought, each run sorted (see finishLoading). */
  private loadedRuns: Interaction[][] = [];

  constructor(ydoc: Y.Doc = new Y.Doc(), options: { readonly loading?: boolean } = {}) {
    this.loading = options.loading ?? false;
    this.ydoc = ydoc;
    this.interactions = ydoc.getMap(ROOT.interactions);
    this.meta = ydoc.getMap(ROOT.meta);
    this.notes = ydoc.getMap(ROOT.monthNotes);
    this.monthNotes = readMonthNotes(this.notes);
    this.settings = ydoc.getMap(ROOT.settings);
    this.analyticsSettings = readSettings(this.settings);
    this.dismissed = ydoc.getMap(ROOT.dismissedSuggestions);
    this.dismissedSuggestions = new Set(this.dismissed.keys());
    this.collections = {
      goals: new RecordCollection(ydoc, RECORD_KINDS.goals, this.onRecordsChange),
      contacts: new RecordCollection(ydoc, RECORD_KINDS.contacts, this.onRecordsChange),
      plannedEvents: new RecordCollection(ydoc, RECORD_KINDS.plannedEvents, this.onRecordsChange),
      introductions: new RecordCollection(ydoc, RECORD_KINDS.introductions, this.onRecordsChange),
    };
    for (const key of this.interactions.keys()) this.reread(asInteractionId(key));
    if (this.loading) this.loadedRuns.push(this.sortedRecords(this.records.keys()));
    this.snapshot = this.snapshotOf(resort([], this.records, new Set(this.records.keys())));
    const recordMaps = Object.values(this.collections).map((collection) => collection.shared);
    this.undoManager = new Y.UndoManager([this.interactions, ...recordMaps, this.dismissed], {
      trackedOrigins: new Set([ORIGIN.local]),
      captureTimeout: 0,
    });
    this.interactions.observeDeep(this.onDeepChange);
    this.meta.observe(this.onMetaChange);
    this.notes.observeDeep(this.onNotesChange);
    this.settings.observe(this.onSettingsChange);
    this.dismissed.observe(this.onDismissedChange);
  }

  /** Stops observing; the Y.Doc itself stays usable. */
  destroy(): void {
    this.reflections?.destroy();
    this.interactions.unobserveDeep(this.onDeepChange);
    this.meta.unobserve(this.onMetaChange);
    this.notes.unobserveDeep(this.onNotesChange);
    this.settings.unobserve(this.onSettingsChange);
    this.dismissed.unobserve(this.onDismissedChange);
    for (const collection of Object.values(this.collections)) collection.destroy();
    this.undoManager.destroy();
    this.listeners.clear();
  }

  // ---- queries ------------------------------------------------------------------------

  /** The current snapshot: the same object until the journal changes (for useSyncExternalStore). */
  getSnapshot = (): JournalSnapshot => this.snapshot;

  /** Calls `listener` after every change (local, remote or undo); returns an unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `listener` after a change from another device that added or removed interactions
   * (their reflections may be on their way); returns an unsubscribe.
   */
  onInteractionsArrived(listener: () => void): () => void {
    const afterTransaction = (transaction: Y.Transaction) => {
      const changed = transaction.changed as Map<unknown, Set<string | null>>;
      if (!transaction.local && changed.has(this.interactions)) listener();
    };
    this.ydoc.on('afterTransaction', afterTransaction);
    return () => this.ydoc.off('afterTransaction', afterTransaction);
  }

  get(id: InteractionId): Interaction | undefined {
    return this.records.get(id);
  }

  /**
   * The shared rich text of a reflection, for binding an editor; null if the interaction was
   * deleted, or while the reflections are not open yet (the snapshot says when they are).
   */
  reflectionFragment(id: InteractionId): Y.XmlFragment | null {
    return this.reflections?.fragment(id) ?? null;
  }

  /** The journal's reflections, once attached. */
  get openReflections(): JournalReflections | null {
    return this.reflections;
  }

  /** How many records still hold their reflection inside (schema 2), to be moved. */
  get oldReflectionCount(): number {
    return this.oldReflections.size;
  }

  /**
   * Opens the reflections (the second document of the journal, loaded after this one); from
   * then on reflectionFragment gives their rich text, and their plain text is kept here.
   */
  attachReflections(ydoc: Y.Doc, schedule?: Scheduler): JournalReflections {
    if (this.reflections) throw new Error('The reflections are open already.');
    this.reflections = new JournalReflections(
      ydoc,
      {
        ydoc: this.ydoc,
        has: (id) => this.records.has(asInteractionId(id)),
        reflectionText: (id) => this.records.get(asInteractionId(id))?.reflectionText ?? '',
        storedText: (id) => {
          const record = this.recordOf(asInteractionId(id));
          return record ? storedValues(record)(FIELD.reflectionText) : undefined;
        },
        loggedWithoutReflections: (id) => {
          const record = this.recordOf(asInteractionId(id));
          return record ? storedValues(record)(FIELD.reflectionFromText) === true : false;
        },
        seedText: (id) => {
          const record = this.recordOf(asInteractionId(id));
          if (!record || record.has(FIELD.reflectionText)) return null;
          const stored = storedValues(record);
          const text = stored(FIELD.reflectionText);
          return stored(FIELD.reflectionFromText) === true && typeof text === 'string'
            ? text
            : null;
        },
        hasOldReflection: (id) => this.oldReflections.has(asInteractionId(id)),
        takeOldReflections: (limit) => {
          const taken: string[] = [];
          for (const id of this.oldReflectionsChanged) {
            if (taken.length >= limit) break;
            taken.push(id);
          }
          for (const id of taken) this.oldReflectionsChanged.delete(asInteractionId(id));
          return taken;
        },
        writeTexts: (texts) => this.writeReflectionTexts(texts),
      },
      schedule,
    );
    this.snapshot = this.sameListSnapshot();
    this.notify();
    return this.reflections;
  }

  /**
   * Ends loading (see the constructor's `loading`): the runs of records read meanwhile are
   * merged into the sorted list, a level of merging at a time with `pause` between levels (a
   * merge is a pass over the journal; sorting 100k interactions at once took a long task),
   * and listeners hear of it once.
   */
  async finishLoading(pause?: () => Promise<void>): Promise<void> {
    if (!this.loading) return;
    const current = (item: Interaction) => this.records.get(item.id) === item;
    let runs = this.takeLoadedRuns(current);
    while (runs.length > 1 || this.loadedRuns.length > 0) {
      runs.push(...this.takeLoadedRuns(current));
      const next: Interaction[][] = [];
      for (let index = 0; index < runs.length; index += 2) {
        next.push(mergeNewestFirst(runs[index] ?? [], runs[index + 1] ?? [], current));
      }
      runs = next;
      if (pause && runs.length > 1) await pause();
    }
    const list = runs[0] ?? [];
    recordListEdit(list, [], [], list);
    this.loading = false;
    this.snapshot = this.snapshotOf(list);
    this.notify();
  }

  private takeLoadedRuns(current: (item: Interaction) => boolean): Interaction[][] {
    const runs = this.loadedRuns.map((run) => run.filter(current));
    this.loadedRuns = [];
    return runs;
  }

  /** Whether undo can run now (never in a read-only journal, where it would throw). */
  get canUndo(): boolean {
    return this.undoManager.canUndo() && this.readOnlyReason === null;
  }

  get canRedo(): boolean {
    return this.undoManager.canRedo() && this.readOnlyReason === null;
  }

  /** Why the journal cannot be changed, or null when it can (a newer schema is read-only). */
  get readOnlyReason(): string | null {
    const version = storedSchemaVersion(this.ydoc);
    return version !== null && version > SCHEMA_VERSION
      ? new NewerSchemaError(version).message
      : null;
  }

  // ---- commands -----------------------------------------------------------------------

  /** Adds an interaction; throws ValidationError with per-field messages on bad input. */
  addInteraction(fields: InteractionFields | Record<string, unknown>, options: AddOptions = {}) {
    this.assertWritable();
    const result = validateInteraction(fields);
    if (!result.ok) throw new ValidationError(result.errors);
    const id = options.id ?? newInteractionId();
    if (this.records.has(id)) throw new Error('An interaction with this id exists already.');
    const now = (options.now ?? new Date()).toISOString();
    const text = options.reflection?.join('\n') ?? '';
    // With the reflections open, its reflection is made now; otherwise the record says that
    // it is still to be made, by any device, from the text (see JournalReflections.fragment).
    const later = this.reflections === null;
    this.ydoc.transact(() => {
      addStoredRecord(this.interactions, id, {
        ...result.value,
        [FIELD.createdAt]: now,
        [FIELD.updatedAt]: now,
        ...(options.sample ? { [FIELD.sample]: true } : {}),
        ...(text ? { [FIELD.reflectionText]: text } : {}),
        ...(later ? { [FIELD.reflectionFromText]: true } : {}),
      });
    }, options.origin ?? ORIGIN.local);
    this.reflections?.makeEntry(id, text ? (options.reflection ?? []) : []);
    this.undoManager.stopCapturing();
    return id;
  }

  /** Changes some fields; only fields whose value differs are written, so concurrent edits of other fields survive. */
  updateInteraction(id: InteractionId, patch: InteractionPatch | Record<string, unknown>): void {
    this.assertWritable();
    const record = this.recordOf(id);
    if (!record) throw new Error('This interaction no longer exists (it was deleted).');
    const result = validateInteractionPatch(patch);
    if (!result.ok) throw new ValidationError(result.errors);
    const stored = storedValues(record);
    const changes = Object.entries(result.value).filter(
      ([key, value]) => JSON.stringify(stored(key)) !== JSON.stringify(value),
    );
    if (changes.length === 0) return;
    this.ydoc.transact(() => {
      for (const [key, value] of changes) record.set(key, value);
      record.set(FIELD.updatedAt, new Date().toISOString());
    }, ORIGIN.local);
    this.undoManager.stopCapturing();
  }

  /** Deletes interactions in one undoable step. */
  deleteInteractions(ids: Iterable<InteractionId>, origin: Origin = ORIGIN.local): void {
    this.assertWritable();
    this.ydoc.transact(() => {
      for (const id of ids) this.interactions.delete(id);
    }, origin);
    this.undoManager.stopCapturing();
  }

  deleteInteraction(id: InteractionId): void {
    this.deleteInteractions([id]);
  }

  /**
   * Undoes the last local command; returns false when that changed nothing (there was none, or
   * other devices have since overwritten or deleted all it touched). Never reaches further back.
   */
  undo(): boolean {
    this.assertWritable();
    return this.popOneStep(this.undoManager.undoStack, () => this.undoManager.undo());
  }

  /** Redoes the last undone command; false when that changed nothing. */
  redo(): boolean {
    this.assertWritable();
    return this.popOneStep(this.undoManager.redoStack, () => this.undoManager.redo());
  }

  /** Adds the sample journal in one transaction; every entry is marked as sample. */
  loadSample(entries: readonly SampleInteraction[]): void {
    this.ydoc.transact(() => {
      for (const entry of entries) {
        this.addInteraction(entry.fields, { reflection: entry.reflection, sample: true });
      }
    }, ORIGIN.sample);
  }

  /** Removes every sample interaction in one step (undoable). */
  removeSample(): number {
    const ids = this.snapshot.interactions.filter((item) => item.sample).map((item) => item.id);
    this.deleteInteractions(ids);
    return ids.length;
  }

  /** Adds a goal, contact, planned event or introduction; returns its id. Undoable. */
  addRecord<K extends RecordKindName>(kind: K, fields: RecordFieldsOf[K]): string {
    this.assertWritable();
    const id = this.collections[kind].add(fields, ORIGIN.local);
    this.undoManager.stopCapturing();
    return id;
  }

  /** Changes some fields of a record; only those whose value changes are written. Undoable. */
  updateRecord<K extends RecordKindName>(
    kind: K,
    id: string,
    patch: Partial<RecordFieldsOf[K]>,
  ): void {
    this.assertWritable();
    this.collections[kind].update(id, patch, ORIGIN.local);
    this.undoManager.stopCapturing();
  }

  /** Deletes records of one kind in one undoable step. */
  deleteRecords(kind: RecordKindName, ids: Iterable<string>): void {
    this.assertWritable();
    this.collections[kind].remove(ids, ORIGIN.local);
    this.undoManager.stopCapturing();
  }

  /** A record by id, or undefined if there is none. */
  getRecord<K extends RecordKindName>(
    kind: K,
    id: string,
  ): StoredRecord<RecordFieldsOf[K]> | undefined {
    return this.collections[kind].get(id);
  }

  /**
   * Runs several commands as one change and one undo step (turning names into contacts,
   * merging two contacts). Check inputs first: what ran before a throw stays written.
   */
  inOneStep(commands: () => void): void {
    this.assertWritable();
    this.ydoc.transact(commands, ORIGIN.local);
    this.undoManager.stopCapturing();
  }

  /** Hides a suggestion (an introduction, say) on every device, for good. Undoable. */
  dismissSuggestion(key: string, day: string): void {
    this.assertWritable();
    if (key.length === 0 || key.length > 300) throw new Error('Not a suggestion key.');
    if (this.dismissed.has(key)) return;
    this.ydoc.transact(() => this.dismissed.set(key, day), ORIGIN.local);
    this.undoManager.stopCapturing();
  }

  /**
   * Sets "What I'll change next month" on a month's report (YYYY-MM). Only the edited part of
   * the note is written, so edits made on two devices merge.
   */
  setMonthNote(month: string, text: string): void {
    this.assertWritable();
    if (!isMonthKey(month)) throw new Error(`"${month}" is not a month (YYYY-MM).`);
    if (text.length > MONTH_NOTE_MAX_LENGTH) {
      throw new Error(`The note can be at most ${MONTH_NOTE_MAX_LENGTH} characters.`);
    }
    this.ydoc.transact(() => {
      let note = this.notes.get(month);
      if (!(note instanceof Y.Text)) {
        if (text === '') return;
        note = new Y.Text();
        this.notes.set(month, note);
      }
      replaceText(note as Y.Text, text);
    }, ORIGIN.local);
  }

  /**
   * Changes how figures are counted (bands, weeks, suggestion thresholds). Only settings whose
   * value changes are written, so a change made on another device to another setting survives.
   */
  setAnalyticsSettings(settings: AnalyticsSettings): void {
    this.assertWritable();
    const current = new Map(settingEntries(this.analyticsSettings));
    const changes = settingEntries(settings).filter(
      ([key, value]) => JSON.stringify(current.get(key)) !== JSON.stringify(value),
    );
    if (changes.length === 0) return;
    this.ydoc.transact(() => {
      for (const [key, value] of changes) this.settings.set(key, value);
    }, ORIGIN.local);
  }

  /** Brings the document to the current schema; call after storage has loaded. */
  migrate(): MigrationReport {
    return migrate(this.ydoc);
  }

  /** The journal document as one Yjs update (what syncs; the reflections are not in it). */
  encode(): Uint8Array {
    return Y.encodeStateAsUpdate(this.ydoc);
  }

  /** The whole journal as one file, reflections included when they are open (for backups). */
  encodeFile(): Uint8Array {
    return encodeJournalFile({
      journal: this.encode(),
      reflections: this.reflections ? Y.encodeStateAsUpdate(this.reflections.ydoc) : null,
    });
  }

  /** Merges an encoded update (from a backup or another device) into this journal. */
  applyUpdate(update: Uint8Array, origin: Origin = ORIGIN.restore): void {
    Y.applyUpdate(this.ydoc, update, origin);
  }

  /**
   * Makes this journal equal to a backup (a journal file, or an older backup's bare update)
   * through new changes (see restoreAsChanges): the way to restore a journal that syncs. The
   * backup is brought to the current schema first; one from a newer app version is refused.
   * Its reflections are restored too, so they must be open. Not undoable: take a backup first.
   */
  restoreFrom(backup: Uint8Array): void {
    this.assertWritable();
    const reflections = this.reflections;
    if (!reflections) {
      throw new Error('The reflections are still opening; try the restore again in a moment.');
    }
    const file = decodeJournalFile(backup);
    const probe = new Y.Doc();
    const probeReflections = new Y.Doc();
    try {
      Y.applyUpdate(probe, file.journal, ORIGIN.restore);
      if (storedSchemaVersion(probe) === null) {
        throw new Error('This file holds no Relevant journal, so nothing was restored.');
      }
      if (file.reflections) Y.applyUpdate(probeReflections, file.reflections, ORIGIN.restore);
      migrate(probe);
      // A backup of schema 2 holds its reflections inside: move them as a device would.
      dropMovedReflections(probe, probeReflections, (id) => {
        const record = recordAt(probe.getMap(ROOT.interactions), id);
        return record ? storedValues(record)(FIELD.reflectionText) : undefined;
      });
      restoreAsChanges(this.ydoc, probe, ORIGIN.restore);
      // A backup made while the reflections were not open holds none: the rich text of
      // reflections is left as it is then (their plain text is restored with the journal).
      const hasReflections = file.reflections !== null || reflectionsMap(probeReflections).size > 0;
      if (hasReflections) {
        restoreReflectionsAsChanges(reflections.ydoc, probeReflections, ORIGIN.restore);
      }
    } finally {
      probe.destroy();
      probeReflections.destroy();
    }
  }

  // ---- internals ----------------------------------------------------------------------

  /**
   * Runs one undo or redo with only the newest step on the stack. Y.UndoManager pops further
   * steps, in the same transaction, while a step changes nothing: after another device had
   * overwritten my last rating, one press of undo deleted an interaction I had added before.
   * Here such a step is used up on its own, and older steps wait for the next press.
   */
  private popOneStep(stack: unknown[], pop: () => unknown): boolean {
    if (stack.length === 0) return false;
    const older = stack.splice(0, stack.length - 1);
    try {
      return pop() !== null;
    } finally {
      stack.unshift(...older);
    }
  }

  /** The record of an interaction; undefined if there is none, or the entry is not a Y.Map. */
  private recordOf(id: InteractionId): Y.Map<unknown> | undefined {
    return recordAt(this.interactions, id);
  }

  /**
   * Reads one record again after it changed (or was deleted); returns its previous version.
   * A record of schema 2 keeps its reflection inside: its plain text is read from there until
   * the reflection has moved to the reflections document.
   */
  private reread(id: InteractionId): Interaction | undefined {
    const old = this.records.get(id);
    if (old?.sample) this.samples--;
    const record = this.recordOf(id);
    if (!record) {
      this.records.delete(id);
      this.oldReflections.delete(id);
      this.oldReflectionsChanged.delete(id);
      return old;
    }
    const stored = storedValues(record);
    const oldReflection = record.get(FIELD.reflection);
    let lookup = stored;
    if (oldReflection instanceof Y.XmlFragment) {
      this.oldReflections.add(id);
      this.oldReflectionsChanged.add(id);
      if (stored(FIELD.reflectionText) === undefined) {
        lookup = (key) =>
          key === FIELD.reflectionText ? reflectionText(oldReflection) : stored(key);
      }
    } else {
      this.oldReflections.delete(id);
      this.oldReflectionsChanged.delete(id);
    }
    const next = readInteraction(id, lookup);
    this.records.set(id, next);
    if (next.sample) this.samples++;
    return old;
  }

  /** The records of `ids` that exist, newest first. */
  private sortedRecords(ids: Iterable<InteractionId>): Interaction[] {
    const run: Interaction[] = [];
    for (const id of ids) {
      const item = this.records.get(id);
      if (item) run.push(item);
    }
    return run.sort(compareNewestFirst);
  }

  /** Sets reflections' plain texts (kept by JournalReflections); not an undoable step. */
  private writeReflectionTexts(texts: ReadonlyMap<string, string>): void {
    if (this.readOnlyReason !== null) return;
    this.ydoc.transact(() => {
      for (const [id, text] of texts)
        this.recordOf(asInteractionId(id))?.set(FIELD.reflectionText, text);
    }, ORIGIN.reflectionText);
  }

  private assertWritable(): void {
    const reason = this.readOnlyReason;
    if (reason) throw new Error(reason);
  }

  private readonly notify = (): void => {
    // While loading nothing is shown yet: listeners hear once, at the end.
    if (this.loading) return;
    for (const listener of [...this.listeners]) listener();
  };

  private readonly onDeepChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const changed = changedRecordIds(events) as Set<InteractionId>;
    const replaced: Interaction[] = [];
    for (const id of changed) {
      const old = this.reread(id);
      if (old) replaced.push(old);
    }
    if (this.loading) {
      this.loadedRuns.push(this.sortedRecords(changed));
      return;
    }
    // A device still on schema 2 edited a reflection inside its record: copy what came.
    if (this.reflections && this.oldReflectionsChanged.size > 0) {
      this.reflections.copyOldReflections(COPY_ON_CHANGE);
    }
    this.snapshot = this.snapshotOf(
      resort(this.snapshot.interactions, this.records, changed, replaced),
    );
    this.notify();
  };

  /** A new schema version (a migration, or a newer app on another device) may make it read-only. */
  private readonly onMetaChange = (): void => {
    this.snapshot = this.sameListSnapshot();
    this.notify();
  };

  private readonly onNotesChange = (): void => {
    this.monthNotes = readMonthNotes(this.notes);
    this.snapshot = this.sameListSnapshot();
    this.notify();
  };

  private readonly onSettingsChange = (): void => {
    const next = readSettings(this.settings);
    if (sameSettings(next, this.analyticsSettings)) return;
    this.analyticsSettings = next;
    this.snapshot = this.sameListSnapshot();
    this.notify();
  };

  private readonly onRecordsChange = (): void => {
    this.snapshot = this.sameListSnapshot();
    this.notify();
  };

  private readonly onDismissedChange = (): void => {
    this.dismissedSuggestions = new Set(this.dismissed.keys());
    this.snapshot = this.sameListSnapshot();
    this.notify();
  };

  /** A new snapshot after a note, setting or schema change: the list stays. */
  private sameListSnapshot(): JournalSnapshot {
    return this.snapshotOf(this.snapshot.interactions);
  }

  /** A new snapshot object over the given sorted interactions and the current notes and state. */
  private snapshotOf(interactions: readonly Interaction[]): JournalSnapshot {
    let byId: Map<InteractionId, Interaction> | undefined;
    return {
      interactions,
      // Built on first use: copying 20k entries on every change would slow every keystroke.
      get byId() {
        return (byId ??= new Map(interactions.map((item) => [item.id, item])));
      },
      hasSample: this.samples > 0,
      readOnlyReason: this.readOnlyReason,
      reflectionsOpen: this.reflections !== null,
      monthNotes: this.monthNotes,
      analyticsSettings: this.analyticsSettings,
      goals: this.collections.goals.list,
      contacts: this.collections.contacts.list,
      plannedEvents: this.collections.plannedEvents.list,
      introductions: this.collections.introductions.list,
      dismissedSuggestions: this.dismissedSuggestions,
    };
  }
}
