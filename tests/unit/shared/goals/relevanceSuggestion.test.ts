import { describe, expect, it } from 'vitest';
import {
  NO_MATCH_REASON,
  stem,
  suggestRelevance,
  wordsOf,
  type RelevanceDraft,
} from '../../../../shared/goals';
import { aContactRecord, aGoal } from '../../../fixtures/goals';

const draft = (overrides: Partial<RelevanceDraft> = {}): RelevanceDraft => ({
  day: '2026-11-12',
  title: '',
  place: '',
  intent: '',
  outcome: '',
  people: [],
  ...overrides,
});

const plantManager = aGoal('g-plant');
const northwind = aGoal('g-northwind', {
  kind: 'company',
  description: 'Northwind Turbines',
});
const valencia = aGoal('g-valencia', { kind: 'place', description: 'Work in València' });
const ended = aGoal('g-ended', {
  kind: 'industry',
  description: 'Logistics and warehousing',
  activeFrom: '2026-01-01',
  activeTo: '2026-10-31',
});
const upcoming = aGoal('g-upcoming', {
  kind: 'industry',
  description: 'Plants for renewable energy',
  activeFrom: '2026-12-01',
});
const goals = [plantManager, northwind, valencia, ended, upcoming];

const contacts = [
  aContactRecord('c-angel', 'Ángel Ruiz', 'Acme Foods', 'Head of operations'),
  aContactRecord('c-rosa', 'Rosa Delgado', 'Northwind Turbines', 'Former plant manager'),
  aContactRecord('c-tom', 'Tom Baker', 'Bakers Ltd', 'Accountant'),
];

describe('words for matching', () => {
  it('fold case and accents, drop stop words and short words, and take plurals off', () => {
    expect(wordsOf('The PLANTS of València — in HR, with Industries!')).toEqual([
      { key: 'plant', written: 'PLANTS' },
      { key: 'valencia', written: 'València' },
      { key: 'industry', written: 'Industries' },
    ]);
    expect(['glass', 'status', 'analysis', 'bus', 'managers'].map(stem)).toEqual([
      'glass',
      'status',
      'analysis',
      'bus',
      'manager',
    ]);
  });
});

describe('suggestRelevance', () => {
  it('suggests 3 for a word of the title matching a goal, plural or not, and says which', () => {
    expect(suggestRelevance(goals, contacts, draft({ title: 'Tour of two Plants' }))).toEqual({
      relevance: 3,
      reason:
        'Matches your role goal “Plant manager in food manufacturing”: the title says “Plants”.',
      goalIds: ['g-plant'],
    });
  });

  it('matches with accents typed or not, and names the field of the notes', () => {
    expect(
      suggestRelevance(goals, contacts, draft({ title: 'Lunch', intent: 'Ask about valencia' })),
    ).toEqual({
      relevance: 3,
      reason: 'Matches your place goal “Work in València”: what you wanted says “valencia”.',
      goalIds: ['g-valencia'],
    });
  });

  it('counts an organiser matching a goal as a strong match: 4', () => {
    expect(
      suggestRelevance(goals, contacts, draft({ title: 'Open day', place: 'Northwind' })),
    ).toEqual({
      relevance: 4,
      reason:
        'Matches your company goal “Northwind Turbines”: the organiser or place says “Northwind”.',
      goalIds: ['g-northwind'],
    });
  });

  it('finds people’s organisation and role through the contacts, case and accents aside', () => {
    const suggestion = suggestRelevance(
      goals,
      contacts,
      draft({ title: 'Lunch', people: ['rosa  delgado', 'Angel Ruiz'] }),
    );
    expect(suggestion).toEqual({
      relevance: 5,
      reason:
        'Matches your role goal “Plant manager in food manufacturing” and your company goal “Northwind Turbines”: ' +
        'Rosa Delgado is “Former plant manager” at Northwind Turbines, Ángel Ruiz works at Acme Foods.',
      goalIds: ['g-plant', 'g-northwind'],
    });
  });

  it('gives 5 to one goal matched both by a person and by the title', () => {
    const people = ['Ángel Ruiz'];
    const food = aGoal('g-food', { kind: 'industry', description: 'Food companies' });
    expect(suggestRelevance([food], contacts, draft({ title: 'Food fair', people }))).toEqual({
      relevance: 5,
      reason:
        'Matches your industry goal “Food companies”: the title says “Food”, Ángel Ruiz works at Acme Foods.',
      goalIds: ['g-food'],
    });
  });

  it('suggests 2 when nothing matches an active goal, and ignores ended and upcoming goals', () => {
    const suggestion = suggestRelevance(
      goals,
      contacts,
      draft({
        title: 'Warehousing logistics talk',
        outcome: 'renewable plants',
        people: ['Tom Baker'],
      }),
    );
    // "plants" matches the active role goal, not the upcoming one.
    expect(suggestion?.goalIds).toEqual(['g-plant']);
    expect(
      suggestRelevance(goals, contacts, draft({ title: 'Warehousing logistics talk' })),
    ).toEqual({ relevance: 2, reason: NO_MATCH_REASON, goalIds: [] });
  });

  it('makes no suggestion with no goal active that day, or before anything is typed', () => {
    expect(
      suggestRelevance([ended, upcoming], contacts, draft({ title: 'Logistics expo' })),
    ).toBeNull();
    expect(suggestRelevance(goals, contacts, draft({ title: '  ', people: [] }))).toBeNull();
    expect(suggestRelevance([], contacts, draft({ title: 'Plant tour' }))).toBeNull();
  });

  it('counts a goal on its first and last day, and follows a goal list that changes', () => {
    const october = aGoal('g-oct', {
      description: 'Plant manager',
      activeFrom: '2026-10-01',
      activeTo: '2026-10-31',
    });
    const list = [october];
    expect(
      suggestRelevance(list, [], draft({ day: '2026-10-31', title: 'plant' }))?.relevance,
    ).toBe(3);
    expect(suggestRelevance(list, [], draft({ day: '2026-11-01', title: 'plant' }))).toBeNull();
    const renamed = [{ ...october, description: 'Quality lead' }];
    expect(suggestRelevance(renamed, [], draft({ day: '2026-10-31', title: 'plant' }))).toEqual({
      relevance: 2,
      reason: NO_MATCH_REASON,
      goalIds: [],
    });
  });
});
