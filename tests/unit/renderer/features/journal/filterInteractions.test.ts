import { describe, expect, it } from 'vitest';
import { JournalDoc } from '../../../../../shared/doc';
import { aReplica } from '../../../../fixtures/replicas';
import { writeReflectionParagraphs } from '../../../../../shared/doc/reflectionText';
import type { Interaction, InteractionFields } from '../../../../../shared/domain';
import {
  filterInteractions,
  isFiltering,
  NO_FILTERS,
  type JournalFilters,
} from '../../../../../renderer/src/features/journal/filterInteractions';
import {
  aConference,
  anInteraction,
  anUnratedMessage,
  novemberAt,
} from '../../../../fixtures/interactions';

/** A journal with one interaction per relevance rating, and what it shows (newest first). */
function aJournal() {
  const journal = aReplica();
  const add = (fields: InteractionFields, reflection: string[] = []) =>
    journal.addInteraction(fields, { reflection });
  add(anInteraction({ startedAt: novemberAt(2) }), ['Ana mentioned a night-shift opening.']);
  add(aConference({ startedAt: novemberAt(3) }), ['Dana runs the Wrocław plant.']);
  add(anUnratedMessage({ startedAt: novemberAt(4) }));
  add(
    anInteraction({
      startedAt: novemberAt(5),
      kind: 'call',
      title: 'Call with a recruiter',
      place: 'Phone',
      people: ['Mei Tanaka'],
      relevance: 1,
      intent: 'Hear about the logistics role',
      outcome: 'Not a fit: all sales',
      nextStep: '',
    }),
  );
  add(
    anInteraction({
      startedAt: novemberAt(6),
      kind: 'meal',
      title: 'Lunch with the ops team',
      place: 'Casa Lucio',
      people: ['Ana Lopez', 'Ben Ortiz'],
      relevance: 5,
      intent: '',
      outcome: 'Offer to shadow a night shift',
      nextStep: 'Confirm the date with Ben',
    }),
  );
  add(anInteraction({ startedAt: novemberAt(7), title: 'Rated two', relevance: 2, kind: 'video' }));
  return journal;
}

const titles = (items: readonly Interaction[]) => items.map((item) => item.title);

const filters = (overrides: Partial<JournalFilters>): JournalFilters => ({
  ...NO_FILTERS,
  ...overrides,
});

describe('filterInteractions', () => {
  const journal = aJournal();
  const all = journal.getSnapshot().interactions;

  it('returns the very same array when nothing filters (so memoised lists stay put)', () => {
    expect(filterInteractions(all, NO_FILTERS)).toBe(all);
    expect(filterInteractions(all, filters({ query: '  \t ' }))).toBe(all);
    expect(isFiltering(filters({ query: '  ' }))).toBe(false);
  });

  it('keeps the order it was given', () => {
    expect(titles(filterInteractions(all, filters({ bands: ['high', 'low'] })))).toEqual([
      'Rated two',
      'Lunch with the ops team',
      'Call with a recruiter',
      'Coffee with Ana Lopez',
    ]);
  });

  it.each([
    [['high'], ['Lunch with the ops team', 'Coffee with Ana Lopez']],
    [['medium'], ['Food Manufacturing Summit – day 1']],
    [['low'], ['Rated two', 'Call with a recruiter']],
    [['unrated'], ['Thank-you note to Ben']],
    [
      ['low', 'unrated'],
      ['Rated two', 'Call with a recruiter', 'Thank-you note to Ben'],
    ],
  ] as const)('shows the bands %j: ratings 4–5 high, 3 medium, 1–2 low', (bands, expected) => {
    expect(titles(filterInteractions(all, filters({ bands })))).toEqual(expected);
  });

  it('filters by kind', () => {
    expect(titles(filterInteractions(all, filters({ kind: 'coffee' })))).toEqual([
      'Coffee with Ana Lopez',
    ]);
    expect(filterInteractions(all, filters({ kind: 'interview' }))).toEqual([]);
  });

  it.each([
    ['the title', 'RECRUITER', ['Call with a recruiter']],
    ['a person', 'tanaka', ['Call with a recruiter']],
    ['the place', 'casa', ['Lunch with the ops team']],
    ['what I wanted', 'logistics', ['Call with a recruiter']],
    ['what I got', 'shadow', ['Lunch with the ops team']],
    ['the next step', 'CONNECT', ['Food Manufacturing Summit – day 1']],
    ['the reflection', 'WROCŁAW', ['Food Manufacturing Summit – day 1']],
  ])('finds a word in %s, whatever its case', (_, query, expected) => {
    expect(titles(filterInteractions(all, filters({ query })))).toEqual(expected);
  });

  it('needs every word of the query, each found in any field, in any order', () => {
    // "night" is in one reflection and one outcome; "ben" narrows it to the lunch.
    expect(titles(filterInteractions(all, filters({ query: 'night' })))).toEqual([
      'Lunch with the ops team',
      'Coffee with Ana Lopez',
    ]);
    expect(titles(filterInteractions(all, filters({ query: '  Ben   NIGHT ' })))).toEqual([
      'Lunch with the ops team',
    ]);
    expect(filterInteractions(all, filters({ query: 'night recruiter' }))).toEqual([]);
  });

  it('matches parts of words', () => {
    expect(titles(filterInteractions(all, filters({ query: 'manufact' })))).toEqual([
      'Food Manufacturing Summit – day 1',
    ]);
  });

  it('applies bands, kind and query together', () => {
    const both = filters({ bands: ['high'], query: 'ana' });
    expect(titles(filterInteractions(all, both))).toEqual([
      'Lunch with the ops team',
      'Coffee with Ana Lopez',
    ]);
    expect(titles(filterInteractions(all, { ...both, kind: 'meal' }))).toEqual([
      'Lunch with the ops team',
    ]);
    expect(filterInteractions(all, { ...both, kind: 'call' })).toEqual([]);
  });

  it('searches the edited text after an interaction changes, not what it said before', () => {
    const edited = aJournal();
    const coffee = edited.getSnapshot().interactions.find((i) => i.title.startsWith('Coffee'));
    if (!coffee) throw new Error('fixture missing');
    const lopez = filters({ query: 'lopez' });
    expect(titles(filterInteractions(edited.getSnapshot().interactions, lopez))).toEqual([
      'Rated two',
      'Lunch with the ops team',
      'Coffee with Ana Lopez',
    ]);

    edited.updateInteraction(coffee.id, { title: 'Coffee with Marta', people: ['Marta Ruiz'] });
    const now = edited.getSnapshot().interactions;
    expect(titles(filterInteractions(now, filters({ query: 'marta' })))).toEqual([
      'Coffee with Marta',
    ]);
    expect(titles(filterInteractions(now, lopez))).toEqual([
      'Rated two',
      'Lunch with the ops team',
    ]);
  });
});

describe('filterInteractions after the reflection is edited', () => {
  it('finds words typed into the reflection since the last search', () => {
    const journal = aJournal();
    const call = journal.getSnapshot().interactions.find((i) => i.title.startsWith('Call'));
    const fragment = call && journal.reflectionFragment(call.id);
    if (!call || !fragment) throw new Error('fixture missing');
    const query = filters({ query: 'warehouse' });
    expect(filterInteractions(journal.getSnapshot().interactions, query)).toEqual([]);

    // What the editor does as the person types: a new paragraph in the shared fragment.
    fragment.doc?.transact(() => writeReflectionParagraphs(fragment, ['Ask about the warehouse']));
    journal.openReflections?.writeTexts();
    expect(titles(filterInteractions(journal.getSnapshot().interactions, query))).toEqual([
      'Call with a recruiter',
    ]);
  });
});

describe('isFiltering', () => {
  it('is true as soon as a band, a kind or a non-blank query is set', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering(filters({ bands: ['unrated'] }))).toBe(true);
    expect(isFiltering(filters({ kind: 'other' }))).toBe(true);
    expect(isFiltering(filters({ query: ' x ' }))).toBe(true);
  });
});

describe('search ignores accents', () => {
  it('finds “Café Müller” and “Núñez” typed without accents, in any case', () => {
    const journal = new JournalDoc();
    journal.addInteraction(anInteraction({ title: 'Coffee at Café Müller' }), {
      reflection: ['Señora Núñez knows the plant manager.'],
    });
    journal.addInteraction(anInteraction({ title: 'Breakfast club' }));
    const all = journal.getSnapshot().interactions;
    const titles = (query: string) =>
      filterInteractions(all, { ...NO_FILTERS, query }).map((item) => item.title);
    expect(titles('cafe muller')).toEqual(['Coffee at Café Müller']);
    expect(titles('nunez')).toEqual(['Coffee at Café Müller']);
    expect(titles('MÜLLER')).toEqual(['Coffee at Café Müller']);
    expect(titles('club')).toEqual(['Breakfast club']);
  });
});
