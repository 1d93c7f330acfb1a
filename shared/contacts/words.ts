/**
 * The words of a need or an offer, made comparable: lowercase, accents stripped, stop words
 * out, and a light stemmer so that "manager", "managers", "management" and "managing" all
 * become "manag" (on purpose: someone who offers plant management can fill a plant manager
 * role). Pure and deterministic.
 */

/** Words that say nothing about what is needed or offered. */
const STOP_WORDS = new Set(
  (
    'a an the and or of for to in on at by with from into as is are be our their his her its my ' +
    'your we they he she it this that some any who which what new good great someone somebody ' +
    'person people contact contacts need needs needed looking want wants help intro introduction ' +
    'introductions experience experienced company firm team first s'
  ).split(' '),
);

/** Endings stripped by the stemmer, longest first. */
const SUFFIXES = ['ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ies', 'es', 's', 'ed', 'e'];
const MIN_STEM = 3;

/** A phrase in lowercase without accents or punctuation, words separated by one space. */
export function normalisePhrase(phrase: string): string {
  return phrase
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One word's stem: endings stripped (three times at most), never shorter than three letters. */
export function stem(word: string): string {
  let current = word;
  for (let pass = 0; pass < 3; pass += 1) {
    const suffix = SUFFIXES.find(
      (ending) => current.endsWith(ending) && current.length - ending.length >= MIN_STEM,
    );
    if (!suffix) break;
    current = current.slice(0, current.length - suffix.length);
  }
  return current;
}

/** The distinct stems of a phrase's content words, in the order they first appear. */
export function keywordsOf(phrase: string): string[] {
  const stems = new Set<string>();
  for (const word of normalisePhrase(phrase).split(' ')) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    stems.add(stem(word));
  }
  return [...stems];
}

/**
 * Words that say what kind of help rather than what about ("a mentor in coffee sales", "contacts
 * in solar"): they rank matches but never make one, so mentoring on real-estate sales is not
 * offered to someone who needs a mentor in coffee sales.
 */
const KIND_OF_HELP = new Set(
  (
    'advice adviser advisor consulting consultant mentor mentoring customers customer clients ' +
    'client buyers buyer partner partners referral referrals support guidance feedback network'
  )
    .split(' ')
    .map(stem),
);

/** Whether a keyword (a stem) only says what kind of help is meant. */
export function isKindOfHelp(keyword: string): boolean {
  return KIND_OF_HELP.has(keyword);
}
