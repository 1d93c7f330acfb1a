/**
 * Words for matching what was logged against goals: simple, deterministic and explainable.
 * A word is a run of letters, folded (lower case, accents removed), at least
 * MIN_WORD_LENGTH long, not a stop word, with a plural ending taken off.
 */

/** Shorter words say too little to match on ("in", "of", "HR"). */
export const MIN_WORD_LENGTH = 3;

const COMBINING_MARKS = /\p{M}/gu;
const NON_LETTERS = /[^\p{L}]+/u;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Words that appear in goals and notes without saying what they are about: English function
 * words and the generic words of goals ("a role in the food industry").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'about',
  'after',
  'all',
  'and',
  'any',
  'are',
  'around',
  'based',
  'before',
  'but',
  'can',
  'for',
  'from',
  'get',
  'got',
  'had',
  'has',
  'have',
  'her',
  'him',
  'his',
  'into',
  'its',
  'job',
  'more',
  'near',
  'new',
  'not',
  'our',
  'out',
  'over',
  'role',
  'she',
  'some',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'they',
  'this',
  'was',
  'were',
  'what',
  'when',
  'which',
  'who',
  'will',
  'with',
  'you',
  'your',
]);

/** Lower case, accents removed: "Délégué" → "delegue". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Plural endings off: "industries" → "industry", "plants" → "plant"; "glass", "status" stay. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/** One word of a text: its matching key and how it was written there. */
export interface Word {
  readonly key: string;
  readonly written: string;
}

/** The words of a text worth matching on, in order, each once (by key). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const seen = new Set<string>();
  for (const written of text.normalize('NFC').split(NON_LETTERS)) {
    if (written.length < MIN_WORD_LENGTH) continue;
    const folded = fold(written);
    const key = stem(folded);
    if (key.length < MIN_WORD_LENGTH || STOP_WORDS.has(folded) || STOP_WORDS.has(key)) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    words.push({ key, written });
  }
  return words;
}

/** The matching keys of a text's words. */
export function keysOf(text: string): Set<string> {
  return new Set(wordsOf(text).map((word) => word.key));
}

/** A person's name folded for look-up: trimmed, inner spaces collapsed, case and accents off. */
export function nameKey(name: string): string {
  return fold(name.trim().replace(/\s+/g, ' '));
}
