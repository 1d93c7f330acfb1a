import { isGoalActiveOn, type Contact, type Goal, type Relevance } from '../domain';
import { keysOf, nameKey, wordsOf, type Word } from './words';

/** What has been typed so far for an interaction: what a relevance is suggested from. */
export interface RelevanceDraft {
  /** The interaction's local day (YYYY-MM-DD): the goals active on it are matched. */
  readonly day: string;
  readonly title: string;
  /** Organiser or place. */
  readonly place: string;
  /** What I wanted. */
  readonly intent: string;
  /** What I got. */
  readonly outcome: string;
  /** Names of the people met; those that are contacts bring their organisation and role. */
  readonly people: readonly string[];
}

/** A suggested relevance, why, and the goals it matched (to link them). */
export interface RelevanceSuggestion {
  readonly relevance: Relevance;
  /** In words, e.g. Matches your role goal “Plant manager”: the title says “plant”. */
  readonly reason: string;
  /** The goals matched, best match first; empty when none matched. */
  readonly goalIds: readonly string[];
}

/** The suggestion when active goals exist but nothing typed matches any of them. */
export const NO_MATCH_RELEVANCE: Relevance = 2;
export const NO_MATCH_REASON = 'Matches none of your active goals.';

/** The text fields matched, and how the reason names each. */
const TEXT_FIELDS = [
  { field: 'title', says: 'the title says', strong: false },
  { field: 'place', says: 'the organiser or place says', strong: true },
  { field: 'intent', says: 'what you wanted says', strong: false },
  { field: 'outcome', says: 'what you got says', strong: false },
] as const;

interface GoalIndex {
  /** Goal indices by word key. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
}

interface ContactWords {
  readonly contact: Contact;
  readonly organisation: readonly Word[];
  readonly role: readonly Word[];
}

const goalIndexes = new WeakMap<readonly Goal[], GoalIndex>();
const contactIndexes = new WeakMap<readonly Contact[], Map<string, Contact>>();
const contactWords = new WeakMap<Contact, ContactWords>();

/** The goals' words, worked out once per goals list (snapshots keep the list until it changes). */
function goalIndexOf(goals: readonly Goal[]): GoalIndex {
  let index = goalIndexes.get(goals);
  if (!index) {
    const byKey = new Map<string, number[]>();
    goals.forEach((goal, position) => {
      for (const key of keysOf(goal.description)) {
        const list = byKey.get(key);
        if (list) list.push(position);
        else byKey.set(key, [position]);
      }
    });
    index = { byKey };
    goalIndexes.set(goals, index);
  }
  return index;
}

/** Contacts by folded name, once per contacts list; the first (by the list's order) wins. */
function contactsByName(contacts: readonly Contact[]): Map<string, Contact> {
  let byName = contactIndexes.get(contacts);
  if (!byName) {
    byName = new Map();
    for (const contact of contacts) {
      const key = nameKey(contact.name);
      if (!byName.has(key)) byName.set(key, contact);
    }
    contactIndexes.set(contacts, byName);
  }
  return byName;
}

function wordsOfContact(contact: Contact): ContactWords {
  let words = contactWords.get(contact);
  if (!words) {
    words = { contact, organisation: wordsOf(contact.organisation), role: wordsOf(contact.role) };
    contactWords.set(contact, words);
  }
  return words;
}

/** What matched one goal. */
interface GoalMatch {
  readonly position: number;
  strong: boolean;
  weak: boolean;
}

const quoted = (text: string) => `“${text}”`;

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function goalPhrase(goal: Goal): string {
  const kind = goal.kind === 'other' ? 'goal' : `${goal.kind} goal`;
  return `your ${kind} ${quoted(goal.description)}`;
}

/**
 * Suggests a relevance for an interaction being logged, from the goals active on its day
 * (rules in docs/analytics.md):
 * - a goal matched by the organiser or place, or by a person met (a contact's organisation or
 *   role), is a strong match: 4; matched by the title or notes only, a weak match: 3; both: 5;
 * - the best goal's score counts, one more (at most 5) when two goals or more match;
 * - active goals but no match: 2, "Matches none of your active goals.";
 * - no suggestion (null) with no goal active that day, or nothing typed yet.
 * Fast enough per keystroke: the goals' and contacts' indexes are built once per list.
 */
export function suggestRelevance(
  goals: readonly Goal[],
  contacts: readonly Contact[],
  draft: RelevanceDraft,
): RelevanceSuggestion | null {
  const active = new Set<number>();
  goals.forEach((goal, position) => {
    if (isGoalActiveOn(goal, draft.day)) active.add(position);
  });
  if (active.size === 0) return null;
  const { byKey } = goalIndexOf(goals);
  const matches = new Map<number, GoalMatch>();
  const matchGoals = (word: Word, strong: boolean): boolean => {
    let matched = false;
    for (const position of byKey.get(word.key) ?? []) {
      if (!active.has(position)) continue;
      matched = true;
      const match = matches.get(position) ?? { position, strong: false, weak: false };
      if (strong) match.strong = true;
      else match.weak = true;
      matches.set(position, match);
    }
    return matched;
  };

  const clauses: string[] = [];
  let typed = draft.people.some((name) => name.trim() !== '');
  for (const { field, says, strong } of TEXT_FIELDS) {
    const words = wordsOf(draft[field]);
    if (words.length > 0) typed = true;
    const matched = words.filter((word) => matchGoals(word, strong));
    if (matched.length > 0)
      clauses.push(`${says} ${listed(matched.map((w) => quoted(w.written)))}`);
  }
  if (!typed) return null;

  const byName = contactsByName(contacts);
  const seen = new Set<Contact>();
  for (const name of draft.people) {
    const contact = byName.get(nameKey(name));
    if (!contact || seen.has(contact)) continue;
    seen.add(contact);
    const words = wordsOfContact(contact);
    const atOrganisation = words.organisation.filter((w) => matchGoals(w, true)).length > 0;
    const inRole = words.role.filter((w) => matchGoals(w, true)).length > 0;
    if (inRole && atOrganisation) {
      clauses.push(`${contact.name} is ${quoted(contact.role)} at ${contact.organisation}`);
    } else if (inRole) clauses.push(`${contact.name} is ${quoted(contact.role)}`);
    else if (atOrganisation) clauses.push(`${contact.name} works at ${contact.organisation}`);
  }

  if (matches.size === 0) {
    return { relevance: NO_MATCH_RELEVANCE, reason: NO_MATCH_REASON, goalIds: [] };
  }
  const scored = [...matches.values()]
    .map((match) => ({ ...match, score: match.strong ? (match.weak ? 5 : 4) : 3 }))
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const best = scored[0]?.score ?? 3;
  const relevance = Math.min(5, best + (scored.length > 1 ? 1 : 0)) as Relevance;
  const matchedGoals = scored.map((match) => goals[match.position] as Goal);
  return {
    relevance,
    reason: `Matches ${listed(matchedGoals.map(goalPhrase))}: ${clauses.join(', ')}.`,
    goalIds: matchedGoals.map((goal) => goal.id),
  };
}
