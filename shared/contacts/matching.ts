import type { Contact, Introduction } from '../domain';
import { isKindOfHelp, keywordsOf, normalisePhrase } from './words';

/** Where an offering contact's matching words come from, strongest first. */
export type MatchSource = 'offer' | 'role' | 'tag' | 'organisation';

/** "Introduce these two": one contact's need meets what another contact offers or is. */
export interface IntroductionSuggestion {
  /** Stable across devices and runs: `intro:<needContactId>:<offerContactId>:<normalised need>`. */
  readonly key: string;
  readonly needContactId: string;
  readonly offerContactId: string;
  /** The need as written. */
  readonly need: string;
  /** The offer, role, tag or organisation that matched, as written. */
  readonly offer: string;
  readonly source: MatchSource;
  /** Why, in words: "Rosa Delgado offers “…”; Tom Alvarez needs “…”". */
  readonly reason: string;
}

/** Suggestions to leave out: dismissed ones and those already in the introductions ledger. */
export interface MatchExclusions {
  readonly dismissed?: ReadonlySet<string>;
  readonly introductions?: readonly Introduction[];
}

/** The key a suggestion is dismissed or recorded under. */
export function suggestionKeyOf(needContactId: string, offerContactId: string, need: string) {
  // matchNeed builds the same key from the need's normalised text, worked out once.
  return `intro:${needContactId}:${offerContactId}:${normalisePhrase(need)}`;
}

/** One thing a contact offers or is (an offer, their role, a tag, their organisation). */
export interface Offering {
  readonly source: MatchSource;
  readonly text: string;
  readonly keywords: readonly string[];
}

/** One thing a contact needs, with its keywords. */
export interface Need {
  readonly text: string;
  readonly keywords: readonly string[];
  /** The keywords a match is made on: those that say what about, or all if none does. */
  readonly subject: readonly string[];
  /** How many of `subject` one offering must have. */
  readonly required: number;
  /** The need as suggestion keys hold it (see suggestionKeyOf). */
  readonly normalised: string;
}

function needOf(text: string): Need {
  const keywords = keywordsOf(text);
  const about = keywords.filter((keyword) => !isKindOfHelp(keyword));
  const subject = about.length > 0 ? about : keywords;
  const normalised = normalisePhrase(text);
  return { text, keywords, subject, required: wordsNeeded(subject.length), normalised };
}

/** A contact's needs and offerings as keywords (computed once per contact object). */
export interface ContactWords {
  readonly offerings: readonly Offering[];
  /** Every keyword of the offerings. */
  readonly offered: ReadonlySet<string>;
  readonly needs: readonly Need[];
}

const sameNeed = (a: string, b: string) => normalisePhrase(a) === normalisePhrase(b);

const SOURCE_RANK: Record<MatchSource, number> = { offer: 0, role: 1, tag: 2, organisation: 3 };
const wordsCache = new WeakMap<Contact, ContactWords>();

export function wordsOf(contact: Contact): ContactWords {
  let words = wordsCache.get(contact);
  if (!words) {
    const offering = (source: MatchSource, text: string): Offering => ({
      source,
      text,
      keywords: keywordsOf(text),
    });
    const offerings = [
      ...contact.offers.map((text) => offering('offer', text)),
      ...(contact.role ? [offering('role', contact.role)] : []),
      ...contact.tags.map((text) => offering('tag', text)),
      ...(contact.organisation ? [offering('organisation', contact.organisation)] : []),
    ].filter((item) => item.keywords.length > 0);
    words = {
      offerings,
      offered: new Set(offerings.flatMap((item) => item.keywords)),
      // A need written twice (in any case or accents) is one need, with one suggestion key.
      needs: contact.needs
        .filter((text, at) => contact.needs.findIndex((other) => sameNeed(other, text)) === at)
        .map(needOf)
        .filter((need) => need.keywords.length > 0),
    };
    wordsCache.set(contact, words);
  }
  return words;
}

/**
 * How many of a need's subject keywords must appear in one offering: all of one or two, and at
 * least 60% of longer needs (three of four, two of three), so "a plant manager" meets "plant
 * management experience" but not "plant-based recipes".
 */
export function wordsNeeded(needKeywords: number): number {
  return needKeywords <= 2 ? needKeywords : Math.ceil(needKeywords * 0.6);
}

function reasonOf(needer: Contact, offerer: Contact, needText: string, match: Offering): string {
  const who = offerer.name;
  const what =
    match.source === 'offer'
      ? `${who} offers “${match.text}”`
      : match.source === 'role'
        ? `${who}’s role is “${match.text}”`
        : match.source === 'tag'
          ? `${who} is tagged “${match.text}”`
          : `${who} is at “${match.text}”`;
  const who2 = needer.organisation ? `${needer.name} (${needer.organisation})` : needer.name;
  return `${what}; ${who2} needs “${needText}”`;
}

function isBetter(a: Offering, sharedA: number, b: Offering, sharedB: number): boolean {
  if (sharedA !== sharedB) return sharedA > sharedB;
  if (SOURCE_RANK[a.source] !== SOURCE_RANK[b.source]) {
    return SOURCE_RANK[a.source] < SOURCE_RANK[b.source];
  }
  const coverage = sharedA / a.keywords.length - sharedB / b.keywords.length;
  if (coverage !== 0) return coverage > 0;
  return a.text < b.text;
}

/** Whether `offered` has enough of the need's subject words for one offering to have them. */
export function mayMeet(need: Need, offered: ReadonlySet<string>): boolean {
  let onSubject = 0;
  for (const word of need.subject) if (offered.has(word)) onSubject += 1;
  return onSubject >= need.required;
}

/**
 * The suggestion for one need of `needer` against `offerer`: their best offering with enough
 * of the need's subject words (then most words shared, offer before role, tag and organisation,
 * the closer fit), or none.
 */
export function matchNeed(
  needer: Contact,
  need: Need,
  offerer: Contact,
): IntroductionSuggestion | undefined {
  if (needer.id === offerer.id) return undefined;
  let best: { offering: Offering; shared: number } | undefined;
  for (const offering of wordsOf(offerer).offerings) {
    let onSubject = 0;
    let shared = 0;
    for (const keyword of offering.keywords) {
      if (need.subject.includes(keyword)) onSubject += 1;
      if (need.keywords.includes(keyword)) shared += 1;
    }
    if (onSubject < need.required) continue;
    if (!best || isBetter(offering, shared, best.offering, best.shared))
      best = { offering, shared };
  }
  if (!best) return undefined;
  return {
    key: `intro:${needer.id}:${offerer.id}:${need.normalised}`,
    needContactId: needer.id,
    offerContactId: offerer.id,
    need: need.text,
    offer: best.offering.text,
    source: best.offering.source,
    reason: reasonOf(needer, offerer, need.text, best.offering),
  };
}
