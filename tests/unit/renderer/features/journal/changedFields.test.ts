import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../../../renderer/src/features/journal/changedFields';
import { anInteraction, anUnratedMessage } from '../../../../fixtures/interactions';

describe('changedFields', () => {
  it('is empty when nothing changed, even with fresh copies of every value', () => {
    expect(changedFields(anInteraction(), anInteraction())).toEqual({});
  });

  it('has only the fields that changed, with their new values', () => {
    const before = anInteraction();
    const after = anInteraction({ title: 'Coffee with Ana López', durationMinutes: 60 });
    expect(changedFields(before, after)).toEqual({
      title: 'Coffee with Ana López',
      durationMinutes: 60,
    });
  });

  it('compares the people by value: the same names in a new array are no change', () => {
    const before = anInteraction({ people: ['Ana Lopez', 'Ben Ortiz'] });
    expect(changedFields(before, { ...before, people: ['Ana Lopez', 'Ben Ortiz'] })).toEqual({});
    expect(changedFields(before, { ...before, people: ['Ben Ortiz', 'Ana Lopez'] })).toEqual({
      people: ['Ben Ortiz', 'Ana Lopez'],
    });
    expect(changedFields(before, { ...before, people: ['Ana Lopez'] })).toEqual({
      people: ['Ana Lopez'],
    });
    expect(changedFields(before, { ...before, people: [] })).toEqual({ people: [] });
  });

  it('keeps a rating that was cleared: null is a change, not a missing value', () => {
    expect(
      changedFields(anInteraction({ relevance: 4 }), anInteraction({ relevance: null })),
    ).toEqual({ relevance: null });
    expect(changedFields(anUnratedMessage(), anUnratedMessage({ relevance: 5 }))).toEqual({
      relevance: 5,
    });
  });

  it('sees text emptied, and 0 minutes, as changes', () => {
    const before = anInteraction();
    const after = anInteraction({ nextStep: '', durationMinutes: 0 });
    expect(changedFields(before, after)).toEqual({ nextStep: '', durationMinutes: 0 });
  });

  it('tells apart names that differ in one letter (ß and ss)', () => {
    const before = anInteraction({ people: ['Dana Weiß'] });
    expect(changedFields(before, { ...before, people: ['Dana Weiss'] })).toEqual({
      people: ['Dana Weiss'],
    });
  });
});
