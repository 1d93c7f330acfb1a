import * as Y from 'yjs';
import { ORIGIN } from './origins';
import { reflectionText, writeReflectionParagraphs } from './reflectionText';
import { markReflectionsMoving } from './migrations';
import { copyReflections, dropMovedReflections } from './reflectionsMove';
import {
  derivedClientId,
  makeReflectionEntry,
  makeSharedReflectionEntry,
  reflectionEntry,
  reflectionsMap,
  writeAs,
} from './reflectionEntries';
import { META, OLD_REFLECTIONS_KEPT_DAYS, ROOT } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the reflections need of the journal they belong to. */
export interface ReflectionsJournal {
  readonly ydoc: Y.Doc;
  /** Whether the interaction exists (a reflection of a deleted one is left alone). */
  has(id: string): boolean;
  /** The plain text of its reflection as the journal holds it. */
  reflectionText(id: string): string;
  /** The plain text stored on its record, if any (not read from a schema-2 reflection). */
  storedText(id: string): unknown;
  /**
   * Whether it was logged while the reflections were not open: then any device may make its
   * entry (see reflectionEntries.ts), and its rich text may be made from its text.
   */
  loggedWithoutReflections(id: string): boolean;
  /**
   * The plain text it was logged with, when it was logged without its rich text (the
   * reflections were not open) and no rich text was written for it since: only then may its
   * rich text be made from it (see fragment()).
   */
  seedText(id: string): string | null;
  /** Whether its record still holds its schema-2 reflection. */
  hasOldReflection(id: string): boolean;
  /** Takes up to `limit` records whose schema-2 reflection changed since last asked. */
  takeOldReflections(limit: number): string[];
  /** Sets the plain texts of reflections that changed, in one change of the journal. */
  writeTexts(texts: ReadonlyMap<string, string>): void;
}

/** Runs `run` after `delayMs`; returns a cancel function (setTimeout in the app). */
export type Scheduler = (run: () => void, delayMs: number) => () => void;

/** How long after typing the plain text is written: edits pause, then one change. */
export const LOCAL_TEXT_DELAY_MS = 1000;
/**
 * After a change from another device, whose own copy of the plain text usually arrives
 * within that time: waiting longer spares every device writing the same text.
 */
export const REMOTE_TEXT_DELAY_MS = 5000;

/**
 * The seed format, part of every seed's client id: a change to how seeds are written must
 * change it, so that a new seed can never share ids with a different old one.
 */
const SEED_FORMAT = 'paragraphs/1';

/**
 * The reflections of one journal: a Yjs document of its own (loaded after the journal is
 * editable), in which each interaction's reflection is a Y.XmlFragment under its id (see
 * reflectionEntries.ts). The journal keeps each reflection's plain text, so that search, the
 * timeline and reports never wait for this document; this class keeps that text up to date.
 */
export class JournalReflections {
  /** Reflections whose text may have changed, with whether the change was made here. */
  private readonly changed = new Map<string, 'here' | 'elsewhere'>();
  private cancelWrite: (() => void) | null = null;
  private writeDue = Number.POSITIVE_INFINITY;
  /** Reflections open for editing here, and who wants to know when there are any. */
  private editors = 0;
  private readonly editingListeners = new Set<(editing: boolean) => void>();

  private readonly map: Y.Map<unknown>;

  constructor(
    readonly ydoc: Y.Doc,
    private readonly journal: ReflectionsJournal,
    private readonly schedule?: Scheduler,
  ) {
    this.map = reflectionsMap(ydoc);
    ydoc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.writeTexts();
    this.ydoc.off('afterTransaction', this.onTransaction);
  }

  /**
   * The rich text of an interaction's reflection, for an editor to bind to; null when the
   * interaction does not exist, or when its reflection has not reached this device yet (it
   * was logged on another, see reflectionEntries.ts; onArrival says when it comes). A
   * reflection logged as plain paragraphs without its rich text (the reflections were not
   * open), and never written as rich text since (anywhere: the record says so), gets them
   * as its first content.
   */
  fragment(id: string): Y.XmlFragment | null {
    if (!this.journal.has(id)) return null;
    // A schema-2 reflection moves first: seeding it from its text would copy it twice.
    if (this.journal.hasOldReflection(id)) this.copy([id]);
    let fragment = reflectionEntry(this.ydoc, id);
    if (!fragment && this.journal.loggedWithoutReflections(id)) {
      fragment = this.ydoc.transact(() => makeSharedReflectionEntry(this.ydoc, id), ORIGIN.seed);
    }
    if (fragment && fragment._start === null) this.seed(id, fragment);
    return fragment;
  }

  /** Whether the reflection of `id` is on this device (see fragment()). */
  has(id: string): boolean {
    return reflectionEntry(this.ydoc, id) !== null;
  }

  /** Calls `listener` when the reflection of `id` reaches this device. */
  onArrival(id: string, listener: () => void): () => void {
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(id)) listener();
    };
    this.map.observe(observer);
    return () => this.map.unobserve(observer);
  }

  /**
   * Says that a reflection is open for editing here (sync keeps the reflections connected
   * meanwhile, see JournalSync.holdReflections); returns the release, which also writes the
   * plain text at once.
   */
  edit(): () => void {
    if (this.editors++ === 0) for (const listener of this.editingListeners) listener(true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.writeTexts();
      if (--this.editors === 0) for (const listener of this.editingListeners) listener(false);
    };
  }

  /** Calls `listener` when the first reflection opens for editing and the last closes. */
  onEditing(listener: (editing: boolean) => void): () => void {
    this.editingListeners.add(listener);
    return () => this.editingListeners.delete(listener);
  }

  /**
   * Makes the reflection of an interaction just logged here, with its first paragraphs if
   * any (rich text made from plain paragraphs).
   */
  makeEntry(id: string, paragraphs: readonly string[]): void {
    this.ydoc.transact(() => {
      const fragment = makeReflectionEntry(this.ydoc, id);
      if (paragraphs.length > 0) writeReflectionParagraphs(fragment, paragraphs);
    }, ORIGIN.seed);
  }

  /** Plain text of the reflection as its rich text reads now. */
  textOf(id: string): string {
    const fragment = reflectionEntry(this.ydoc, id);
    return fragment ? reflectionText(fragment) : '';
  }

  /**
   * Copies schema-2 reflections that changed since last time (all of them, the first time)
   * into this document, at most `limit` records at a time; returns how many are left.
   */
  copyOldReflections(limit = Number.POSITIVE_INFINITY): number {
    this.copy(this.journal.takeOldReflections(limit));
    return this.journal.takeOldReflections(0).length;
  }

  /**
   * When the schema-2 reflections may leave their records: OLD_REFLECTIONS_KEPT_DAYS after
   * the first device upgraded (null: not known yet; it is noted now).
   */
  oldReflectionsDropDue(now = new Date()): Date | null {
    const meta = this.journal.ydoc.getMap(ROOT.meta);
    const since = meta.get(META.reflectionsMovingSince);
    if (typeof since !== 'string' || Number.isNaN(Date.parse(since))) {
      this.journal.ydoc.transact(
        () => markReflectionsMoving(this.journal.ydoc, now),
        ORIGIN.migration,
      );
      return null;
    }
    return new Date(Date.parse(since) + OLD_REFLECTIONS_KEPT_DAYS * DAY_MS);
  }

  /**
   * Once they are due (see oldReflectionsDropDue) and their copies here are stored (the
   * caller waits for that), removes the schema-2 reflections from the journal, so that it
   * loads faster; returns the ids of the records it changed.
   */
  dropOldReflections(now = new Date()): string[] {
    const due = this.oldReflectionsDropDue(now);
    if (due === null || now < due) return [];
    return dropMovedReflections(this.journal.ydoc, this.ydoc, (id) => this.journal.storedText(id));
  }

  /** Writes the plain text of every reflection changed since the last write, at once. */
  writeTexts(): void {
    this.cancelWrite?.();
    this.cancelWrite = null;
    this.writeDue = Number.POSITIVE_INFINITY;
    const ids = [...this.changed.keys()];
    this.changed.clear();
    this.storeTexts(ids);
  }

  /**
   * Checks the stored plain text of some reflections against their rich text and corrects
   * it (text written by two devices at once, or by one that stopped before writing it).
   */
  checkTexts(ids: Iterable<string>): number {
    return this.storeTexts(ids);
  }

  private copy(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const copied = copyReflections(this.journal.ydoc, this.ydoc, ids);
    // What arrived in a schema-2 reflection changes its plain text here too.
    for (const id of copied) if (!this.changed.has(id)) this.changed.set(id, 'elsewhere');
    if (copied.length > 0) this.planWrite('elsewhere');
  }

  private storeTexts(ids: Iterable<string>): number {
    const texts = new Map<string, string>();
    for (const id of ids) {
      if (!this.journal.has(id)) continue;
      const fragment = reflectionEntry(this.ydoc, id);
      // Never written as rich text: the plain text is the reflection (see fragment()).
      if (fragment === null || fragment._start === null) continue;
      const text = reflectionText(fragment);
      if (text !== this.journal.reflectionText(id)) texts.set(id, text);
    }
    if (texts.size > 0) this.journal.writeTexts(texts);
    return texts.size;
  }

  /**
   * Writes plain paragraphs as the reflection's first content, as a client whose id comes
   * from the interaction and the text: every device that seeds the same reflection from the
   * same text writes the same items, which Yjs merges into one, so two devices opening a
   * never-edited reflection at once do not double it.
   */
  private seed(id: string, fragment: Y.XmlFragment): void {
    const text = this.journal.seedText(id);
    if (text === null || text === '') return;
    const seedClient = derivedClientId(`${SEED_FORMAT}\n${id}\n${text}`);
    if (Y.getState(this.ydoc.store, seedClient) > 0) return;
    writeAs(this.ydoc, seedClient, () => {
      this.ydoc.transact(() => writeReflectionParagraphs(fragment, text.split('\n')), ORIGIN.seed);
    });
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === ORIGIN.seed || transaction.origin === ORIGIN.migration) return;
    const where = transaction.local ? 'here' : 'elsewhere';
    for (const type of transaction.changed.keys()) {
      const id = reflectionIdOf(type, this.map);
      if (id !== null && this.changed.get(id) !== 'here') this.changed.set(id, where);
    }
    if (this.changed.size > 0) this.planWrite(where);
  };

  private planWrite(where: 'here' | 'elsewhere'): void {
    if (!this.schedule) return;
    const delay = where === 'here' ? LOCAL_TEXT_DELAY_MS : REMOTE_TEXT_DELAY_MS;
    const due = Date.now() + delay;
    // Typing postpones the write; a change from elsewhere never brings it forward.
    if (where === 'elsewhere' && this.writeDue <= due) return;
    this.cancelWrite?.();
    this.writeDue = due;
    this.cancelWrite = this.schedule(() => this.writeTexts(), delay);
  }
}

/** The id of the reflection a shared type is in (null: the map itself, or another type). */
function reflectionIdOf<T>(type: Y.AbstractType<T>, map: Y.Map<unknown>): string | null {
  let inner = type;
  for (let item = inner._item; item !== null; item = inner._item) {
    if (item.parent === map) return item.parentSub;
    inner = item.parent as Y.AbstractType<T>;
  }
  return null;
}
