import type { Contact } from '../domain';
import {
  mayMeet,
  matchNeed,
  suggestionKeyOf,
  wordsOf,
  type ContactWords,
  type IntroductionSuggestion,
  type MatchExclusions,
} from './matching';

/** Keyword → the ids of the contacts whose offerings (or needs) have it. */
type Postings = Map<string, Set<string>>;

function post(postings: Postings, keywords: Iterable<string>, id: string): void {
  for (const keyword of keywords) {
    let ids = postings.get(keyword);
    if (!ids) postings.set(keyword, (ids = new Set()));
    ids.add(id);
  }
}

function unpost(postings: Postings, keywords: Iterable<string>, id: string): void {
  for (const keyword of keywords) {
    const ids = postings.get(keyword);
    ids?.delete(id);
    if (ids?.size === 0) postings.delete(keyword);
  }
}

const offeredWords = (contact: Contact) => wordsOf(contact).offered;
/** A need can only meet offerings that share its subject words, so only those are posted. */
const neededWords = (contact: Contact) =>
  new Set(wordsOf(contact).needs.flatMap((need) => need.subject));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, n) => item === b[n]);

/** Whether the contact's own suggestions (as the one in need) read differently now. */
const needSideChanged = (before: Contact, after: Contact) =>
  before.name !== after.name ||
  before.organisation !== after.organisation ||
  !sameList(before.needs, after.needs);

/** Whether what the contact offers or is (or the name other contacts' suggestions show) changed. */
const offerSideChanged = (before: Contact, after: Contact) =>
  before.name !== after.name ||
  before.organisation !== after.organisation ||
  before.role !== after.role ||
  !sameList(before.offers, after.offers) ||
  !sameList(before.tags, after.tags);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A contact as a candidate for others' needs. */
interface Offerer {
  readonly contact: Contact;
  readonly words: ContactWords;
  /** The last matching pass that looked at this contact. */
  pass: number;
}

interface Change {
  readonly id: string;
  readonly before: Contact | undefined;
  readonly after: Contact | undefined;
}

/**
 * The introduction suggestions of one contacts list without the dismissed and recorded ones:
 * read a page or one contact's share, never the whole list at once (5,000 contacts can make
 * 100,000 of them). Read it before the matcher is given the next list.
 */
export interface IntroductionSuggestions {
  /** How many there are. */
  readonly count: number;
  /** The first `limit`, in list order (see IntroductionMatcher.suggest). */
  readonly first: (limit: number) => IntroductionSuggestion[];
  /** The suggestions one contact is part of: their own needs first, then whom they can help. */
  readonly forContact: (contactId: string) => IntroductionSuggestion[];
}

/** The keys of the dismissed suggestions and of those already in the introductions ledger. */
function excludedKeys(exclusions: MatchExclusions): Set<string> {
  const keys = new Set(exclusions.dismissed);
  for (const intro of exclusions.introductions ?? []) {
    if (intro.suggestionKey) keys.add(intro.suggestionKey);
    keys.add(suggestionKeyOf(intro.needContactId, intro.offerContactId, intro.need));
  }
  return keys;
}

/**
 * Connecting the dots, kept up to date as the contacts change: every contact's needs against
 * every other contact's offers, role, tags and organisation, through inverted indexes of
 * keywords (never pair by pair). Given the next contacts list, it compares contact objects
 * with the last list's and recomputes only what the changed contacts touch: a keystroke in one
 * need redoes that contact's needs; a changed offer redoes the pairs of the contacts whose needs
 * share a word with it.
 */
export class IntroductionMatcher {
  private contacts: readonly Contact[] = [];
  private readonly byId = new Map<string, Contact>();
  /** Keyword → the contacts whose offerings have it. */
  private readonly offered = new Map<string, Set<Offerer>>();
  private readonly offerers = new Map<string, Offerer>();
  /** Marks the offerers already looked at for the need being matched. */
  private pass = 0;
  private readonly needed: Postings = new Map();
  private readonly byNeeder = new Map<string, IntroductionSuggestion[]>();
  private readonly byOfferer = new Map<string, Set<IntroductionSuggestion>>();
  private readonly byKey = new Map<string, IntroductionSuggestion>();

  /**
   * The suggestions among `contacts` without the excluded ones. Their order: by the needing
   * contact's place in the list (the snapshot's by-name order), then need, then the offering
   * contact's name and id, so the same contacts always give the same list.
   */
  suggest(contacts: readonly Contact[], exclusions: MatchExclusions = {}): IntroductionSuggestions {
    if (contacts !== this.contacts) {
      const changes = this.changesTo(contacts);
      this.contacts = contacts;
      if (changes.length > 16 + contacts.length / 8) this.rebuild(contacts);
      else this.apply(changes);
    }
    const excluded = this.excludedKeys(exclusions);
    let hidden = 0;
    for (const key of excluded) if (this.byKey.has(key)) hidden += 1;
    const shown = (item: IntroductionSuggestion) => !excluded.has(item.key);
    return {
      count: this.byKey.size - hidden,
      first: (limit) => {
        const page: IntroductionSuggestion[] = [];
        for (const contact of contacts) {
          for (const item of this.byNeeder.get(contact.id) ?? []) {
            if (page.length >= limit) return page;
            if (shown(item)) page.push(item);
          }
        }
        return page;
      },
      forContact: (contactId) => {
        const asHelper = [...(this.byOfferer.get(contactId) ?? [])].sort(
          (a, b) =>
            compare(this.nameOf(a.needContactId), this.nameOf(b.needContactId)) ||
            compare(a.needContactId, b.needContactId) ||
            compare(a.need, b.need),
        );
        return [...(this.byNeeder.get(contactId) ?? []), ...asHelper].filter(shown);
      },
    };
  }

  private excluded: { readonly from: MatchExclusions; readonly keys: Set<string> } | undefined;

  /** The excluded keys, worked out again only when the dismissed set or the ledger changes. */
  private excludedKeys(exclusions: MatchExclusions): Set<string> {
    const last = this.excluded;
    if (
      last !== undefined &&
      last.from.dismissed === exclusions.dismissed &&
      last.from.introductions === exclusions.introductions
    ) {
      return last.keys;
    }
    this.excluded = { from: exclusions, keys: excludedKeys(exclusions) };
    return this.excluded.keys;
  }

  private nameOf(id: string): string {
    return this.byId.get(id)?.name ?? '';
  }

  private changesTo(contacts: readonly Contact[]): Change[] {
    // Usually the same contacts in the same places but one: compare place by place.
    const previous = this.contacts;
    if (previous.length === contacts.length) {
      const changes: Change[] = [];
      let aligned = true;
      for (let at = 0; at < contacts.length && aligned; at += 1) {
        const before = previous[at] as Contact;
        const after = contacts[at] as Contact;
        if (before === after) continue;
        if (before.id === after.id) changes.push({ id: after.id, before, after });
        else aligned = false;
      }
      if (aligned) return changes;
    }
    const changes: Change[] = [];
    const seen = new Set<string>();
    for (const after of contacts) {
      seen.add(after.id);
      const before = this.byId.get(after.id);
      if (before !== after) changes.push({ id: after.id, before, after });
    }
    for (const [id, before] of this.byId) {
      if (!seen.has(id)) changes.push({ id, before, after: undefined });
    }
    return changes;
  }

  private index(contact: Contact): void {
    this.byId.set(contact.id, contact);
    const offerer: Offerer = { contact, words: wordsOf(contact), pass: 0 };
    this.offerers.set(contact.id, offerer);
    for (const word of offerer.words.offered) {
      let holders = this.offered.get(word);
      if (!holders) this.offered.set(word, (holders = new Set()));
      holders.add(offerer);
    }
    post(this.needed, neededWords(contact), contact.id);
  }

  private unindex(contact: Contact): void {
    this.byId.delete(contact.id);
    const offerer = this.offerers.get(contact.id);
    this.offerers.delete(contact.id);
    for (const word of offeredWords(contact)) {
      const holders = this.offered.get(word);
      if (offerer) holders?.delete(offerer);
      if (holders?.size === 0) this.offered.delete(word);
    }
    unpost(this.needed, neededWords(contact), contact.id);
  }

  private rebuild(contacts: readonly Contact[]): void {
    this.byId.clear();
    this.offered.clear();
    this.offerers.clear();
    this.needed.clear();
    this.byNeeder.clear();
    this.byOfferer.clear();
    this.byKey.clear();
    for (const contact of contacts) this.index(contact);
    for (const contact of contacts) this.recompute(contact);
  }

  private apply(changes: readonly Change[]): void {
    for (const { before, after } of changes) {
      if (before) this.unindex(before);
      if (after) this.index(after);
    }
    // Contacts whose own needs are matched again from scratch; contacts whose offerings (or
    // name) changed, whose pairs with every other contact are redone.
    const needers = new Set<string>();
    const offerers: { id: string; after: Contact | undefined }[] = [];
    for (const { id, before, after } of changes) {
      if (!after) this.keep(id, []);
      else if (!before || needSideChanged(before, after)) needers.add(id);
      if (!before || !after || offerSideChanged(before, after)) offerers.push({ id, after });
    }
    // Every old pair first, so that the lists the new ones go into are in order by current names.
    for (const { id } of offerers) {
      for (const item of [...(this.byOfferer.get(id) ?? [])]) {
        if (!needers.has(item.needContactId)) this.remove(item);
      }
    }
    for (const { after } of offerers) if (after) this.pairWith(after, needers);
    for (const id of needers) this.recompute(this.byId.get(id) as Contact);
  }

  /** Adds the pairs of an offering contact with every needing contact but `skip`. */
  private pairWith(offerer: Contact, skip: ReadonlySet<string>): void {
    const words = offeredWords(offerer);
    const needers = new Set<string>();
    for (const word of words) for (const id of this.needed.get(word) ?? []) needers.add(id);
    for (const id of needers) {
      if (id === offerer.id || skip.has(id)) continue;
      const needer = this.byId.get(id) as Contact;
      for (const need of wordsOf(needer).needs) {
        if (!mayMeet(need, words)) continue;
        const found = matchNeed(needer, need, offerer);
        if (found) this.insert(found);
      }
    }
  }

  /** Orders one needing contact's suggestions: need, then offering contact's name and id. */
  private readonly inOrder = (a: IntroductionSuggestion, b: IntroductionSuggestion) =>
    compare(a.need, b.need) ||
    compare(this.nameOf(a.offerContactId), this.nameOf(b.offerContactId)) ||
    compare(a.offerContactId, b.offerContactId);

  private insert(item: IntroductionSuggestion): void {
    let list = this.byNeeder.get(item.needContactId);
    if (!list) this.byNeeder.set(item.needContactId, (list = []));
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.inOrder(list[middle] as IntroductionSuggestion, item) < 0) low = middle + 1;
      else high = middle;
    }
    list.splice(low, 0, item);
    this.track(item);
  }

  private remove(item: IntroductionSuggestion): void {
    const list = this.byNeeder.get(item.needContactId);
    list?.splice(list.indexOf(item), 1);
    if (list?.length === 0) this.byNeeder.delete(item.needContactId);
    this.untrack(item);
  }

  private track(item: IntroductionSuggestion): void {
    this.byKey.set(item.key, item);
    let helping = this.byOfferer.get(item.offerContactId);
    if (!helping) this.byOfferer.set(item.offerContactId, (helping = new Set()));
    helping.add(item);
  }

  private untrack(item: IntroductionSuggestion): void {
    this.byKey.delete(item.key);
    const helping = this.byOfferer.get(item.offerContactId);
    helping?.delete(item);
    if (helping?.size === 0) this.byOfferer.delete(item.offerContactId);
  }

  /** One contact's needs against every offering that shares a word with them. */
  private recompute(needer: Contact): void {
    const found: IntroductionSuggestion[] = [];
    const postings = (word: string) => this.offered.get(word)?.size ?? 0;
    for (const need of wordsOf(needer).needs) {
      // An offering with `required` of the need's subject words has at least one of its
      // `length - required + 1` rarest: only their contacts are candidates.
      const rarest = [...need.subject]
        .sort((a, b) => postings(a) - postings(b))
        .slice(0, need.subject.length - need.required + 1);
      this.pass += 1;
      for (const word of rarest) {
        for (const offerer of this.offered.get(word) ?? []) {
          if (offerer.pass === this.pass) continue;
          offerer.pass = this.pass;
          if (!mayMeet(need, offerer.words.offered)) continue;
          const match = matchNeed(needer, need, offerer.contact);
          if (match) found.push(match);
        }
      }
    }
    this.keep(needer.id, found);
  }

  /** Replaces one needing contact's suggestions, in order, in every index. */
  private keep(neederId: string, found: IntroductionSuggestion[]): void {
    for (const item of this.byNeeder.get(neederId) ?? []) this.untrack(item);
    if (found.length === 0) {
      this.byNeeder.delete(neederId);
      return;
    }
    found.sort(this.inOrder);
    this.byNeeder.set(neederId, found);
    for (const item of found) this.track(item);
  }
}

/**
 * Every introduction worth making among `contacts` (see IntroductionMatcher), without the
 * dismissed ones and those already recorded, as one list. For one-off use and small lists; a
 * screen that follows a changing journal keeps an IntroductionMatcher and reads a page.
 */
export function matchNeedsAndOffers(
  contacts: readonly Contact[],
  exclusions: MatchExclusions = {},
): IntroductionSuggestion[] {
  return new IntroductionMatcher().suggest(contacts, exclusions).first(Infinity);
}
