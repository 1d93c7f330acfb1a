/** What a source with no organiser or place is called. */
export const NO_SOURCE_LABEL = 'No organiser or place';

const COMBINING_MARKS = /\p{M}/gu;
const SPACES = /\s+/g;

/**
 * The key that groups spellings of one organiser or place: trimmed, inner spaces collapsed,
 * lower case, accents removed. "Café  Comercial " and "cafe comercial" are one source.
 */
export function sourceKeyOf(place: string): string {
  return place
    .trim()
    .replace(SPACES, ' ')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase();
}
